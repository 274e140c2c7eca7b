/// What a figure counts: the one list of the categories, in output order. The figure
/// lexicon's words, the `figure` facet, `frontline figures --category`, the API's
/// `category` and the query language's `figure:` all take their names from here.
public enum FigureCategory: String, CaseIterable, Sendable {
    case killed, wounded, captured, missing, equipment, attacks
}
