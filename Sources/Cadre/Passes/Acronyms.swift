import Foundation

/// Marks acronyms from `acronymes.yml` with `<abbr title>` and records which ones a
/// publication uses, for its generated list of acronyms.
final class AcronymMarker {
    let acronyms: [String: Acronym]
    private(set) var used: Set<String> = []

    init(acronyms: [String: Acronym]) { self.acronyms = acronyms }

    /// Splits the text nodes of a document around the acronyms they contain.
    func mark(_ document: MarkdownDocument) {
        guard !acronyms.isEmpty else { return }
        for text in document.nodes(where: { $0.kind == .text }) where !text.isInside([.link, .image]) {
            let segments = segments(of: text.literal)
            guard segments.count > 1 else { continue }
            var rest = segments[...]
            if segments[0].acronym == nil {
                text.literal = segments[0].text
                rest = segments.dropFirst()
            } else {
                text.literal = ""
            }
            var last = text
            for segment in rest {
                let node = segment.acronym.map { document.makeInline(opening: Self.opening($0), closing: "</abbr>") } ?? document.makeText(segment.text)
                if segment.acronym != nil { node.appendChild(document.makeText(segment.text)) }
                last.insertAfter(node)
                last = node
            }
        }
    }

    /// The HTML of a plain text (a table cell): escaped, French typography, acronyms marked.
    func html(_ text: String) -> String {
        var html = ""
        for (position, segment) in segments(of: text).enumerated() {
            if let acronym = segment.acronym {
                html += Self.opening(acronym) + segment.text.htmlEscaped + "</abbr>"
            } else {
                html += FrenchTypography.apply(segment.text, followsInline: position > 0).htmlEscaped
            }
        }
        return html
    }

    struct Segment {
        var text: String
        var acronym: Acronym?
    }

    /// The text cut into plain runs and acronyms; one segment when it has none.
    func segments(of text: String) -> [Segment] {
        var segments: [Segment] = []
        var plain = Substring.UnicodeScalarView()
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else {
                plain.append(scalar)
                index = scalars.index(after: index)
                continue
            }
            var end = index
            while end < scalars.endIndex, scalars[end].properties.isAlphabetic || ("0"..."9").contains(scalars[end]) { end = scalars.index(after: end) }
            let word = String(scalars[index..<end])
            if scalar.properties.isUppercase, let acronym = acronyms[word] {
                if !plain.isEmpty { segments.append(Segment(text: String(plain))) }
                plain = Substring.UnicodeScalarView()
                segments.append(Segment(text: word, acronym: acronym))
                used.insert(word)
            } else {
                plain.append(contentsOf: scalars[index..<end])
            }
            index = end
        }
        if !plain.isEmpty || segments.isEmpty { segments.append(Segment(text: String(plain))) }
        return segments
    }

    private static func opening(_ acronym: Acronym) -> String {
        "<abbr title=\"\(acronym.definition.htmlEscaped)\">"
    }

    /// The used acronyms, in French alphabetical order.
    var usedAcronyms: [Acronym] {
        used.compactMap { acronyms[$0] }.sorted { $0.sigle.folding(options: .diacriticInsensitive, locale: nil) < $1.sigle.folding(options: .diacriticInsensitive, locale: nil) }
    }
}
