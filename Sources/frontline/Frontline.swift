import ArgumentParser
import FrontlineOptions
import Foundation

/// The `frontline` command: a search engine for conflict news.
@main
struct Frontline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontline",
        abstract: "Search conflict news by passage, with facets by side, claimant, actor, place and date.",
        discussion: HelpText.discussion("""
        Build an index of a corpus, then search it:
          frontline index Corpus
          frontline search casualties near Talish
          frontline compare "casualties" --by claimant
        """, statuses: Status.allCases),
        subcommands: [IndexCommand.self, SearchCommand.self, CompareCommand.self, ShowCommand.self,
                      StatsCommand.self, InspectCommand.self, FiguresCommand.self, ServeCommand.self, GazetteerCommand.self]
    )

    /// Runs the command line, after letting query words that start with `-` through as words.
    static func main() {
        let arguments = QueryArguments.rewrite(Array(CommandLine.arguments.dropFirst()))
        guard !arguments.isEmpty else {
            FileHandle.standardError.write(Data((helpMessage() + "\n").utf8))
            Foundation.exit(Status.usage.rawValue)
        }
        main(arguments)
    }
}

/// The query language writes exclusions as `-word` (`ceasefire -Talish`), which an option
/// parser takes for options (`-Talish` even holds `-h`, the help flag). For the commands
/// that take a query, such words are moved after a `--`, where they are query words.
enum QueryArguments {
    /// The commands whose positional arguments are a query.
    static let queryCommands: Set<String> = ["search", "compare"]
    /// Options whose value may itself start with `-` (`--sort -date`).
    static let dashValuedOptions: Set<String> = ["--sort"]

    /// `arguments` with every word that starts with a single `-` and a letter (not `-h`)
    /// moved after `--`, unless the user wrote `--` already.
    static func rewrite(_ arguments: [String]) -> [String] {
        guard let command = arguments.first, queryCommands.contains(command), !arguments.contains("--") else { return arguments }
        var kept = [command], words: [String] = []
        for (index, argument) in arguments.enumerated().dropFirst() {
            let afterDashValued = dashValuedOptions.contains(arguments[index - 1])
            if !afterDashValued, isQueryWord(argument) { words.append(argument) } else { kept.append(argument) }
        }
        return words.isEmpty ? arguments : kept + ["--"] + words
    }

    /// `-word`, `-"a phrase"`, `-(a OR b)`, `-side:armenia`, or a quoted argument starting
    /// with `-`; not `-h`, `--option` or a negative number (an option's value).
    private static func isQueryWord(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), !argument.hasPrefix("--"), argument != "-h", let second = argument.dropFirst().first else { return false }
        return !second.isNumber
    }
}
