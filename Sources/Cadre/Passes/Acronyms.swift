import Foundation

/// Marks acronyms from `acronymes.yml` with `<abbr title>` and records which ones a
/// publication uses, for its generated list of acronyms.
final class AcronymMarker {
    let acronyms: [String: Acronym]
    /// The first two bytes of every acronym: most capitalised words (`Collectivité`) are
    /// ruled out by them without being looked up.
    private let starts: Set<UInt16>
    private(set) var used: Set<String> = []

    init(acronyms: [String: Acronym]) {
        self.acronyms = acronyms
        starts = Set(acronyms.keys.map { key in Array(key.utf8).withUnsafeBufferPointer(Self.start) })
    }

    private static func start(_ word: UnsafeBufferPointer<UInt8>) -> UInt16 {
        UInt16(word.first ?? 0) << 8 | UInt16(word.count > 1 ? word[1] : 0)
    }

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
    /// Scans UTF-8 bytes: a word is a run of ASCII letters and digits or non-ASCII bytes,
    /// and only words starting with a capital are looked up.
    func segments(of text: String) -> [Segment] {
        guard !acronyms.isEmpty else { return [Segment(text: text)] }
        var utf8 = text
        return utf8.withUTF8 { bytes in
            var segments: [Segment] = []
            var plainStart = 0
            func isWordByte(_ byte: UInt8) -> Bool {
                (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte >= 128
            }
            var index = 0
            while index < bytes.count {
                guard isWordByte(bytes[index]) else { index += 1; continue }
                var end = index
                while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
                let word = UnsafeBufferPointer(rebasing: bytes[index..<end])
                if word[0] >= 65, word[0] <= 90, word.count <= 16, starts.contains(Self.start(word)),
                   let acronym = acronyms[String(decoding: word, as: UTF8.self)] {
                    if plainStart < index { segments.append(Segment(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[plainStart..<index]), as: UTF8.self))) }
                    segments.append(Segment(text: acronym.sigle, acronym: acronym))
                    used.insert(acronym.sigle)
                    plainStart = end
                }
                index = end
            }
            // Usually no acronym: the text itself, not a copy.
            if segments.isEmpty { return [Segment(text: text)] }
            if plainStart < bytes.count { segments.append(Segment(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[plainStart...]), as: UTF8.self))) }
            return segments
        }
    }

    private static func opening(_ acronym: Acronym) -> String {
        "<abbr title=\"\(acronym.definition.htmlEscaped)\">"
    }

    /// The used acronyms, in French alphabetical order.
    var usedAcronyms: [Acronym] {
        used.compactMap { acronyms[$0] }.sorted { $0.sigle.folding(options: .diacriticInsensitive, locale: nil) < $1.sigle.folding(options: .diacriticInsensitive, locale: nil) }
    }
}
