import Foundation
import FrontlineCorpus

/// Where the world base (`world.json`), or another shipped data file such as the gazetteer's
/// schema, is: beside the gazetteer, else in `Corpus/` of the working folder, else in the
/// `Corpus/` of the checkout the program was built in or in `share/frontline/` beside an
/// installed program's `bin/`.
enum WorldBaseLocation {
    /// The first of those places that has the file `fileName`, if any.
    static func find(_ fileName: String = WorldBase.fileName, besideGazetteer gazetteer: String?) -> String? {
        var candidates: [String] = []
        if let gazetteer { candidates.append(((gazetteer as NSString).deletingLastPathComponent as NSString).appendingPathComponent(fileName)) }
        candidates.append("Corpus/" + fileName)
        // .build/release/frontline or .build/x86_64-unknown-linux-gnu/debug/frontline in a checkout; PREFIX/bin/frontline installed.
        var folder = (URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path as NSString).deletingLastPathComponent
        for _ in 0..<4 {
            folder = (folder as NSString).deletingLastPathComponent
            candidates.append(folder + "/Corpus/" + fileName)
            candidates.append(folder + "/share/frontline/" + fileName)
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }
}
