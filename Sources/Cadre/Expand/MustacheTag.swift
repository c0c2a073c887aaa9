import Synchronization
import Foundation

/// A tag of a Mustache template with its position, found by a light scan of the text
/// (swift-mustache does not expose its tokens).
struct MustacheTag: Equatable {
    enum Kind: Equatable { case variable, unescaped, section, inverted, close, partial, comment, pragma, delimiters }

    let kind: Kind
    let name: String
    /// The parts of a dotted name (`collectivite.nom` → `collectivite`, `nom`), split once when scanned.
    let path: [String]
    /// Whether a swift-mustache transform applies (`empty(liste)`): its value is not the variable's.
    let transformed: Bool
    let line: Int
    let column: Int

    init(kind: Kind, name: String, transformed: Bool, line: Int, column: Int) {
        self.kind = kind
        self.name = name
        self.path = name.split(separator: ".").map(String.init)
        self.transformed = transformed
        self.line = line
        self.column = column
    }

    /// The tags of `text`, scanned once per distinct text: layouts and the chapters of strategy
    /// documents are checked again for every page or document.
    static func scan(_ text: String) -> [MustacheTag] {
        if let tags = ScanCache.shared.tags(of: text) { return tags }
        let tags = scanning(text)
        ScanCache.shared.store(tags, for: text)
        return tags
    }

    /// One pass over the UTF-8 bytes, counting lines and columns (in Unicode scalars) as it
    /// goes, so that the cost grows with the text's size whatever its number of tags.
    private static func scanning(_ text: String) -> [MustacheTag] {
        var tags: [MustacheTag] = []
        let bytes = Array(text.utf8)
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}"), newline = UInt8(ascii: "\n")
        var index = 0
        var line = 1
        var column = 1
        /// Moves past `bytes[index]`, keeping line and column up to date.
        func step() {
            if bytes[index] == newline {
                line += 1
                column = 1
            } else if bytes[index] & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        while index < bytes.count - 1 {
            guard bytes[index] == open, bytes[index + 1] == open else {
                step()
                continue
            }
            let (tagLine, tagColumn) = (line, column)
            let triple = index + 2 < bytes.count && bytes[index + 2] == open
            let width = triple ? 3 : 2
            let bodyStart = index + width
            var end = bodyStart
            while end + width <= bytes.count, !(bytes[end] == close && bytes[end + 1] == close && (!triple || bytes[end + 2] == close)) { end += 1 }
            guard end + width <= bytes.count else { break }
            var body = String(decoding: bytes[bodyStart..<end], as: UTF8.self)
            var kind = Kind.variable
            if triple {
                kind = .unescaped
            } else if let sigil = body.first {
                switch sigil {
                case "#": kind = .section
                case "^": kind = .inverted
                case "/": kind = .close
                case ">": kind = .partial
                case "!": kind = .comment
                case "%": kind = .pragma
                case "=": kind = .delimiters
                case "&": kind = .unescaped
                case "$", "<": kind = .partial
                default: break
                }
                if kind != .variable { body.removeFirst() }
            }
            tags.append(MustacheTag(kind: kind, name: Self.name(from: body), transformed: body.contains("("), line: tagLine, column: tagColumn))
            while index < end + width { step() }
        }
        return tags
    }

    /// The variable name, without surrounding spaces or swift-mustache transforms (`uppercased(nom)`).
    private static func name(from body: String) -> String {
        var name = body.trimmingCharacters(in: .whitespaces)
        while let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
            name = String(name[name.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
        }
        return name
    }
}

/// The scanned tags of each template text, shared by the threads of a batch.
private final class ScanCache: Sendable {
    static let shared = ScanCache()
    private let tags = Mutex<[Text: [MustacheTag]]>([:])

    /// A template text as a key: hashed on its length and first bytes only (hashing a whole
    /// French text, with its normalisation, cost more than the check itself), compared whole
    /// (at once when both are the same string, as for a chapter checked for every document).
    private struct Text: Hashable {
        let text: String

        func hash(into hasher: inout Hasher) {
            hasher.combine(text.utf8.count)
            for byte in text.utf8.prefix(64) { hasher.combine(byte) }
        }
    }

    func tags(of text: String) -> [MustacheTag]? {
        tags.withLock { $0[Text(text: text)] }
    }

    func store(_ scanned: [MustacheTag], for text: String) {
        tags.withLock { $0[Text(text: text)] = scanned }
    }
}
