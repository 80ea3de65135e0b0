// ICUShim: a plain-C facade over the system ICU (libicu 72).
//
// This public header deliberately includes no ICU header: Swift modules that also import Foundation
// (whose bundled ICU headers clash with the system ones) can import it. Only the .c files include
// <unicode/...>. Every function takes plain buffers (UTF-16 as uint16_t + length, or bytes) and
// reports an ICU UErrorCode as int32_t: 0 is success, negative values are warnings, positive
// values are errors (see the ICUSHIM_* constants and icushim_error_name).

#ifndef SARABUN_ICU_SHIM_H
#define SARABUN_ICU_SHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// The ICU error codes the Swift side needs to tell apart (values as in ICU's utypes.h; the .c file
// checks them at compile time).
#define ICUSHIM_ZERO_ERROR 0
#define ICUSHIM_ILLEGAL_ARGUMENT_ERROR 1
#define ICUSHIM_FILE_ACCESS_ERROR 4
#define ICUSHIM_PARSE_ERROR 9
#define ICUSHIM_INVALID_CHAR_FOUND 10
#define ICUSHIM_TRUNCATED_CHAR_FOUND 11
#define ICUSHIM_ILLEGAL_CHAR_FOUND 12
#define ICUSHIM_BUFFER_OVERFLOW_ERROR 15

/// ICU's name for an error code ("U_INVALID_CHAR_FOUND"); a static string.
const char *icushim_error_name(int32_t code);

/// ICU's canonical converter name for a charset name or alias, copied NUL-terminated into `buffer`.
/// Returns ICUSHIM_FILE_ACCESS_ERROR when ICU knows no converter by that name.
int32_t icushim_converter_name(const char *charset, char *buffer, int32_t capacity);

/// Decodes `source` (bytes in `charset`) to UTF-16 with STOP callbacks: the first illegal, truncated
/// or unmapped byte sequence stops the conversion, returns ICU's error code and stores the byte
/// offset where that sequence starts in `*errorByteOffset`. On ICUSHIM_BUFFER_OVERFLOW_ERROR,
/// `*destLength` is a size that is large enough; call again with that capacity.
int32_t icushim_decode(const char *charset, const uint8_t *source, int32_t sourceLength,
                       uint16_t *dest, int32_t destCapacity, int32_t *destLength,
                       int32_t *errorByteOffset);

/// NFC quick check: 1 when `text` is certainly NFC, 0 when it is not or might not be. Returns the
/// error code.
int32_t icushim_nfc_quick_check(const uint16_t *text, int32_t length, int32_t *isNormalized);

/// NFC of `text` into `dest`. On ICUSHIM_BUFFER_OVERFLOW_ERROR `*destLength` holds the needed size.
int32_t icushim_nfc(const uint16_t *text, int32_t length, uint16_t *dest, int32_t destCapacity,
                    int32_t *destLength);

/// Word boundaries of `text` by ICU's word break iterator for `locale` ("th": dictionary-based Thai
/// segmentation). Writes the boundaries, first 0 and last `length`, to `boundaries`, and in
/// `statuses[i]` the rule status of the segment that ends at `boundaries[i]` (statuses[0] = 0).
/// `capacity` must be at least length + 1. `*count` receives the number of boundaries.
int32_t icushim_word_breaks(const char *locale, const uint16_t *text, int32_t length,
                            int32_t *boundaries, int32_t *statuses, int32_t capacity,
                            int32_t *count);

/// Dictionary words of ICU's Thai word-break dictionary (brkitr/thaidict.dict) that are prefixes of
/// `text`: writes their lengths in UTF-16 units, ascending, to `lengths` (at most `capacity`) and
/// their number to `*count`. `text` is a dictionary word when `length` is among them.
int32_t icushim_thai_dictionary_prefixes(const uint16_t *text, int32_t length, int32_t *lengths,
                                         int32_t capacity, int32_t *count);

/// u_charDigitValue: the decimal digit value of a code point (Nd), or -1.
int32_t icushim_char_digit_value(int32_t codePoint);

/// An opaque, thread-safe date parser: a UDateFormat with a pattern, strict (non-lenient) parsing in
/// UTC, plus a Gregorian UTC calendar to break the parsed instant down.
typedef struct icushim_date_parser icushim_date_parser;

/// Opens a date parser for a pattern (UTF-16) and an ICU locale ID. Returns NULL and sets `*status`
/// on failure.
icushim_date_parser *icushim_date_parser_open(const uint16_t *pattern, int32_t patternLength,
                                              const char *locale, int32_t *status);

/// Closes a parser from icushim_date_parser_open (NULL is ignored).
void icushim_date_parser_close(icushim_date_parser *parser);

/// Parses `text` from its start. On success (error code <= 0) `*parsePosition` is the UTF-16 offset
/// where parsing stopped and year/month (1-12)/day are Gregorian. Serialized by a mutex.
int32_t icushim_date_parser_parse(icushim_date_parser *parser, const uint16_t *text, int32_t length,
                                  int32_t *parsePosition, int32_t *year, int32_t *month,
                                  int32_t *day);

#ifdef __cplusplus
}
#endif

#endif
