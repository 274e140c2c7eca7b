#ifndef CLIBXML2_H
#define CLIBXML2_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Event codes of a flattened HTML tree (each followed by NUL-terminated strings):
/// an element opens (its lower-case name, then attribute name and value pairs, then an
/// empty name), a text node (its UTF-8 text), an element closes.
enum {
    CLX_OPEN = 1,
    CLX_TEXT = 2,
    CLX_CLOSE = 3,
};

/// The outcome of flattening one HTML document.
typedef struct {
    /// The events (malloc'd; free with clx_result_free), NULL when nothing was parsed.
    unsigned char *bytes;
    /// Their length in bytes.
    size_t length;
    /// Elements not descended into because they lay deeper than the depth limit.
    size_t too_deep;
    /// Non-zero if the output limit was reached and the rest of the document dropped.
    int truncated;
} clx_result;

/// Parses `length` bytes of UTF-8 HTML with libxml2's HTML parser (recovering from
/// errors, no network, no entity substitution, no error output) and writes its elements
/// (with the attributes that describe a page: class, id, style, role, hidden, aria-hidden,
/// itemprop, property, name, content, http-equiv, rel, datetime, lang, type, and a link's
/// href) and text as events into `out`. Comments, processing instructions, scripts (except
/// JSON-LD), styles and templates are left out; elements deeper than `max_depth` are not
/// descended into; at most `max_output` bytes are written. The walk is iterative, so no
/// nesting exhausts the stack. Returns 0, or -1 if the document could not be parsed.
int clx_flatten_html(const char *html, size_t length, size_t max_depth, size_t max_output, clx_result *out);

/// Frees what clx_flatten_html allocated.
void clx_result_free(clx_result *result);

#ifdef __cplusplus
}
#endif

#endif
