/*
 * CXapian: a plain-C face over the Xapian C++ library.
 *
 * Rules every function follows:
 *  - Handles are opaque; each handle type has one `_free` function.
 *  - Strings go in as (pointer, length), so text with any bytes survives,
 *    and come out as malloc'd buffers with a length out-parameter, released
 *    with cx_free().
 *  - Every call that can fail takes a `CXError *` last. On failure it sets
 *    `kind` to a non-zero CXErrorKind and `message` to a malloc'd,
 *    NUL-terminated string (release with cx_free()). No C++ exception ever
 *    crosses this header.
 *  - Lists come back "packed": a buffer of entries, each a little-endian
 *    uint32 byte length, that many bytes, then a little-endian uint64 number
 *    (a frequency, a wdf, a count or 0).
 *
 * Xapian objects are not thread-safe: a handle must be used by one thread
 * at a time.
 */
#ifndef CXAPIAN_H
#define CXAPIAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The Xapian exception class a failure came from (the list: CXapianErrors.def);
 *  CX_OTHER_ERROR is Xapian::Error itself or an exception from outside Xapian. */
typedef enum {
    CX_OK = 0,
#define CX_ERROR(name, parent) CX_ERROR_##name,
#include "CXapianErrors.def"
#undef CX_ERROR
    CX_OUT_OF_MEMORY,
    CX_OTHER_ERROR
} CXErrorKind;

/** The name of `kind`: Xapian's exception class name ("DatabaseLockError"),
 *  "OutOfMemory" or "Error". Static storage: never freed. */
const char *cx_error_kind_name(int32_t kind);
/** The name of the parent class of the exception class `name` ("NetworkTimeoutError":
 *  "NetworkError"; "LogicError": "Error"), or NULL for "Error" and names not in the list.
 *  Static storage: never freed. */
const char *cx_error_parent_name(const char *name);

/** Filled in by a failing call; zero-initialise before the call. */
typedef struct {
    int32_t kind;
    char *message;
} CXError;

typedef struct cx_database cx_database;
typedef struct cx_document cx_document;
typedef struct cx_stem cx_stem;
typedef struct cx_termgen cx_termgen;
typedef struct cx_qparser cx_qparser;
typedef struct cx_query cx_query;
typedef struct cx_enquire cx_enquire;
typedef struct cx_mset cx_mset;
typedef struct cx_spy cx_spy;

/** Releases a buffer or message returned by this library. */
void cx_free(void *buffer);

/** The linked Xapian's version string, e.g. "1.4.22" (static, do not free). */
const char *cx_version(void);

/* ---- databases ------------------------------------------------------- */

/** Opens a database (a directory, or a stub file listing shards) for reading. */
cx_database *cx_database_open(const char *path, size_t path_len, CXError *err);
/** Opens a database served by xapian-tcpsrv. connect_timeout_ms bounds connecting,
 *  timeout_ms each call after. */
cx_database *cx_database_open_remote(const char *host, size_t host_len, uint32_t port,
                                     uint32_t connect_timeout_ms, uint32_t timeout_ms, CXError *err);
/** The database's UUID (replicas share it; several shards' are joined by ':'), as a
 *  buffer to cx_free; empty if the backend has none. */
char *cx_database_uuid(const cx_database *db, size_t *out_len, CXError *err);
/** The revision of a database of exactly one shard (each commit increases it). */
uint64_t cx_database_revision(const cx_database *db, CXError *err);
/** An empty database with no shards, to which shards are added. */
cx_database *cx_database_new_empty(CXError *err);
/** Adds all shards of `other` to `db`, which then searches them as one. */
void cx_database_add_database(cx_database *db, const cx_database *other, CXError *err);
/** What opening for writing does, numbered as Xapian's DB_CREATE_OR_OPEN… (the shim
 *  static_asserts each against <xapian.h>). */
typedef enum {
    CX_DB_CREATE_OR_OPEN = 0, CX_DB_CREATE_OR_OVERWRITE = 1, CX_DB_CREATE = 2, CX_DB_OPEN = 3
} CXDatabaseAction;

/** Opens a database for writing; action is a CXDatabaseAction. */
cx_database *cx_writable_open(const char *path, size_t path_len, int32_t action, CXError *err);
void cx_database_free(cx_database *db);

int32_t cx_database_reopen(cx_database *db, CXError *err);
void cx_database_close(cx_database *db, CXError *err);
uint32_t cx_database_doccount(const cx_database *db, CXError *err);
uint32_t cx_database_lastdocid(const cx_database *db, CXError *err);
double cx_database_avlength(const cx_database *db, CXError *err);
uint32_t cx_database_termfreq(const cx_database *db, const char *term, size_t term_len,
                              CXError *err);
/** How many documents have a value in slot. */
uint32_t cx_database_value_freq(const cx_database *db, uint32_t slot, CXError *err);
/** Packed list of (term, termfreq) for every term starting with prefix. */
char *cx_database_allterms(const cx_database *db, const char *prefix, size_t prefix_len,
                           size_t *out_len, CXError *err);
cx_document *cx_database_document(const cx_database *db, uint32_t docid, CXError *err);
char *cx_database_metadata(const cx_database *db, const char *key, size_t key_len,
                           size_t *out_len, CXError *err);
/** Packed list of (key, 0) for metadata keys starting with prefix. */
char *cx_database_metadata_keys(const cx_database *db, const char *prefix, size_t prefix_len,
                                size_t *out_len, CXError *err);
/** The terms that have synonyms, starting with `prefix`, packed (each with 0). */
char *cx_database_synonym_keys(const cx_database *db, const char *prefix, size_t prefix_len,
                               size_t *out_len, CXError *err);
/** Packed list of the synonyms of a term (each with 0). */
char *cx_database_synonyms(const cx_database *db, const char *term, size_t term_len,
                           size_t *out_len, CXError *err);
/** Merges every shard of db into one new database at output (Xapian::Database::compact). */
void cx_database_compact(const cx_database *db, const char *output, size_t output_len,
                         int32_t flags, CXError *err);

uint32_t cx_writable_add_document(cx_database *db, const cx_document *doc, CXError *err);
uint32_t cx_writable_replace_document_by_term(cx_database *db, const char *term, size_t term_len,
                                              const cx_document *doc, CXError *err);
void cx_writable_delete_document_by_term(cx_database *db, const char *term, size_t term_len,
                                         CXError *err);
void cx_writable_commit(cx_database *db, CXError *err);
void cx_writable_begin_transaction(cx_database *db, int32_t flushed, CXError *err);
void cx_writable_commit_transaction(cx_database *db, CXError *err);
void cx_writable_cancel_transaction(cx_database *db, CXError *err);
void cx_writable_set_metadata(cx_database *db, const char *key, size_t key_len,
                              const char *value, size_t value_len, CXError *err);
void cx_writable_add_synonym(cx_database *db, const char *term, size_t term_len,
                             const char *synonym, size_t synonym_len, CXError *err);
void cx_writable_clear_synonyms(cx_database *db, const char *term, size_t term_len,
                                CXError *err);

/* ---- documents ------------------------------------------------------- */

cx_document *cx_document_new(CXError *err);
void cx_document_free(cx_document *doc);
void cx_document_set_data(cx_document *doc, const char *data, size_t len, CXError *err);
char *cx_document_data(const cx_document *doc, size_t *out_len, CXError *err);
void cx_document_add_term(cx_document *doc, const char *term, size_t len, uint32_t wdf,
                          CXError *err);
void cx_document_add_boolean_term(cx_document *doc, const char *term, size_t len, CXError *err);
void cx_document_add_value(cx_document *doc, uint32_t slot, const char *value, size_t len,
                           CXError *err);
char *cx_document_value(const cx_document *doc, uint32_t slot, size_t *out_len, CXError *err);
/** Packed list of (term, wdf). */
char *cx_document_terms(const cx_document *doc, size_t *out_len, CXError *err);
uint32_t cx_document_docid(const cx_document *doc);

/* ---- stemming and term generation ------------------------------------ */

cx_stem *cx_stem_new(const char *language, size_t len, CXError *err);
/** A stemmer choosing one of four Snowball languages by each word's script: Cyrillic,
 *  Armenian, Latin with a Turkic letter (ə ı ş ğ; ə is stemmed as e), other Latin. */
cx_stem *cx_stem_new_by_script(const char *latin, size_t latin_len, const char *cyrillic, size_t cyrillic_len,
                               const char *armenian, size_t armenian_len, const char *turkic, size_t turkic_len,
                               CXError *err);
void cx_stem_free(cx_stem *stem);
char *cx_stem_apply(const cx_stem *stem, const char *word, size_t len, size_t *out_len,
                    CXError *err);

cx_termgen *cx_termgen_new(CXError *err);
void cx_termgen_free(cx_termgen *tg);
void cx_termgen_set_stemmer(cx_termgen *tg, const cx_stem *stem, CXError *err);
/** Stop words: a buffer of words separated by '\n'. */
void cx_termgen_set_stopper(cx_termgen *tg, const char *words, size_t len, CXError *err);
void cx_termgen_set_document(cx_termgen *tg, cx_document *doc, CXError *err);
void cx_termgen_index_text(cx_termgen *tg, const char *text, size_t len, uint32_t wdf_inc,
                           const char *prefix, size_t prefix_len, int32_t with_positions,
                           CXError *err);

/* ---- queries --------------------------------------------------------- */

/** Query operators, numbered as Xapian::Query::op (static_asserted in the shim). */
typedef enum {
    CX_OP_AND = 0, CX_OP_OR = 1, CX_OP_AND_NOT = 2, CX_OP_XOR = 3, CX_OP_AND_MAYBE = 4,
    CX_OP_FILTER = 5, CX_OP_NEAR = 6, CX_OP_PHRASE = 7, CX_OP_SYNONYM = 13
} CXQueryOp;

cx_query *cx_query_term(const char *term, size_t len, uint32_t wqf, CXError *err);
cx_query *cx_query_match_all(CXError *err);
cx_query *cx_query_combine(int32_t op, const cx_query *const *subqueries, size_t count,
                           uint32_t window, CXError *err);
/** A query matching documents whose value in slot lies in [low, high]. */
cx_query *cx_query_value_range(uint32_t slot, const char *low, size_t low_len,
                               const char *high, size_t high_len, CXError *err);
void cx_query_free(cx_query *q);
char *cx_query_description(const cx_query *q, size_t *out_len, CXError *err);
int32_t cx_query_empty(const cx_query *q);
/** The query with the same matches and weights on any split of `db` into shards: every
 *  OP_WILDCARD expanded here from `db`'s merged term list (at most `max_expansion` terms,
 *  else WildcardError), and every OP_SYNONYM (the expansions and wildcards) rebuilt as
 *  a nest of two-way synonyms in sorted order, whose term-frequency estimate does not
 *  depend on each shard's own frequencies as Xapian 1.4's flat n-way one does. */
cx_query *cx_query_shard_independent(const cx_query *q, const cx_database *db,
                                     uint32_t max_expansion, CXError *err);
/** `q` with its weights multiplied by `factor` (Xapian::Query::OP_SCALE_WEIGHT; factor >= 0). */
cx_query *cx_query_scale_weight(const cx_query *q, double factor, CXError *err);
/** A query matching every document with the same weight `weight`
    (Xapian::FixedWeightPostingSource; remote shards know it). */
cx_query *cx_query_fixed_weight(double weight, CXError *err);
/** The distinct terms of `q` in ascending order, packed (each with its index). */
char *cx_query_terms(const cx_query *q, size_t *out_len, CXError *err);

cx_qparser *cx_qparser_new(CXError *err);
void cx_qparser_free(cx_qparser *qp);
void cx_qparser_set_stemmer(cx_qparser *qp, const cx_stem *stem, CXError *err);
/** Stemming strategies, numbered as Xapian::QueryParser::stem_strategy (static_asserted). */
typedef enum {
    CX_STEM_NONE = 0, CX_STEM_SOME = 1, CX_STEM_ALL = 2, CX_STEM_ALL_Z = 3
} CXStemStrategy;

/** strategy is a CXStemStrategy. */
void cx_qparser_set_stemming_strategy(cx_qparser *qp, int32_t strategy, CXError *err);
void cx_qparser_set_stopper(cx_qparser *qp, const char *words, size_t len, CXError *err);
void cx_qparser_set_database(cx_qparser *qp, const cx_database *db, CXError *err);
void cx_qparser_add_prefix(cx_qparser *qp, const char *field, size_t field_len,
                           const char *prefix, size_t prefix_len, CXError *err);
void cx_qparser_add_boolean_prefix(cx_qparser *qp, const char *field, size_t field_len,
                                   const char *prefix, size_t prefix_len, int32_t exclusive,
                                   CXError *err);
/** A range processor on slot, for ranges written `prefix` low..high (string order). */
void cx_qparser_add_range(cx_qparser *qp, uint32_t slot, const char *prefix, size_t prefix_len,
                          CXError *err);
void cx_qparser_set_max_expansion(cx_qparser *qp, uint32_t max, CXError *err);
/** Query syntax features, numbered as Xapian::QueryParser::feature_flag (static_asserted). */
typedef enum {
    CX_FLAG_BOOLEAN = 1, CX_FLAG_PHRASE = 2, CX_FLAG_LOVEHATE = 4, CX_FLAG_WILDCARD = 16,
    CX_FLAG_PURE_NOT = 32, CX_FLAG_PARTIAL = 64, CX_FLAG_SYNONYM = 256, CX_FLAG_AUTO_SYNONYMS = 512
} CXParserFlag;

/** flags are ORed CXParserFlag values. */
cx_query *cx_qparser_parse(cx_qparser *qp, const char *text, size_t len, uint32_t flags,
                           const char *default_prefix, size_t default_prefix_len, CXError *err);

/* ---- matching -------------------------------------------------------- */

cx_enquire *cx_enquire_new(const cx_database *db, CXError *err);
void cx_enquire_free(cx_enquire *e);
void cx_enquire_set_query(cx_enquire *e, const cx_query *q, CXError *err);
void cx_enquire_set_bm25(cx_enquire *e, double k1, double k2, double k3, double b,
                         double min_normlen, CXError *err);
void cx_enquire_set_collapse_key(cx_enquire *e, uint32_t slot, uint32_t max, CXError *err);
/** Sorts by the value in slot only (reverse: descending). */
void cx_enquire_set_sort_by_value(cx_enquire *e, uint32_t slot, int32_t reverse, CXError *err);
/* Orders by relevance, equal weights by value `slot` (ascending unless `reverse`). */
void cx_enquire_set_sort_by_relevance_then_value(cx_enquire *e, uint32_t slot, int32_t reverse,
                                                 CXError *err);
/** The spy must outlive every get_mset call on this enquire. */
void cx_enquire_add_spy(cx_enquire *e, cx_spy *spy, CXError *err);
cx_mset *cx_enquire_mset(cx_enquire *e, uint32_t first, uint32_t max, uint32_t check_at_least,
                         CXError *err);

void cx_mset_free(cx_mset *m);
uint32_t cx_mset_size(const cx_mset *m);
uint32_t cx_mset_estimated(const cx_mset *m);
uint32_t cx_mset_lower_bound(const cx_mset *m);
uint32_t cx_mset_upper_bound(const cx_mset *m);
/** Fills the details of the item at index (0-based, within this MSet). */
void cx_mset_item(const cx_mset *m, uint32_t index, uint32_t *docid, double *weight,
                  uint32_t *rank, uint32_t *collapse_count, CXError *err);
cx_document *cx_mset_document(const cx_mset *m, uint32_t index, CXError *err);
/** The collapse key (the value of the collapse slot) of the item at index. */
char *cx_mset_collapse_key(const cx_mset *m, uint32_t index, size_t *out_len, CXError *err);
/** MSet::get_termfreq: from the match's own statistics for a term of the query. */
uint32_t cx_mset_termfreq(const cx_mset *m, const char *term, size_t len, CXError *err);
/** Snippet flags, numbered as Xapian::MSet's SNIPPET_* (static_asserted). */
typedef enum { CX_SNIPPET_EXHAUSTIVE = 2 } CXSnippetFlag;

/** MSet::snippet: text with the query's matches between hi_start and hi_end; flags are
 *  ORed CXSnippetFlag values. */
char *cx_mset_snippet(const cx_mset *m, const char *text, size_t text_len, uint32_t length,
                      const cx_stem *stem, uint32_t flags, const char *hi_start,
                      size_t hi_start_len, const char *hi_end, size_t hi_end_len,
                      const char *omit, size_t omit_len, size_t *out_len, CXError *err);

/** A Xapian::ValueCountMatchSpy on slot (travels to remote shards). */
cx_spy *cx_spy_new_value_count(uint32_t slot, CXError *err);
void cx_spy_free(cx_spy *spy);
/** Packed list of (value, count). */
char *cx_spy_values(const cx_spy *spy, size_t *out_len, CXError *err);
uint32_t cx_spy_total(const cx_spy *spy);

#ifdef __cplusplus
}
#endif

#endif
