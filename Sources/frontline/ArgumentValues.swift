import ArgumentParser
import FrontlineCorpus
import FrontlineEngine

// The engine's option values, parsed, validated, listed in help and completed by the
// argument parser from their cases.
extension FrontlineEngine.SortOrder: ExpressibleByArgument {}
extension DateBucket: ExpressibleByArgument {}
extension ComparisonAxis: ExpressibleByArgument {}
extension FigureCategory: ExpressibleByArgument {}
