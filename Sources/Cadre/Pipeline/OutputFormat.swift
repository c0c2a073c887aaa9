import Foundation

/// What `cadre build` and `cadre strategie` produce: any of the site (html), the PDFs, the
/// editable ODT and DOCX documents. `--format` takes one name, a comma list
/// (`html,pdf,odt`) or `all`.
public struct OutputFormat: OptionSet, Sendable, Hashable {
    public let rawValue: Int

    /// A set from its bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The site (index, one page per chapter) and the single-file print HTML.
    public static let html = OutputFormat(rawValue: 1)
    /// The PDF(s), with the print HTML they are made from.
    public static let pdf = OutputFormat(rawValue: 2)
    /// OpenDocument text (LibreOffice, the French administration's reference format).
    public static let odt = OutputFormat(rawValue: 4)
    /// Word (Office Open XML).
    public static let docx = OutputFormat(rawValue: 8)
    /// Everything.
    public static let all: OutputFormat = [.html, .pdf, .odt, .docx]

    /// The names `--format` accepts, in the order help lists them.
    public static let names: [(name: String, format: OutputFormat)] = [("html", .html), ("pdf", .pdf), ("odt", .odt), ("docx", .docx), ("all", .all)]

    /// `html`, `pdf,odt`, `all`…; nil when a name is unknown or the list is empty.
    public init?(parsing text: String) {
        var formats: OutputFormat = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            guard let format = Self.names.first(where: { $0.name == name })?.format else { return nil }
            formats.formUnion(format)
        }
        guard !formats.isEmpty else { return nil }
        self = formats
    }

    var site: Bool { contains(.html) }
    var print: Bool { contains(.pdf) }
    /// The word-processor formats asked for.
    var editable: OutputFormat { intersection([.odt, .docx]) }
}
