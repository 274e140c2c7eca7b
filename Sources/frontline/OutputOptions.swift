import ArgumentParser

/// `--json` and `--no-color`, the same two flags on every command that prints both ways.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON (the contracts in README.md).")
    var json = false
    @Flag(help: "No colour.")
    var noColor = false

    /// The style for standard output: plain for JSON, when `--no-color` is given, or when
    /// standard output is not a terminal.
    var style: Style { Style.forStandardOutput(disabled: noColor || json) }
}
