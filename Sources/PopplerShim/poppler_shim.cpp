// PopplerShim implementation: poppler-glib for documents and rendering, poppler-cpp for glyphs.
// Both parse the same in-memory copy of the file, read once.

#include "poppler_shim.h"

#include <cairo.h>
#include <poppler.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

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
    try {
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
        for (const poppler::text_box &box : page->text_list(0)) {
            std::vector<uint32_t> text = scalars(box.text());
            for (size_t i = 0; i < text.size(); i++) {
                poppler::rectf r = box.char_bbox(i);
                out.push_back(PSGlyph{text[i], word, static_cast<float>(r.left()), static_cast<float>(r.top()),
                                      static_cast<float>(r.right()), static_cast<float>(r.bottom()), box.rotation()});
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
