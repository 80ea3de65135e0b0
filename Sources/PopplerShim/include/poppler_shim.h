// PopplerShim: a plain-C facade over poppler 22.12 (its glib and C++ interfaces) for the PDF read stage.
//
// This public header includes no poppler, glib or cairo header (only stdint types), so the one Swift
// module that calls it (PDFText) can import Foundation beside it. The implementation (C++) uses:
// - poppler-glib for opening a document (GError tells an encrypted file from a damaged one), the
//   page count and page sizes, and rendering a page through cairo for OCR;
// - poppler's C++ interface for the glyphs: `page::text_list` gives one box per character with
//   every character of the text layer, where glib's text layout drops Thai tone marks (measured:
//   139 of 2520 MAI THO in the fixtures) and its boxes stop matching its text;
// - poppler's core library (an OutputDev) for the lines and thin rectangles a page draws (table
//   borders) and where it draws spaces: neither public interface tells what a page draws besides
//   text, and their text drops the space a wrapped line ends with.
// No C++ exception and no GError crosses this header: failures come back as a PSStatus and a message.

#ifndef SARABUN_POPPLER_SHIM_H
#define SARABUN_POPPLER_SHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What went wrong, for the Swift side to turn into an error case.
typedef enum {
    PS_OK = 0,
    /// The file could not be opened or read.
    PS_ERROR_OPEN = 1,
    /// Not a PDF, or damaged beyond repair.
    PS_ERROR_DAMAGED = 2,
    /// Encrypted, and the empty password does not open it.
    PS_ERROR_ENCRYPTED = 3,
    /// A page index outside the document.
    PS_ERROR_PAGE = 4,
    /// Out of memory, or a page too large to render.
    PS_ERROR_RESOURCES = 5,
    /// Anything else (an exception from poppler, a cairo failure).
    PS_ERROR_OTHER = 6,
} PSStatus;

/// A failure: its status and poppler's (or glib's, or the exception's) message, NUL-terminated.
typedef struct {
    int32_t status;
    char message[240];
} PSError;

/// An open document; owned by the caller until ps_close.
typedef struct PSDocument PSDocument;

/// One character of a page's text layer and its box, in points from the page's top-left corner.
/// `word` numbers poppler's words on the page (characters of one word come in content-stream order);
/// `rotation` is 0–3 quarter turns of the word's writing direction; `font_size` is the word's font size
/// in points and `bold` is 1 when its font's name says bold.
typedef struct {
    uint32_t scalar;
    int32_t word;
    float x0, y0, x1, y1;
    int32_t rotation;
    float font_size;
    int32_t bold;
} PSGlyph;

/// A straight line a page draws (a stroke, or a filled rectangle at most 2.5 pt thick), in points from
/// the page's top-left corner: across the page at y = `position` from x = `start` to `end` when
/// `horizontal` is 1, else down it at x = `position` from y = `start` to `end`.
typedef struct {
    int32_t horizontal;
    float position, start, end;
} PSRuling;

/// Where a page draws a space character (U+0020 or U+00A0): from the pen position before it to the one
/// after, and from a font size above the baseline to a fifth of it below, in points from the page's
/// top-left corner.
typedef struct {
    float x0, y0, x1, y1;
} PSSpace;

/// Opens the PDF at `absolute_path` (absolute: glib wants a file URI) with no password.
/// Returns NULL and fills `error` on failure.
PSDocument *ps_open(const char *absolute_path, PSError *error);

/// Closes a document from ps_open; NULL is allowed.
void ps_close(PSDocument *document);

/// The number of pages.
int32_t ps_page_count(const PSDocument *document);

/// The size of page `index` (from 0) in points; PS_ERROR_PAGE for a bad index.
int32_t ps_page_size(PSDocument *document, int32_t index, double *width, double *height, PSError *error);

/// The glyphs of page `index`: a malloc'ed array in `*glyphs` (free it with ps_free) and its length in
/// `*count`. A page without a text layer gives 0 glyphs.
int32_t ps_page_glyphs(PSDocument *document, int32_t index, PSGlyph **glyphs, size_t *count, PSError *error);

/// What page `index` draws besides glyphs: its ruling lines, at least 6 pt long and not white, and its
/// space characters. Each is a malloc'ed array (free it with ps_free) and its length.
int32_t ps_page_drawing(PSDocument *document, int32_t index, PSRuling **rulings, size_t *ruling_count,
                        PSSpace **spaces, size_t *space_count, PSError *error);

/// Renders page `index` at `dpi` on white into 8-bit grey pixels (malloc'ed, row after row, `*width`
/// bytes a row; free with ps_free). PS_ERROR_RESOURCES when the image would exceed `max_pixels`.
int32_t ps_render_gray(PSDocument *document, int32_t index, double dpi, int64_t max_pixels, uint8_t **pixels,
                       int32_t *width, int32_t *height, PSError *error);

/// Frees memory returned by this facade.
void ps_free(void *memory);

/// Stops poppler from printing syntax errors of damaged files to stderr (they are not the
/// document's reject reason). Call once before opening documents.
void ps_quiet(void);

#ifdef __cplusplus
}
#endif

#endif
