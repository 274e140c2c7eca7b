import ArgumentParser
import Foundation

/// The `frontline` command: a search engine for conflict news.
@main
struct Frontline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontline",
        abstract: "Search conflict news by passage, with facets by side, claimant, actor, place and date.",
        discussion: """
        Build an index of a corpus, then search it:
          frontline index Corpus
          frontline search casualties near Talish
          frontline compare "casualties" --by claimant

        Exit status (all commands):
          0  success
          1  index: some input was rejected and reported; everything else was indexed
          3  index: another 'frontline index' run holds the index lock
          4  no index at the given place, or an index of another schema version
          5  the query cannot be understood (the message says what to type instead)
          6  the gazetteer cannot be used
          7  Xapian or file-system failure
          8  a remote index (tcp://HOST:PORT) cannot be reached
          64 the command line is wrong
        """,
        subcommands: [IndexCommand.self, SearchCommand.self, CompareCommand.self, ShowCommand.self,
                      StatsCommand.self, InspectCommand.self]
    )
}
