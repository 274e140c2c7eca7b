import FrontlineCorpus

/// Why an index run could not start or finish.
public enum IndexError: FrontlineFailure {
    /// Another `frontline index` holds the index.
    case locked(lockFile: String)
    /// The index was built by another version of Frontline.
    case schemaMismatch(folder: String, found: String)
    /// The gazetteer cannot be used.
    case gazetteer(Diagnostic)
    /// The gazetteer (or world base) at `path` has `count` problems labelled "error"
    /// (reported as diagnostics before): nothing is indexed until they are fixed.
    case gazetteerErrors(path: String, count: Int)
    /// The figure lexicon at `path` cannot be used.
    case figureLexicon(path: String, problem: String)
    /// The index is damaged (`detail`: what Xapian said); it must be rebuilt.
    case corrupt(folder: String, detail: String)
    /// A path given to index does not exist (nothing was changed).
    case missingInput([String])
    /// The run's gazetteer (`now`, nil for none) differs from the one the index was tagged
    /// with (`was`), and re-tagging was not asked for.
    case gazetteerChanged(folder: String, was: String, now: String?)
    /// The database failed (disk full…); Xapian's message.
    case backend(String)
    /// A file could not be written.
    case io(String)

    /// What went wrong and what to do, for the command line.
    public var description: String {
        switch self {
        case .locked(let lockFile):
            return "the index is being updated by another 'frontline index' run (lock held on \(lockFile)); wait for it to finish"
        case .schemaMismatch(let folder, let found):
            return "the index in \(folder) has schema \(found.isEmpty ? "(none)" : found), this frontline needs \(Schema.version); run 'frontline index --rebuild --index \(folder)'"
        case .gazetteer(let diagnostic):
            return diagnostic.description
        case .gazetteerErrors(let path, let count):
            return "\(path): the gazetteer has \(count) error\(count == 1 ? "" : "s") (above); nothing was indexed. Fix \(count == 1 ? "it" : "them")"
                + " ('frontline gazetteer check \(path)' lists every problem) and run again"
        case .figureLexicon(let path, let problem):
            return "\(path): the figure lexicon cannot be used: \(problem); fix it, or pass --figures FILE"
        case .corrupt(let folder, let detail):
            return "the index in \(folder) is corrupt (\(Excerpt.quoted(detail))): run 'frontline index --rebuild --index \(folder)'"
        case .missingInput(let paths):
            return "no such file or folder: \(paths.joined(separator: ", ")); nothing was indexed or removed"
        case .gazetteerChanged(let folder, let was, let now):
            let previous = was.isEmpty ? "no gazetteer" : "the gazetteer \(was)"
            guard let now else {
                return "the index in \(folder) was tagged with \(previous), and this run found none: indexing without it would strip"
                    + " every tag. Pass --gazetteer FILE, or --rebuild to build the index without one"
            }
            // The same file with another world base under it (or an older one) differs too.
            let same = CorpusReader.absolute(now) == was ? " (as extended by the world base, or as it read when the index was built)" : ""
            return "the gazetteer \(now)\(same) differs from \(previous), which the index in \(folder) was tagged with; re-tagging"
                + " changes every article. Pass --gazetteer \(now) to re-tag, or --rebuild"
        case .backend(let message):
            return "Xapian: \(message)"
        case .io(let message):
            return message
        }
    }

    /// What a front-end makes of it.
    public var category: FailureCategory {
        switch self {
        case .locked: return .locked
        case .schemaMismatch, .corrupt: return .noIndex
        case .gazetteer, .gazetteerErrors, .gazetteerChanged, .figureLexicon: return .badGazetteer
        case .missingInput: return .usage
        case .backend, .io: return .failure
        }
    }
}
