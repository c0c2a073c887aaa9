/// A chart or a schema drawn from data: an SVG picture with its accessible title and
/// description and, where the data is tabular, the table it draws. The picture is laid out
/// when a writer asks for it, from texts the passes have already set (French typography): a
/// chart measures its labels to wrap them.
public protocol Graphic: Sendable {
    /// What the picture shows, in a few words.
    var title: String { get }
    /// The SVG's identifier: its title is `<identifier>-titre`, which names its frame.
    var identifier: String { get }
    /// The picture with its texts passed through `transform` (the typography pass).
    func mapTexts(_ transform: (String) -> String) -> Self
    /// The SVG, its texts escaped by the chart that writes it.
    func svg() -> String
    /// The data behind the picture, as a table (writers that cannot draw SVG, screen readers).
    var dataTable: Table? { get }
}

extension Graphic {
    /// No table, by default.
    public var dataTable: Table? { nil }
}
