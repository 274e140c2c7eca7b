#include "CLibXML2.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

/// A growing output buffer with a hard limit.
typedef struct {
    unsigned char *bytes;
    size_t length, capacity, limit;
    int full;
} buffer;

static void put(buffer *b, const void *data, size_t n) {
    if (b->full) return;
    if (b->length + n > b->limit) { b->full = 1; return; }
    if (b->length + n > b->capacity) {
        size_t capacity = b->capacity ? b->capacity : 4096;
        while (capacity < b->length + n) capacity *= 2;
        unsigned char *grown = realloc(b->bytes, capacity);
        if (!grown) { b->full = 1; return; }
        b->bytes = grown;
        b->capacity = capacity;
    }
    memcpy(b->bytes + b->length, data, n);
    b->length += n;
}

static void put_code(buffer *b, unsigned char code) { put(b, &code, 1); }

static void put_string(buffer *b, const xmlChar *s) {
    if (s) put(b, s, strlen((const char *)s));
    put(b, "", 1);
}

static int is_name(const xmlNode *node, const char *name) {
    return node->name && strcasecmp((const char *)node->name, name) == 0;
}

/// Elements whose content is never text of a page.
static int is_skipped(const xmlNode *node) {
    if (is_name(node, "script")) {
        xmlChar *type = xmlGetProp(node, (const xmlChar *)"type");
        int json = type && strstr((const char *)type, "ld+json") != NULL;
        xmlFree(type);
        return !json;
    }
    return is_name(node, "style") || is_name(node, "template") || is_name(node, "noscript")
        || is_name(node, "svg") || is_name(node, "math");
}

/// The attributes an extractor reads; the others (scripts' handlers, data-*, src) are left out.
static int is_kept_attribute(const xmlNode *node, const xmlChar *name) {
    static const char *kept[] = {
        "class", "id", "style", "role", "hidden", "aria-hidden", "itemprop", "property", "name", "content",
        "http-equiv", "rel", "datetime", "lang", "type", NULL,
    };
    for (const char **k = kept; *k; k++) if (strcasecmp((const char *)name, *k) == 0) return 1;
    return strcasecmp((const char *)name, "href") == 0 && is_name(node, "link");
}

static void open_element(buffer *b, const xmlNode *node) {
    put_code(b, CLX_OPEN);
    put_string(b, node->name);
    for (const xmlAttr *attribute = node->properties; attribute; attribute = attribute->next) {
        if (!attribute->name || !attribute->children || !is_kept_attribute(node, attribute->name)) continue;
        xmlChar *value = xmlNodeListGetString(node->doc, attribute->children, 1);
        if (value && strlen((const char *)value) <= 4096) {
            put_string(b, attribute->name);
            put_string(b, value);
        }
        xmlFree(value);
    }
    put(b, "", 1);
}

int clx_flatten_html(const char *html, size_t length, size_t max_depth, size_t max_output, clx_result *out) {
    memset(out, 0, sizeof *out);
    if (length > (size_t)0x7fffffff) return -1;
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT;
    htmlDocPtr doc = htmlReadMemory(html, (int)length, NULL, "UTF-8", options);
    if (!doc) return -1;
    buffer b = {0};
    b.limit = max_output;
    xmlNode *root = xmlDocGetRootElement(doc);
    xmlNode *node = root;
    size_t depth = 0;
    while (node && !b.full) {
        int descend = 0;
        if (node->type == XML_ELEMENT_NODE && !is_skipped(node)) {
            if (depth >= max_depth) {
                out->too_deep++;
            } else {
                open_element(&b, node);
                if (node->children) descend = 1; else put_code(&b, CLX_CLOSE);
            }
        } else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            put_code(&b, CLX_TEXT);
            put_string(&b, node->content);
        }
        if (descend) {
            node = node->children;
            depth++;
            continue;
        }
        // Next sibling, else climb, closing each element left.
        while (node && node != root && !node->next) {
            node = node->parent;
            depth--;
            put_code(&b, CLX_CLOSE);
        }
        if (!node || node == root) break;
        node = node->next;
    }
    xmlFreeDoc(doc);
    out->bytes = b.bytes;
    out->length = b.length;
    out->truncated = b.full;
    return 0;
}

void clx_result_free(clx_result *result) {
    free(result->bytes);
    result->bytes = NULL;
    result->length = 0;
}
