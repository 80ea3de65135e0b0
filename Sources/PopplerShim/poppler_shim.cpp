// PopplerShim implementation: poppler-glib for documents and rendering, poppler-cpp for glyphs, poppler's
// core library for ruling lines. All parse the same in-memory copy of the file, read once.

#include "poppler_shim.h"

#include <cairo.h>
#include <poppler.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Stream.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <vector>

struct PSDocument {
    std::vector<char> bytes;
    GBytes *gbytes = nullptr;
    PopplerDocument *glib = nullptr;
    // Loaded on the first glyph request: a scanned document never needs it.
    std::unique_ptr<poppler::document> cpp;
    // Loaded on the first ruling request.
    std::unique_ptr<PDFDoc> core;
};

namespace {

void set_error(PSError *error, int32_t status, const char *message) {
    if (!error) return;
    error->status = status;
    std::snprintf(error->message, sizeof error->message, "%s", message ? message : "");
}

void set_gerror(PSError *error, GError *gerror) {
    int32_t status = PS_ERROR_OTHER;
    if (gerror && gerror->domain == POPPLER_ERROR) {
        switch (gerror->code) {
        case POPPLER_ERROR_ENCRYPTED: status = PS_ERROR_ENCRYPTED; break;
        case POPPLER_ERROR_OPEN_FILE: status = PS_ERROR_OPEN; break;
        case POPPLER_ERROR_INVALID:
        case POPPLER_ERROR_BAD_CATALOG:
        case POPPLER_ERROR_DAMAGED: status = PS_ERROR_DAMAGED; break;
        default: break;
        }
    }
    set_error(error, status, gerror ? gerror->message : "unknown error");
    if (gerror) g_error_free(gerror);
}

bool read_file(const char *path, std::vector<char> &bytes, PSError *error) {
    FILE *file = std::fopen(path, "rb");
    if (!file) {
        set_error(error, PS_ERROR_OPEN, std::strerror(errno));
        return false;
    }
    char chunk[65536];
    size_t n;
    while ((n = std::fread(chunk, 1, sizeof chunk, file)) > 0) bytes.insert(bytes.end(), chunk, chunk + n);
    bool failed = std::ferror(file) != 0;
    std::fclose(file);
    if (failed) set_error(error, PS_ERROR_OPEN, "read error");
    return !failed;
}

/// The scalars of poppler's UTF-16 string, surrogate pairs joined.
std::vector<uint32_t> scalars(const poppler::ustring &text) {
    std::vector<uint32_t> out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); i++) {
        uint32_t unit = text[i];
        if (unit >= 0xD800 && unit < 0xDC00 && i + 1 < text.size() && text[i + 1] >= 0xDC00 && text[i + 1] < 0xE000) {
            out.push_back(0x10000 + ((unit - 0xD800) << 10) + (text[i + 1] - 0xDC00));
            i++;
        } else {
            out.push_back(unit);
        }
    }
    return out;
}

void ignore_message(const std::string &, void *) {}

/// Runs `body`, turning an exception into a status and its message: none may cross the C interface.
template <typename Body> int32_t guarded(PSError *error, Body body) {
    try {
        return body();
    } catch (const std::bad_alloc &) {
        set_error(error, PS_ERROR_RESOURCES, "out of memory");
        return PS_ERROR_RESOURCES;
    } catch (const std::exception &e) {
        set_error(error, PS_ERROR_OTHER, e.what());
        return PS_ERROR_OTHER;
    } catch (...) {
        set_error(error, PS_ERROR_OTHER, "unknown exception");
        return PS_ERROR_OTHER;
    }
}

/// Collects the straight lines a page strokes and the thin rectangles it fills, and where it draws a
/// space character, in device space at 72 dpi with y downwards (the glyphs' space). Images and other
/// characters are left to the default no-ops.
class DrawingCollector : public OutputDev {
public:
    std::vector<PSRuling> rulings;
    std::vector<PSSpace> spaces;

    bool upsideDown() override { return true; }
    bool useDrawChar() override { return true; }
    bool interpretType3Chars() override { return false; }

    /// Text extraction drops spaces, also the one a wrapped line ends with: only the drawing tells a
    /// line that broke at a space from one that broke inside a run of Thai.
    void drawChar(GfxState *state, double x, double y, double dx, double dy, double, double, CharCode, int,
                  const Unicode *u, int uLen) override {
        if (uLen != 1 || (u[0] != 0x20 && u[0] != 0xA0)) return;
        double x0, y0, w, h;
        state->transform(x, y, &x0, &y0);
        state->transformDelta(dx, dy, &w, &h);
        double size = state->getTransformedFontSize();
        spaces.push_back(PSSpace{static_cast<float>(std::fmin(x0, x0 + w)), static_cast<float>(y0 - 0.8 * size),
                                 static_cast<float>(std::fmax(x0, x0 + w)), static_cast<float>(y0 + 0.2 * size)});
    }

    void stroke(GfxState *state) override {
        if (isWhite(state, true)) return;
        const GfxPath *path = state->getPath();
        for (int i = 0; i < path->getNumSubpaths(); i++) {
            const GfxSubpath *sub = path->getSubpath(i);
            for (int j = 1; j < sub->getNumPoints(); j++) {
                if (sub->getCurve(j)) continue;
                double x0, y0, x1, y1;
                state->transform(sub->getX(j - 1), sub->getY(j - 1), &x0, &y0);
                state->transform(sub->getX(j), sub->getY(j), &x1, &y1);
                add(x0, y0, x1, y1);
            }
        }
    }

    void fill(GfxState *state) override { fillRectangles(state); }
    void eoFill(GfxState *state) override { fillRectangles(state); }

private:
    static constexpr double minLength = 6;
    static constexpr double maxThickness = 2.5;

    static bool isWhite(GfxState *state, bool stroke) {
        GfxGray gray;
        if (stroke) state->getStrokeGray(&gray);
        else state->getFillGray(&gray);
        return colToDbl(gray) > 0.95;
    }

    void add(double x0, double y0, double x1, double y1) {
        if (std::fabs(y1 - y0) < 1 && std::fabs(x1 - x0) >= minLength) {
            rulings.push_back(PSRuling{1, static_cast<float>((y0 + y1) / 2), static_cast<float>(std::fmin(x0, x1)),
                                       static_cast<float>(std::fmax(x0, x1))});
        } else if (std::fabs(x1 - x0) < 1 && std::fabs(y1 - y0) >= minLength) {
            rulings.push_back(PSRuling{0, static_cast<float>((x0 + x1) / 2), static_cast<float>(std::fmin(y0, y1)),
                                       static_cast<float>(std::fmax(y0, y1))});
        }
    }

    /// A filled subpath that is an upright rectangle at most `maxThickness` thick is a line along its
    /// length (Word draws cell borders so); larger fills (cell shading) are not lines.
    void fillRectangles(GfxState *state) {
        if (isWhite(state, false)) return;
        const GfxPath *path = state->getPath();
        for (int i = 0; i < path->getNumSubpaths(); i++) {
            const GfxSubpath *sub = path->getSubpath(i);
            int n = sub->getNumPoints();
            if (n < 4 || n > 5) continue;
            double left = INFINITY, top = INFINITY, right = -INFINITY, bottom = -INFINITY;
            bool upright = true;
            double px = 0, py = 0;
            for (int j = 0; j < n; j++) {
                double x, y;
                state->transform(sub->getX(j), sub->getY(j), &x, &y);
                if (j > 0 && std::fabs(x - px) > 0.5 && std::fabs(y - py) > 0.5) upright = false;
                px = x;
                py = y;
                left = std::fmin(left, x);
                right = std::fmax(right, x);
                top = std::fmin(top, y);
                bottom = std::fmax(bottom, y);
            }
            if (!upright) continue;
            double width = right - left, height = bottom - top;
            if (height <= maxThickness && width >= minLength) {
                add(left, (top + bottom) / 2, right, (top + bottom) / 2);
            } else if (width <= maxThickness && height >= minLength) {
                add((left + right) / 2, top, (left + right) / 2, bottom);
            }
        }
    }
};

/// A malloc'ed copy of `items` for the Swift side.
template <typename T> void hand_over(const std::vector<T> &items, T **out, size_t *count) {
    if (items.empty()) return;
    *out = static_cast<T *>(std::malloc(items.size() * sizeof(T)));
    if (!*out) throw std::bad_alloc();
    std::memcpy(*out, items.data(), items.size() * sizeof(T));
    *count = items.size();
}

}  // namespace

extern "C" {

void ps_quiet(void) { poppler::set_debug_error_function(ignore_message, nullptr); }

PSDocument *ps_open(const char *absolute_path, PSError *error) {
    try {
        auto document = std::make_unique<PSDocument>();
        if (!read_file(absolute_path, document->bytes, error)) return nullptr;
        if (document->bytes.empty()) {
            set_error(error, PS_ERROR_DAMAGED, "empty file");
            return nullptr;
        }
        document->gbytes = g_bytes_new_static(document->bytes.data(), document->bytes.size());
        GError *gerror = nullptr;
        document->glib = poppler_document_new_from_bytes(document->gbytes, nullptr, &gerror);
        if (!document->glib) {
            set_gerror(error, gerror);
            return nullptr;
        }
        return document.release();
    } catch (const std::bad_alloc &) {
        set_error(error, PS_ERROR_RESOURCES, "out of memory");
    } catch (const std::exception &e) {
        set_error(error, PS_ERROR_OTHER, e.what());
    } catch (...) {
        set_error(error, PS_ERROR_OTHER, "unknown exception");
    }
    return nullptr;
}

void ps_close(PSDocument *document) {
    if (!document) return;
    document->cpp.reset();
    document->core.reset();
    if (document->glib) g_object_unref(document->glib);
    if (document->gbytes) g_bytes_unref(document->gbytes);
    delete document;
}

int32_t ps_page_count(const PSDocument *document) { return poppler_document_get_n_pages(document->glib); }

int32_t ps_page_size(PSDocument *document, int32_t index, double *width, double *height, PSError *error) {
    PopplerPage *page = poppler_document_get_page(document->glib, index);
    if (!page) {
        set_error(error, PS_ERROR_PAGE, "no such page");
        return PS_ERROR_PAGE;
    }
    poppler_page_get_size(page, width, height);
    g_object_unref(page);
    return PS_OK;
}

int32_t ps_page_glyphs(PSDocument *document, int32_t index, PSGlyph **glyphs, size_t *count, PSError *error) {
    *glyphs = nullptr;
    *count = 0;
    return guarded(error, [&]() -> int32_t {
        if (!document->cpp) {
            document->cpp.reset(poppler::document::load_from_raw_data(document->bytes.data(),
                                                                     static_cast<int>(document->bytes.size())));
            if (!document->cpp || document->cpp->is_locked()) {
                document->cpp.reset();
                set_error(error, PS_ERROR_DAMAGED, "poppler's C++ interface cannot load the document");
                return PS_ERROR_DAMAGED;
            }
        }
        if (index < 0 || index >= document->cpp->pages()) {
            set_error(error, PS_ERROR_PAGE, "no such page");
            return PS_ERROR_PAGE;
        }
        std::unique_ptr<poppler::page> page(document->cpp->create_page(index));
        if (!page) {
            set_error(error, PS_ERROR_PAGE, "cannot load the page");
            return PS_ERROR_PAGE;
        }
        std::vector<PSGlyph> out;
        int32_t word = 0;
        for (const poppler::text_box &box : page->text_list(poppler::page::text_list_include_font)) {
            std::vector<uint32_t> text = scalars(box.text());
            float size = box.has_font_info() ? static_cast<float>(box.get_font_size()) : 0;
            int32_t bold = box.has_font_info() && box.get_font_name().find("Bold") != std::string::npos ? 1 : 0;
            for (size_t i = 0; i < text.size(); i++) {
                poppler::rectf r = box.char_bbox(i);
                out.push_back(PSGlyph{text[i], word, static_cast<float>(r.left()), static_cast<float>(r.top()),
                                      static_cast<float>(r.right()), static_cast<float>(r.bottom()), box.rotation(),
                                      size, bold});
            }
            word++;
        }
        if (!out.empty()) {
            *glyphs = static_cast<PSGlyph *>(std::malloc(out.size() * sizeof(PSGlyph)));
            if (!*glyphs) throw std::bad_alloc();
            std::memcpy(*glyphs, out.data(), out.size() * sizeof(PSGlyph));
            *count = out.size();
        }
        return PS_OK;
    });
}

int32_t ps_page_drawing(PSDocument *document, int32_t index, PSRuling **rulings, size_t *ruling_count,
                        PSSpace **spaces, size_t *space_count, PSError *error) {
    *rulings = nullptr;
    *ruling_count = 0;
    *spaces = nullptr;
    *space_count = 0;
    return guarded(error, [&]() -> int32_t {
        if (!document->core) {
            // poppler-cpp and poppler-glib set the core library's parameters up; without them, do it here.
            if (!globalParams) globalParams = std::make_unique<GlobalParams>();
            auto *stream = new MemStream(document->bytes.data(), 0, static_cast<Goffset>(document->bytes.size()), Object(objNull));
            document->core = std::make_unique<PDFDoc>(stream);
            if (!document->core->isOk()) {
                document->core.reset();
                set_error(error, PS_ERROR_DAMAGED, "poppler's core library cannot load the document");
                return PS_ERROR_DAMAGED;
            }
        }
        if (index < 0 || index >= document->core->getNumPages()) {
            set_error(error, PS_ERROR_PAGE, "no such page");
            return PS_ERROR_PAGE;
        }
        // The crop box at 72 dpi, as poppler-cpp's text list uses, so that rulings and glyphs share a space.
        DrawingCollector collector;
        document->core->displayPage(&collector, index + 1, 72, 72, 0, false, true, false);
        hand_over(collector.rulings, rulings, ruling_count);
        try {
            hand_over(collector.spaces, spaces, space_count);
        } catch (...) {
            std::free(*rulings);
            *rulings = nullptr;
            throw;
        }
        return PS_OK;
    });
}

int32_t ps_render_gray(PSDocument *document, int32_t index, double dpi, int64_t max_pixels, uint8_t **pixels,
                       int32_t *width, int32_t *height, PSError *error) {
    *pixels = nullptr;
    PopplerPage *page = poppler_document_get_page(document->glib, index);
    if (!page) {
        set_error(error, PS_ERROR_PAGE, "no such page");
        return PS_ERROR_PAGE;
    }
    double points_w = 0, points_h = 0;
    poppler_page_get_size(page, &points_w, &points_h);
    double scale = dpi / 72.0;
    double w = std::ceil(points_w * scale), h = std::ceil(points_h * scale);
    if (!(w >= 1 && h >= 1) || w * h > static_cast<double>(max_pixels)) {
        g_object_unref(page);
        set_error(error, PS_ERROR_RESOURCES, "page too large to render");
        return PS_ERROR_RESOURCES;
    }
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(w), static_cast<int>(h));
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        g_object_unref(page);
        set_error(error, PS_ERROR_RESOURCES, "cannot allocate the page image");
        return PS_ERROR_RESOURCES;
    }
    cairo_t *cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    poppler_page_render(page, cr);
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    g_object_unref(page);
    cairo_surface_flush(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        set_error(error, PS_ERROR_OTHER, cairo_status_to_string(status));
        return PS_ERROR_OTHER;
    }
    int iw = cairo_image_surface_get_width(surface), ih = cairo_image_surface_get_height(surface);
    int stride = cairo_image_surface_get_stride(surface);
    const unsigned char *data = cairo_image_surface_get_data(surface);
    uint8_t *gray = static_cast<uint8_t *>(std::malloc(static_cast<size_t>(iw) * ih));
    if (!gray) {
        cairo_surface_destroy(surface);
        set_error(error, PS_ERROR_RESOURCES, "out of memory");
        return PS_ERROR_RESOURCES;
    }
    for (int y = 0; y < ih; y++) {
        const uint32_t *row = reinterpret_cast<const uint32_t *>(data + static_cast<size_t>(y) * stride);
        uint8_t *out = gray + static_cast<size_t>(y) * iw;
        for (int x = 0; x < iw; x++) {
            uint32_t p = row[x];
            uint32_t r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
            out[x] = static_cast<uint8_t>((r * 299 + g * 587 + b * 114) / 1000);
        }
    }
    cairo_surface_destroy(surface);
    *pixels = gray;
    *width = iw;
    *height = ih;
    return PS_OK;
}

void ps_free(void *memory) { std::free(memory); }

}  // extern "C"
