// The only file in Frontline that touches C++: every entry point catches
// every exception and reports it through CXError.
#include "CXapian.h"

#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <type_traits>
#include <vector>

// The numbers CXapian.h (and through it the Swift wrapper) uses are Xapian's own.
namespace {
constexpr bool same(int shim, int xapian) { return shim == xapian; }
}  // namespace
static_assert(same(CX_OP_AND, Xapian::Query::OP_AND) && same(CX_OP_OR, Xapian::Query::OP_OR) &&
              same(CX_OP_AND_NOT, Xapian::Query::OP_AND_NOT) && same(CX_OP_XOR, Xapian::Query::OP_XOR) &&
              same(CX_OP_AND_MAYBE, Xapian::Query::OP_AND_MAYBE) && same(CX_OP_FILTER, Xapian::Query::OP_FILTER) &&
              same(CX_OP_NEAR, Xapian::Query::OP_NEAR) && same(CX_OP_PHRASE, Xapian::Query::OP_PHRASE) &&
              same(CX_OP_SYNONYM, Xapian::Query::OP_SYNONYM),
              "CXQueryOp must number the operators as Xapian::Query::op does");
static_assert(same(CX_FLAG_BOOLEAN, Xapian::QueryParser::FLAG_BOOLEAN) && same(CX_FLAG_PHRASE, Xapian::QueryParser::FLAG_PHRASE) &&
              same(CX_FLAG_LOVEHATE, Xapian::QueryParser::FLAG_LOVEHATE) && same(CX_FLAG_WILDCARD, Xapian::QueryParser::FLAG_WILDCARD) &&
              same(CX_FLAG_PURE_NOT, Xapian::QueryParser::FLAG_PURE_NOT) && same(CX_FLAG_PARTIAL, Xapian::QueryParser::FLAG_PARTIAL) &&
              same(CX_FLAG_SYNONYM, Xapian::QueryParser::FLAG_SYNONYM) && same(CX_FLAG_AUTO_SYNONYMS, Xapian::QueryParser::FLAG_AUTO_SYNONYMS),
              "CXParserFlag must number the flags as Xapian::QueryParser::feature_flag does");
static_assert(same(CX_STEM_NONE, Xapian::QueryParser::STEM_NONE) && same(CX_STEM_SOME, Xapian::QueryParser::STEM_SOME) &&
              same(CX_STEM_ALL, Xapian::QueryParser::STEM_ALL) && same(CX_STEM_ALL_Z, Xapian::QueryParser::STEM_ALL_Z),
              "CXStemStrategy must number the strategies as Xapian::QueryParser::stem_strategy does");
static_assert(same(CX_DB_CREATE_OR_OPEN, Xapian::DB_CREATE_OR_OPEN) && same(CX_DB_CREATE_OR_OVERWRITE, Xapian::DB_CREATE_OR_OVERWRITE) &&
              same(CX_DB_CREATE, Xapian::DB_CREATE) && same(CX_DB_OPEN, Xapian::DB_OPEN),
              "CXDatabaseAction must number the actions as Xapian's DB_* constants do");
static_assert(same(CX_SNIPPET_EXHAUSTIVE, Xapian::MSet::SNIPPET_EXHAUSTIVE),
              "CXSnippetFlag must number the flags as Xapian::MSet's SNIPPET_* do");
// Each class of CXapianErrors.def derives from the parent the list gives it.
#define CX_ERROR(name, parent) \
    static_assert(std::is_base_of<Xapian::parent, Xapian::name>::value, #name " must derive from " #parent);
#include "CXapianErrors.def"
#undef CX_ERROR

struct cx_database { Xapian::Database *db; bool writable; };
struct cx_document { Xapian::Document doc; };
struct cx_stem { Xapian::Stem stem; };
struct cx_termgen { Xapian::TermGenerator tg; };
struct cx_qparser { Xapian::QueryParser qp; };
struct cx_query { Xapian::Query q; };
struct cx_enquire { Xapian::Enquire enq; explicit cx_enquire(const Xapian::Database &d) : enq(d) {} };
struct cx_mset { Xapian::MSet mset; };
struct cx_spy { Xapian::ValueCountMatchSpy spy; explicit cx_spy(Xapian::valueno s) : spy(s) {} };

namespace {

struct KindName { const char *name; CXErrorKind kind; const char *parent; };
const KindName kKinds[] = {
#define CX_ERROR(name, parent) {#name, CX_ERROR_##name, #parent},
#include "CXapianErrors.def"
#undef CX_ERROR
};

/// A database handle owning `db`, which is deleted if making the handle fails.
template <typename D>
cx_database *wrap(std::unique_ptr<D> db) {
    auto *handle = new cx_database{db.get(), std::is_same<D, Xapian::WritableDatabase>::value};
    db.release();
    return handle;
}

char *dup_bytes(const std::string &s, size_t *out_len) {
    char *buf = static_cast<char *>(std::malloc(s.size() + 1));
    if (!buf) throw std::bad_alloc();
    std::memcpy(buf, s.data(), s.size());
    buf[s.size()] = '\0';
    if (out_len) *out_len = s.size();
    return buf;
}

void set_error(CXError *err, CXErrorKind kind, const std::string &message) {
    if (!err) return;
    err->kind = kind;
    err->message = static_cast<char *>(std::malloc(message.size() + 1));
    if (err->message) {
        std::memcpy(err->message, message.data(), message.size());
        err->message[message.size()] = '\0';
    }
}

void report(CXError *err) {
    try {
        throw;
    } catch (const Xapian::Error &e) {
        CXErrorKind kind = CX_OTHER_ERROR;
        for (const auto &k : kKinds) {
            if (std::strcmp(e.get_type(), k.name) == 0) { kind = k.kind; break; }
        }
        std::string msg = e.get_msg();
        if (!e.get_context().empty()) msg += " (context: " + e.get_context() + ")";
        if (e.get_error_string()) msg += std::string(" (") + e.get_error_string() + ")";
        set_error(err, kind, msg);
    } catch (const std::bad_alloc &) {
        set_error(err, CX_OUT_OF_MEMORY, "out of memory");
    } catch (const std::exception &e) {
        set_error(err, CX_OTHER_ERROR, e.what());
    } catch (...) {
        set_error(err, CX_OTHER_ERROR, "unknown C++ exception");
    }
}

/// Runs body, turning any exception into an error and the fallback value.
template <typename T, typename F>
T guarded(CXError *err, T fallback, F body) {
    try {
        return body();
    } catch (...) {
        report(err);
        return fallback;
    }
}

template <typename F>
void guarded_void(CXError *err, F body) {
    try {
        body();
    } catch (...) {
        report(err);
    }
}

std::string str(const char *p, size_t n) { return n ? std::string(p, n) : std::string(); }

class Packer {
  public:
    void add(const std::string &bytes, uint64_t number) {
        uint32_t len = static_cast<uint32_t>(bytes.size());
        for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>((len >> (8 * i)) & 0xff));
        out_ += bytes;
        for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((number >> (8 * i)) & 0xff));
    }
    char *finish(size_t *out_len) const { return dup_bytes(out_, out_len); }
  private:
    std::string out_;
};

Xapian::WritableDatabase &writable(cx_database *db) {
    if (!db->writable) throw Xapian::InvalidOperationError("database is not open for writing");
    return *static_cast<Xapian::WritableDatabase *>(db->db);
}

std::vector<std::string> split_lines(const char *p, size_t n) {
    std::vector<std::string> words;
    std::string all = str(p, n);
    size_t start = 0;
    while (start <= all.size()) {
        size_t end = all.find('\n', start);
        if (end == std::string::npos) end = all.size();
        if (end > start) words.push_back(all.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

Xapian::Stopper *make_stopper(const char *words, size_t len) {
    auto lines = split_lines(words, len);
    auto *stopper = new Xapian::SimpleStopper(lines.begin(), lines.end());
    return stopper->release();
}

}  // namespace

extern "C" {

const char *cx_error_kind_name(int32_t kind) {
    for (const auto &k : kKinds) {
        if (k.kind == kind) return k.name;
    }
    return kind == CX_OUT_OF_MEMORY ? "OutOfMemory" : "Error";
}

const char *cx_error_parent_name(const char *name) {
    if (!name) return nullptr;
    for (const auto &k : kKinds) {
        if (std::strcmp(k.name, name) == 0) return k.parent;
    }
    return nullptr;
}

void cx_free(void *buffer) { std::free(buffer); }

const char *cx_version(void) { return Xapian::version_string(); }

/* ---- databases ---- */

cx_database *cx_database_open(const char *path, size_t path_len, CXError *err) {
    return guarded<cx_database *>(err, nullptr, [&] {
        return wrap(std::make_unique<Xapian::Database>(str(path, path_len)));
    });
}

cx_database *cx_database_open_remote(const char *host, size_t host_len, uint32_t port,
                                     uint32_t connect_timeout_ms, uint32_t timeout_ms, CXError *err) {
    return guarded<cx_database *>(err, nullptr, [&] {
        Xapian::Database remote = Xapian::Remote::open(str(host, host_len), port, timeout_ms,
                                                       connect_timeout_ms);
        return wrap(std::make_unique<Xapian::Database>(remote));
    });
}

char *cx_database_uuid(const cx_database *db, size_t *out_len, CXError *err) {
    return guarded<char *>(err, nullptr, [&] { return dup_bytes(db->db->get_uuid(), out_len); });
}

uint64_t cx_database_revision(const cx_database *db, CXError *err) {
    return guarded<uint64_t>(err, 0, [&] { return static_cast<uint64_t>(db->db->get_revision()); });
}

cx_database *cx_database_new_empty(CXError *err) {
    return guarded<cx_database *>(err, nullptr, [&] {
        return wrap(std::make_unique<Xapian::Database>());
    });
}

void cx_database_add_database(cx_database *db, const cx_database *other, CXError *err) {
    guarded_void(err, [&] { db->db->add_database(*other->db); });
}

cx_database *cx_writable_open(const char *path, size_t path_len, int32_t action, CXError *err) {
    return guarded<cx_database *>(err, nullptr, [&] {
        return wrap(std::make_unique<Xapian::WritableDatabase>(str(path, path_len), action));
    });
}

void cx_database_free(cx_database *db) {
    if (!db) return;
    try {
        if (db->writable) delete static_cast<Xapian::WritableDatabase *>(db->db);
        else delete db->db;
    } catch (...) {
    }
    delete db;
}

int32_t cx_database_reopen(cx_database *db, CXError *err) {
    return guarded<int32_t>(err, 0, [&] { return db->db->reopen() ? 1 : 0; });
}

void cx_database_close(cx_database *db, CXError *err) {
    guarded_void(err, [&] { db->db->close(); });
}

uint32_t cx_database_doccount(const cx_database *db, CXError *err) {
    return guarded<uint32_t>(err, 0, [&] { return db->db->get_doccount(); });
}

uint32_t cx_database_lastdocid(const cx_database *db, CXError *err) {
    return guarded<uint32_t>(err, 0, [&] { return db->db->get_lastdocid(); });
}

double cx_database_avlength(const cx_database *db, CXError *err) {
    return guarded<double>(err, 0.0, [&] { return db->db->get_avlength(); });
}

uint32_t cx_database_termfreq(const cx_database *db, const char *term, size_t term_len,
                              CXError *err) {
    return guarded<uint32_t>(err, 0, [&] { return db->db->get_termfreq(str(term, term_len)); });
}

uint32_t cx_database_value_freq(const cx_database *db, uint32_t slot, CXError *err) {
    return guarded<uint32_t>(err, 0, [&] { return db->db->get_value_freq(slot); });
}

char *cx_database_allterms(const cx_database *db, const char *prefix, size_t prefix_len,
                           size_t *out_len, CXError *err) {
    return guarded<char *>(err, nullptr, [&] {
        Packer p;
        std::string pre = str(prefix, prefix_len);
        for (auto it = db->db->allterms_begin(pre); it != db->db->allterms_end(pre); ++it)
            p.add(*it, it.get_termfreq());
        return p.finish(out_len);
    });
}

cx_document *cx_database_document(const cx_database *db, uint32_t docid, CXError *err) {
    return guarded<cx_document *>(err, nullptr, [&] {
        return new cx_document{db->db->get_document(docid)};
    });
}

char *cx_database_metadata(const cx_database *db, const char *key, size_t key_len,
                           size_t *out_len, CXError *err) {
    return guarded<char *>(err, nullptr, [&] {
        return dup_bytes(db->db->get_metadata(str(key, key_len)), out_len);
    });
}

char *cx_database_metadata_keys(const cx_database *db, const char *prefix, size_t prefix_len,
                                size_t *out_len, CXError *err) {
    return guarded<char *>(err, nullptr, [&] {
        Packer p;
        std::string pre = str(prefix, prefix_len);
        for (auto it = db->db->metadata_keys_begin(pre); it != db->db->metadata_keys_end(pre); ++it)
            p.add(*it, 0);
        return p.finish(out_len);
    });
}

char *cx_database_synonym_keys(const cx_database *db, const char *prefix, size_t prefix_len,
                               size_t *out_len, CXError *err) {
    return guarded<char *>(err, nullptr, [&] {
        Packer p;
        std::string pre = str(prefix, prefix_len);
        for (auto it = db->db->synonym_keys_begin(pre); it != db->db->synonym_keys_end(pre); ++it) p.add(*it, 0);
        return p.finish(out_len);
    });
}

char *cx_database_synonyms(const cx_database *db, const char *term, size_t term_len,
                           size_t *out_len, CXError *err) {
    return guarded<char *>(err, nullptr, [&] {
        Packer p;
        std::string t = str(term, term_len);
        for (auto it = db->db->synonyms_begin(t); it != db->db->synonyms_end(t); ++it) p.add(*it, 0);
        return p.finish(out_len);
    });
}

void cx_database_compact(const cx_database *db, const char *output, size_t output_len,
                         int32_t flags, CXError *err) {
    guarded_void(err, [&] { db->db->compact(str(output, output_len), flags); });
}

uint32_t cx_writable_add_document(cx_database *db, const cx_document *doc, CXError *err) {
    return guarded<uint32_t>(err, 0, [&] { return writable(db).add_document(doc->doc); });
}

uint32_t cx_writable_replace_document_by_term(cx_database *db, const char *term, size_t term_len,
                                              const cx_document *doc, CXError *err) {
    return guarded<uint32_t>(err, 0, [&] {
        return writable(db).replace_document(str(term, term_len), doc->doc);
    });
}

void cx_writable_delete_document_by_term(cx_database *db, const char *term, size_t term_len,
                                         CXError *err) {
    guarded_void(err, [&] { writable(db).delete_document(str(term, term_len)); });
}

void cx_writable_commit(cx_database *db, CXError *err) {
    guarded_void(err, [&] { writable(db).commit(); });
}

void cx_writable_begin_transaction(cx_database *db, int32_t flushed, CXError *err) {
    guarded_void(err, [&] { writable(db).begin_transaction(flushed != 0); });
}

void cx_writable_commit_transaction(cx_database *db, CXError *err) {
    guarded_void(err, [&] { writable(db).commit_transaction(); });
}

void cx_writable_cancel_transaction(cx_database *db, CXError *err) {
    guarded_void(err, [&] { writable(db).cancel_transaction(); });
}

void cx_writable_set_metadata(cx_database *db, const char *key, size_t key_len,
                              const char *value, size_t value_len, CXError *err) {
    guarded_void(err, [&] { writable(db).set_metadata(str(key, key_len), str(value, value_len)); });
}

void cx_writable_add_synonym(cx_database *db, const char *term, size_t term_len,
                             const char *synonym, size_t synonym_len, CXError *err) {
    guarded_void(err, [&] {
        writable(db).add_synonym(str(term, term_len), str(synonym, synonym_len));
    });
}

void cx_writable_clear_synonyms(cx_database *db, const char *term, size_t term_len,
                                CXError *err) {
    guarded_void(err, [&] { writable(db).clear_synonyms(str(term, term_len)); });
}

/* ---- documents ---- */

cx_document *cx_document_new(CXError *err) {
    return guarded<cx_document *>(err, nullptr, [&] { return new cx_document{}; });
}

void cx_document_free(cx_document *doc) { delete doc; }

void cx_document_set_data(cx_document *doc, const char *data, size_t len, CXError *err) {
    guarded_void(err, [&] { doc->doc.set_data(str(data, len)); });
}

char *cx_document_data(const cx_document *doc, size_t *out_len, CXError *err) {
    return guarded<char *>(err, nullptr, [&] { return dup_bytes(doc->doc.get_data(), out_len); });
}

void cx_document_add_term(cx_document *doc, const char *term, size_t len, uint32_t wdf,
                          CXError *err) {
    guarded_void(err, [&] { doc->doc.add_term(str(term, len), wdf); });
}

void cx_document_add_boolean_term(cx_document *doc, const char *term, size_t len, CXError *err) {
    guarded_void(err, [&] { doc->doc.add_boolean_term(str(term, len)); });
}

void cx_document_add_value(cx_document *doc, uint32_t slot, const char *value, size_t len,
                           CXError *err) {
    guarded_void(err, [&] { doc->doc.add_value(slot, str(value, len)); });
}

char *cx_document_value(const cx_document *doc, uint32_t slot, size_t *out_len, CXError *err) {
    return guarded<char *>(err, nullptr, [&] { return dup_bytes(doc->doc.get_value(slot), out_len); });
}

char *cx_document_terms(const cx_document *doc, size_t *out_len, CXError *err) {
    return guarded<char *>(err, nullptr, [&] {
        Packer p;
        for (auto it = doc->doc.termlist_begin(); it != doc->doc.termlist_end(); ++it)
            p.add(*it, it.get_wdf());
        return p.finish(out_len);
    });
}

uint32_t cx_document_docid(const cx_document *doc) { return doc->doc.get_docid(); }

/* ---- stemming and term generation ---- */

cx_stem *cx_stem_new(const char *language, size_t len, CXError *err) {
    return guarded<cx_stem *>(err, nullptr, [&] {
        return new cx_stem{Xapian::Stem(str(language, len))};
    });
}

namespace {

/// A stemmer that picks its language by each word's script: Cyrillic and Armenian
/// words go to their own stemmers; a Latin word holding one of the Turkic letters
/// ə ı ş ğ goes to `turkic` with ə read as e (Snowball's Turkish stemmer knows the
/// vowel harmony of e, not ə); every other word goes to `latin`, unchanged.
class ScriptStem : public Xapian::StemImplementation {
    Xapian::Stem latin, cyrillic, armenian, turkic;
    std::string names;

  public:
    ScriptStem(const std::string &l, const std::string &c, const std::string &a, const std::string &t)
        : latin(l), cyrillic(c), armenian(a), turkic(t), names(l + "," + c + "," + a + "," + t) {}

    std::string operator()(const std::string &word) override {
        const auto *b = reinterpret_cast<const unsigned char *>(word.data());
        size_t n = word.size();
        bool schwa = false, turkicLetter = false;
        for (size_t i = 0; i + 1 < n; ++i) {
            unsigned char c = b[i], d = b[i + 1];
            if (c < 0xC0) continue;
            // U+0400-U+052F Cyrillic; U+0531-U+058F Armenian.
            if (c >= 0xD0 && c <= 0xD3) return cyrillic(word);
            if (c == 0xD4) return d < 0xB0 ? cyrillic(word) : armenian(word);
            if (c == 0xD5 || (c == 0xD6 && d <= 0x8F)) return armenian(word);
            if (c == 0xC9 && (d == 0x99 || d == 0x8F)) schwa = turkicLetter = true;   // ə Ə
            if (c == 0xC4 && (d == 0xB1 || d == 0x9F || d == 0x9E || d == 0xB0)) turkicLetter = true; // ı ğ Ğ İ
            if (c == 0xC5 && (d == 0x9F || d == 0x9E)) turkicLetter = true;           // ş Ş
        }
        if (!turkicLetter) return latin(word);
        if (!schwa) return turkic(word);
        std::string mapped;
        mapped.reserve(n);
        for (size_t i = 0; i < n; ++i) {
            if (i + 1 < n && b[i] == 0xC9 && (b[i + 1] == 0x99 || b[i + 1] == 0x8F)) { mapped += 'e'; ++i; }
            else mapped += word[i];
        }
        return turkic(mapped);
    }

    std::string get_description() const override { return "Xapian::Stem(script:" + names + ")"; }
};

}  // namespace

cx_stem *cx_stem_new_by_script(const char *latin, size_t latin_len, const char *cyrillic, size_t cyrillic_len,
                               const char *armenian, size_t armenian_len, const char *turkic, size_t turkic_len,
                               CXError *err) {
    return guarded<cx_stem *>(err, nullptr, [&] {
        return new cx_stem{Xapian::Stem(new ScriptStem(str(latin, latin_len), str(cyrillic, cyrillic_len),
                                                       str(armenian, armenian_len), str(turkic, turkic_len)))};
    });
}

void cx_stem_free(cx_stem *stem) { delete stem; }

char *cx_stem_apply(const cx_stem *stem, const char *word, size_t len, size_t *out_len,
                    CXError *err) {
    return guarded<char *>(err, nullptr, [&] { return dup_bytes(stem->stem(str(word, len)), out_len); });
}

cx_termgen *cx_termgen_new(CXError *err) {
    return guarded<cx_termgen *>(err, nullptr, [&] { return new cx_termgen{}; });
}

void cx_termgen_free(cx_termgen *tg) { delete tg; }

void cx_termgen_set_stemmer(cx_termgen *tg, const cx_stem *stem, CXError *err) {
    guarded_void(err, [&] { tg->tg.set_stemmer(stem->stem); });
}

void cx_termgen_set_stopper(cx_termgen *tg, const char *words, size_t len, CXError *err) {
    guarded_void(err, [&] { tg->tg.set_stopper(make_stopper(words, len)); });
}

void cx_termgen_set_document(cx_termgen *tg, cx_document *doc, CXError *err) {
    guarded_void(err, [&] { tg->tg.set_document(doc->doc); });
}

void cx_termgen_index_text(cx_termgen *tg, const char *text, size_t len, uint32_t wdf_inc,
                           const char *prefix, size_t prefix_len, int32_t with_positions,
                           CXError *err) {
    guarded_void(err, [&] {
        // index_text takes a UTF-8 iterator over the caller's bytes; no copy needed.
        Xapian::Utf8Iterator it(text, len);
        std::string pre = str(prefix, prefix_len);
        if (with_positions) tg->tg.index_text(it, wdf_inc, pre);
        else tg->tg.index_text_without_positions(it, wdf_inc, pre);
    });
}

/* ---- queries ---- */

cx_query *cx_query_term(const char *term, size_t len, uint32_t wqf, CXError *err) {
    return guarded<cx_query *>(err, nullptr, [&] {
        return new cx_query{Xapian::Query(str(term, len), wqf)};
    });
}

cx_query *cx_query_match_all(CXError *err) {
    // Not a copy of the static Xapian::Query::MatchAll: a copy shares its internal object,
    // whose reference count is not atomic, so copies made on two threads at once corrupt it
    // (and a search crashes later in Query::get_length). Query(string()) is the same query,
    // with an internal object of its own.
    return guarded<cx_query *>(err, nullptr, [&] { return new cx_query{Xapian::Query(std::string())}; });
}

cx_query *cx_query_combine(int32_t op, const cx_query *const *subqueries, size_t count,
                           uint32_t window, CXError *err) {
    return guarded<cx_query *>(err, nullptr, [&] {
        std::vector<Xapian::Query> subs;
        subs.reserve(count);
        for (size_t i = 0; i < count; ++i) subs.push_back(subqueries[i]->q);
        return new cx_query{Xapian::Query(static_cast<Xapian::Query::op>(op), subs.begin(),
                                          subs.end(), window)};
    });
}

cx_query *cx_query_value_range(uint32_t slot, const char *low, size_t low_len, const char *high,
                               size_t high_len, CXError *err) {
    return guarded<cx_query *>(err, nullptr, [&] {
        return new cx_query{Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, str(low, low_len),
                                          str(high, high_len))};
    });
}

namespace {

/// A synonym of `subs` (sorted by description) as nested two-way synonyms: Xapian 1.4 builds
/// an n-way OR as a tree shaped by each shard's own term frequencies, and its estimate of
/// the synonym's frequency rounds at every node, so a flat synonym weighs differently on
/// every shard; a fixed nest of pairs estimates the same from the global statistics.
Xapian::Query nested_synonym(std::vector<Xapian::Query> subs) {
    if (subs.empty()) return Xapian::Query::MatchNothing;
    std::vector<std::pair<std::string, Xapian::Query>> keyed;
    for (auto &sub : subs) keyed.emplace_back(sub.get_description(), sub);
    std::sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    Xapian::Query nest = keyed[0].second;
    for (size_t i = 1; i < keyed.size(); ++i) nest = Xapian::Query(Xapian::Query::OP_SYNONYM, nest, keyed[i].second);
    return nest;
}

/// The pattern of an OP_WILDCARD query, from its description `Query(WILDCARD <combiner> <pattern>)`
/// (Xapian 1.4 has no accessor for it).
std::string wildcard_pattern(const Xapian::Query &q) {
    std::string d = q.get_description();
    const std::string head = "Query(WILDCARD ";
    if (d.compare(0, head.size(), head) != 0 || d.back() != ')') throw Xapian::InvalidArgumentError("unexpected wildcard query " + d);
    d = d.substr(head.size(), d.size() - head.size() - 1);
    size_t space = d.find(' ');
    if (space == std::string::npos) throw Xapian::InvalidArgumentError("unexpected wildcard query " + d);
    return d.substr(space + 1);
}

Xapian::Query shard_independent(const Xapian::Query &q, const Xapian::Database &db, Xapian::termcount max) {
    switch (q.get_type()) {
    case Xapian::Query::OP_WILDCARD: {
        std::string pattern = wildcard_pattern(q);
        std::vector<Xapian::Query> terms;
        for (auto t = db.allterms_begin(pattern); t != db.allterms_end(pattern); ++t) {
            if (max != 0 && terms.size() == max) throw Xapian::WildcardError("Wildcard " + pattern + "* expands to more than " + std::to_string(max) + " terms");
            terms.emplace_back(*t);
        }
        return nested_synonym(terms);
    }
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_MAX: {
        std::vector<Xapian::Query> subs;
        for (size_t i = 0; i < q.get_num_subqueries(); ++i) subs.push_back(shard_independent(q.get_subquery(i), db, max));
        if (q.get_type() == Xapian::Query::OP_SYNONYM) {
            // A synonym of synonyms is one synonym of all their leaves.
            std::vector<Xapian::Query> leaves;
            std::vector<Xapian::Query> pending(subs.begin(), subs.end());
            while (!pending.empty()) {
                Xapian::Query sub = pending.back();
                pending.pop_back();
                if (sub.get_type() == Xapian::Query::OP_SYNONYM) {
                    for (size_t i = 0; i < sub.get_num_subqueries(); ++i) pending.push_back(sub.get_subquery(i));
                } else {
                    leaves.push_back(sub);
                }
            }
            return nested_synonym(leaves);
        }
        return Xapian::Query(static_cast<Xapian::Query::op>(q.get_type()), subs.begin(), subs.end());
    }
    default:
        // Leaves, and operators with parameters (phrases, NEAR, scaled weights), which the
        // query parser never puts a wildcard or an expansion under.
        return q;
    }
}

} // namespace

cx_query *cx_query_shard_independent(const cx_query *q, const cx_database *db,
                                     uint32_t max_expansion, CXError *err) {
    return guarded<cx_query *>(err, nullptr, [&] {
        return new cx_query{shard_independent(q->q, *db->db, max_expansion)};
    });
}

void cx_query_free(cx_query *q) { delete q; }

char *cx_query_description(const cx_query *q, size_t *out_len, CXError *err) {
    return guarded<char *>(err, nullptr, [&] { return dup_bytes(q->q.get_description(), out_len); });
}

int32_t cx_query_empty(const cx_query *q) { return q->q.empty() ? 1 : 0; }

cx_query *cx_query_scale_weight(const cx_query *q, double factor, CXError *err) {
    return guarded<cx_query *>(err, nullptr, [&] {
        return new cx_query{Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q->q, factor)};
    });
}

cx_query *cx_query_fixed_weight(double weight, CXError *err) {
    return guarded<cx_query *>(err, nullptr, [&] {
        // The query owns the source once released to it.
        return new cx_query{Xapian::Query((new Xapian::FixedWeightPostingSource(weight))->release())};
    });
}

char *cx_query_terms(const cx_query *q, size_t *out_len, CXError *err) {
    return guarded<char *>(err, nullptr, [&] {
        Packer p;
        uint64_t i = 0;
        for (auto it = q->q.get_unique_terms_begin(); it != q->q.get_unique_terms_end(); ++it) p.add(*it, i++);
        return p.finish(out_len);
    });
}

cx_qparser *cx_qparser_new(CXError *err) {
    return guarded<cx_qparser *>(err, nullptr, [&] { return new cx_qparser{}; });
}

void cx_qparser_free(cx_qparser *qp) { delete qp; }

void cx_qparser_set_stemmer(cx_qparser *qp, const cx_stem *stem, CXError *err) {
    guarded_void(err, [&] { qp->qp.set_stemmer(stem->stem); });
}

void cx_qparser_set_stemming_strategy(cx_qparser *qp, int32_t strategy, CXError *err) {
    guarded_void(err, [&] {
        qp->qp.set_stemming_strategy(static_cast<Xapian::QueryParser::stem_strategy>(strategy));
    });
}

void cx_qparser_set_stopper(cx_qparser *qp, const char *words, size_t len, CXError *err) {
    guarded_void(err, [&] { qp->qp.set_stopper(make_stopper(words, len)); });
}

void cx_qparser_set_database(cx_qparser *qp, const cx_database *db, CXError *err) {
    guarded_void(err, [&] { qp->qp.set_database(*db->db); });
}

void cx_qparser_add_prefix(cx_qparser *qp, const char *field, size_t field_len,
                           const char *prefix, size_t prefix_len, CXError *err) {
    guarded_void(err, [&] { qp->qp.add_prefix(str(field, field_len), str(prefix, prefix_len)); });
}

void cx_qparser_add_boolean_prefix(cx_qparser *qp, const char *field, size_t field_len,
                                   const char *prefix, size_t prefix_len, int32_t exclusive,
                                   CXError *err) {
    guarded_void(err, [&] {
        qp->qp.add_boolean_prefix(str(field, field_len), str(prefix, prefix_len), exclusive != 0);
    });
}

void cx_qparser_add_range(cx_qparser *qp, uint32_t slot, const char *prefix, size_t prefix_len,
                          CXError *err) {
    guarded_void(err, [&] {
        qp->qp.add_rangeprocessor(
            (new Xapian::RangeProcessor(slot, str(prefix, prefix_len)))->release());
    });
}

void cx_qparser_set_max_expansion(cx_qparser *qp, uint32_t max, CXError *err) {
    guarded_void(err, [&] { qp->qp.set_max_expansion(max); });
}

cx_query *cx_qparser_parse(cx_qparser *qp, const char *text, size_t len, uint32_t flags,
                           const char *default_prefix, size_t default_prefix_len, CXError *err) {
    return guarded<cx_query *>(err, nullptr, [&] {
        return new cx_query{qp->qp.parse_query(str(text, len), flags,
                                               str(default_prefix, default_prefix_len))};
    });
}

/* ---- matching ---- */

cx_enquire *cx_enquire_new(const cx_database *db, CXError *err) {
    return guarded<cx_enquire *>(err, nullptr, [&] { return new cx_enquire(*db->db); });
}

void cx_enquire_free(cx_enquire *e) { delete e; }

void cx_enquire_set_query(cx_enquire *e, const cx_query *q, CXError *err) {
    guarded_void(err, [&] { e->enq.set_query(q->q); });
}

void cx_enquire_set_bm25(cx_enquire *e, double k1, double k2, double k3, double b,
                         double min_normlen, CXError *err) {
    guarded_void(err, [&] { e->enq.set_weighting_scheme(Xapian::BM25Weight(k1, k2, k3, b, min_normlen)); });
}

void cx_enquire_set_collapse_key(cx_enquire *e, uint32_t slot, uint32_t max, CXError *err) {
    guarded_void(err, [&] { e->enq.set_collapse_key(slot, max); });
}

void cx_enquire_set_sort_by_value(cx_enquire *e, uint32_t slot, int32_t reverse, CXError *err) {
    guarded_void(err, [&] { e->enq.set_sort_by_value(slot, reverse != 0); });
}

void cx_enquire_set_sort_by_relevance_then_value(cx_enquire *e, uint32_t slot, int32_t reverse,
                                                 CXError *err) {
    guarded_void(err, [&] { e->enq.set_sort_by_relevance_then_value(slot, reverse != 0); });
}

void cx_enquire_add_spy(cx_enquire *e, cx_spy *spy, CXError *err) {
    guarded_void(err, [&] { e->enq.add_matchspy(&spy->spy); });
}

cx_mset *cx_enquire_mset(cx_enquire *e, uint32_t first, uint32_t max, uint32_t check_at_least,
                         CXError *err) {
    return guarded<cx_mset *>(err, nullptr, [&] {
        return new cx_mset{e->enq.get_mset(first, max, check_at_least)};
    });
}

void cx_mset_free(cx_mset *m) { delete m; }
uint32_t cx_mset_size(const cx_mset *m) { return m->mset.size(); }
uint32_t cx_mset_estimated(const cx_mset *m) { return m->mset.get_matches_estimated(); }
uint32_t cx_mset_lower_bound(const cx_mset *m) { return m->mset.get_matches_lower_bound(); }
uint32_t cx_mset_upper_bound(const cx_mset *m) { return m->mset.get_matches_upper_bound(); }

void cx_mset_item(const cx_mset *m, uint32_t index, uint32_t *docid, double *weight,
                  uint32_t *rank, uint32_t *collapse_count, CXError *err) {
    guarded_void(err, [&] {
        if (index >= m->mset.size()) throw Xapian::RangeError("MSet index out of range");
        auto it = m->mset[index];
        *docid = *it;
        *weight = it.get_weight();
        *rank = it.get_rank();
        *collapse_count = it.get_collapse_count();
    });
}

cx_document *cx_mset_document(const cx_mset *m, uint32_t index, CXError *err) {
    return guarded<cx_document *>(err, nullptr, [&] {
        if (index >= m->mset.size()) throw Xapian::RangeError("MSet index out of range");
        return new cx_document{m->mset[index].get_document()};
    });
}

char *cx_mset_collapse_key(const cx_mset *m, uint32_t index, size_t *out_len, CXError *err) {
    return guarded<char *>(err, nullptr, [&] {
        if (index >= m->mset.size()) throw Xapian::RangeError("MSet index out of range");
        return dup_bytes(m->mset[index].get_collapse_key(), out_len);
    });
}

uint32_t cx_mset_termfreq(const cx_mset *m, const char *term, size_t len, CXError *err) {
    return guarded<uint32_t>(err, 0, [&] { return m->mset.get_termfreq(str(term, len)); });
}

char *cx_mset_snippet(const cx_mset *m, const char *text, size_t text_len, uint32_t length,
                      const cx_stem *stem, uint32_t flags, const char *hi_start,
                      size_t hi_start_len, const char *hi_end, size_t hi_end_len,
                      const char *omit, size_t omit_len, size_t *out_len, CXError *err) {
    return guarded<char *>(err, nullptr, [&] {
        return dup_bytes(m->mset.snippet(str(text, text_len), length, stem->stem, flags,
                                         str(hi_start, hi_start_len), str(hi_end, hi_end_len),
                                         str(omit, omit_len)),
                         out_len);
    });
}

cx_spy *cx_spy_new_value_count(uint32_t slot, CXError *err) {
    return guarded<cx_spy *>(err, nullptr, [&] { return new cx_spy(slot); });
}

void cx_spy_free(cx_spy *spy) { delete spy; }

char *cx_spy_values(const cx_spy *spy, size_t *out_len, CXError *err) {
    return guarded<char *>(err, nullptr, [&] {
        Packer p;
        for (auto it = spy->spy.values_begin(); it != spy->spy.values_end(); ++it)
            p.add(*it, it.get_termfreq());
        return p.finish(out_len);
    });
}

uint32_t cx_spy_total(const cx_spy *spy) { return spy->spy.get_total(); }

}  // extern "C"
