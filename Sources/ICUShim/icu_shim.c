// ICUShim implementation: the only C file that includes ICU headers. Keep each function small.

#include "icu_shim.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/ucal.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/udat.h>
#include <unicode/unorm2.h>
#include <unicode/utypes.h>

_Static_assert(ICUSHIM_ZERO_ERROR == U_ZERO_ERROR, "ICU error code");
_Static_assert(ICUSHIM_ILLEGAL_ARGUMENT_ERROR == U_ILLEGAL_ARGUMENT_ERROR, "ICU error code");
_Static_assert(ICUSHIM_FILE_ACCESS_ERROR == U_FILE_ACCESS_ERROR, "ICU error code");
_Static_assert(ICUSHIM_PARSE_ERROR == U_PARSE_ERROR, "ICU error code");
_Static_assert(ICUSHIM_INVALID_CHAR_FOUND == U_INVALID_CHAR_FOUND, "ICU error code");
_Static_assert(ICUSHIM_TRUNCATED_CHAR_FOUND == U_TRUNCATED_CHAR_FOUND, "ICU error code");
_Static_assert(ICUSHIM_ILLEGAL_CHAR_FOUND == U_ILLEGAL_CHAR_FOUND, "ICU error code");
_Static_assert(ICUSHIM_BUFFER_OVERFLOW_ERROR == U_BUFFER_OVERFLOW_ERROR, "ICU error code");
_Static_assert(sizeof(UChar) == sizeof(uint16_t), "UChar is 16 bits");

const char *icushim_error_name(int32_t code) { return u_errorName((UErrorCode)code); }

// MARK: - Charset conversion

int32_t icushim_converter_name(const char *charset, char *buffer, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return status;
    const char *name = ucnv_getName(cnv, &status);
    if (U_SUCCESS(status)) {
        size_t n = strlen(name);
        if ((int32_t)n + 1 > capacity) {
            status = U_BUFFER_OVERFLOW_ERROR;
        } else {
            memcpy(buffer, name, n + 1);
        }
    }
    ucnv_close(cnv);
    return status;
}

static UConverter *open_strict_converter(const char *charset, UErrorCode *status) {
    UConverter *cnv = ucnv_open(charset, status);
    if (U_FAILURE(*status)) return NULL;
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, status);
    if (U_FAILURE(*status)) {
        ucnv_close(cnv);
        return NULL;
    }
    return cnv;
}

int32_t icushim_decode(const char *charset, const uint8_t *source, int32_t sourceLength,
                       uint16_t *dest, int32_t destCapacity, int32_t *destLength,
                       int32_t *errorByteOffset) {
    *destLength = 0;
    *errorByteOffset = -1;
    UErrorCode status = U_ZERO_ERROR;
    UConverter *cnv = open_strict_converter(charset, &status);
    if (cnv == NULL) return status;

    const char *src = (const char *)source;
    const char *srcLimit = src + sourceLength;
    UChar *target = (UChar *)dest;
    UChar *targetLimit = target + destCapacity;
    ucnv_toUnicode(cnv, &target, targetLimit, &src, srcLimit, NULL, 1, &status);

    if (status == U_BUFFER_OVERFLOW_ERROR) {
        // Preflight the whole input for the exact size (a conversion error found now is reported
        // the next time, with its offset).
        ucnv_reset(cnv);
        UErrorCode pre = U_ZERO_ERROR;
        int32_t needed = ucnv_toUChars(cnv, NULL, 0, (const char *)source, sourceLength, &pre);
        *destLength = needed > destCapacity ? needed : destCapacity * 2;
    } else if (status == U_INVALID_CHAR_FOUND || status == U_ILLEGAL_CHAR_FOUND ||
               status == U_TRUNCATED_CHAR_FOUND) {
        // `src` has moved past the offending sequence; its bytes are the converter's invalid chars.
        char invalid[32];
        int8_t invalidLength = (int8_t)sizeof(invalid);
        UErrorCode st2 = U_ZERO_ERROR;
        ucnv_getInvalidChars(cnv, invalid, &invalidLength, &st2);
        if (U_FAILURE(st2)) invalidLength = 0;
        int32_t consumed = (int32_t)(src - (const char *)source);
        int32_t offset = consumed - invalidLength;
        *errorByteOffset = offset < 0 ? 0 : offset;
        *destLength = (int32_t)(target - (UChar *)dest);
    } else {
        *destLength = (int32_t)(target - (UChar *)dest);
    }
    ucnv_close(cnv);
    return status;
}

// MARK: - Normalization

int32_t icushim_nfc_quick_check(const uint16_t *text, int32_t length, int32_t *isNormalized) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return status;
    UNormalizationCheckResult r = unorm2_quickCheck(nfc, (const UChar *)text, length, &status);
    *isNormalized = (U_SUCCESS(status) && r == UNORM_YES) ? 1 : 0;
    return status;
}

int32_t icushim_nfc(const uint16_t *text, int32_t length, uint16_t *dest, int32_t destCapacity,
                    int32_t *destLength) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return status;
    *destLength = unorm2_normalize(nfc, (const UChar *)text, length, (UChar *)dest, destCapacity,
                                   &status);
    return status;
}

// MARK: - Word break

// One break iterator template for Thai, cloned per call (ubrk_clone is thread-safe; opening loads
// the rules and dictionary each time).
static UBreakIterator *thai_template = NULL;
static UErrorCode thai_template_status = U_ZERO_ERROR;
static pthread_once_t thai_template_once = PTHREAD_ONCE_INIT;

static void open_thai_template(void) {
    thai_template = ubrk_open(UBRK_WORD, "th", NULL, 0, &thai_template_status);
}

int32_t icushim_word_breaks(const char *locale, const uint16_t *text, int32_t length,
                            int32_t *boundaries, int32_t *statuses, int32_t capacity,
                            int32_t *count) {
    *count = 0;
    if (capacity < length + 1) return U_BUFFER_OVERFLOW_ERROR;
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi;
    if (strcmp(locale, "th") == 0) {
        pthread_once(&thai_template_once, open_thai_template);
        if (U_FAILURE(thai_template_status)) return thai_template_status;
        bi = ubrk_clone(thai_template, &status);
    } else {
        bi = ubrk_open(UBRK_WORD, locale, NULL, 0, &status);
    }
    if (U_FAILURE(status)) return status;
    ubrk_setText(bi, (const UChar *)text, length, &status);
    if (U_SUCCESS(status)) {
        int32_t n = 0;
        boundaries[n] = ubrk_first(bi);
        statuses[n] = 0;
        n++;
        for (int32_t b = ubrk_next(bi); b != UBRK_DONE && n < capacity; b = ubrk_next(bi)) {
            boundaries[n] = b;
            statuses[n] = ubrk_getRuleStatus(bi);
            n++;
        }
        *count = n;
    }
    ubrk_close(bi);
    return status;
}

int32_t icushim_char_digit_value(int32_t codePoint) { return u_charDigitValue((UChar32)codePoint); }

// MARK: - Dates

struct icushim_date_parser {
    UDateFormat *format;
    UCalendar *gregorian;
    pthread_mutex_t lock;
};

static const UChar utc_id[] = {'U', 'T', 'C', 0};

icushim_date_parser *icushim_date_parser_open(const uint16_t *pattern, int32_t patternLength,
                                              const char *locale, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    UDateFormat *format = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, utc_id, -1,
                                    (const UChar *)pattern, patternLength, &st);
    if (U_FAILURE(st)) {
        *status = st;
        return NULL;
    }
    udat_setLenient(format, 0);
    UCalendar *gregorian = ucal_open(utc_id, -1, "en_US_POSIX@calendar=gregorian", UCAL_GREGORIAN, &st);
    if (U_FAILURE(st)) {
        udat_close(format);
        *status = st;
        return NULL;
    }
    // Proleptic Gregorian: no Julian switch-over in 1582.
    ucal_setGregorianChange(gregorian, -1.8e16, &st);
    st = U_ZERO_ERROR;
    icushim_date_parser *parser = malloc(sizeof *parser);
    if (parser == NULL) {
        udat_close(format);
        ucal_close(gregorian);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    parser->format = format;
    parser->gregorian = gregorian;
    pthread_mutex_init(&parser->lock, NULL);
    *status = U_ZERO_ERROR;
    return parser;
}

void icushim_date_parser_close(icushim_date_parser *parser) {
    if (parser == NULL) return;
    udat_close(parser->format);
    ucal_close(parser->gregorian);
    pthread_mutex_destroy(&parser->lock);
    free(parser);
}

int32_t icushim_date_parser_parse(icushim_date_parser *parser, const uint16_t *text, int32_t length,
                                  int32_t *parsePosition, int32_t *year, int32_t *month,
                                  int32_t *day) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t pos = 0;
    pthread_mutex_lock(&parser->lock);
    UDate date = udat_parse(parser->format, (const UChar *)text, length, &pos, &status);
    if (U_SUCCESS(status)) {
        ucal_setMillis(parser->gregorian, date, &status);
        *year = ucal_get(parser->gregorian, UCAL_EXTENDED_YEAR, &status);
        *month = ucal_get(parser->gregorian, UCAL_MONTH, &status) + 1;
        *day = ucal_get(parser->gregorian, UCAL_DATE, &status);
    }
    pthread_mutex_unlock(&parser->lock);
    *parsePosition = pos;
    return status;
}
