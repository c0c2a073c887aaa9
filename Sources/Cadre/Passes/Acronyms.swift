import Foundation

/// Marks the acronyms of `acronymes.yml` in the text (writers show their meaning) and records
/// which ones a publication uses, for its generated list of acronyms. One per publication or
/// strategy document: it is not shared between threads.
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

    /// Adds acronyms another marker found (a page marked on its own) to those this one records.
    func record(_ sigles: Set<String>) {
        used.formUnion(sigles)
    }

    /// Splits the texts of a document around the acronyms they contain (not inside links,
    /// images or code: a link's words are its own).
    func mark(_ document: inout Document) {
        guard !acronyms.isEmpty else { return }
        document.updateOutermostInlines(mark)
    }

    /// The run with its acronyms marked; nil when it has none.
    private func mark(_ inlines: [Inline]) -> [Inline]? {
        var result: [Inline]?
        for (index, inline) in inlines.enumerated() {
            var replacement: [Inline]?
            switch inline {
            case .text(let text):
                let segments = segments(of: text)
                if segments.count > 1 || segments.first?.acronym != nil {
                    replacement = segments.map { segment in segment.acronym.map { .acronym(sigle: segment.text, definition: $0.definition) } ?? .text(segment.text) }
                }
            case .emphasis(let children): replacement = mark(children).map { [.emphasis($0)] }
            case .strong(let children): replacement = mark(children).map { [.strong($0)] }
            case .strikethrough(let children): replacement = mark(children).map { [.strikethrough($0)] }
            case .span(let attributes, let children): replacement = mark(children).map { [.span(attributes, $0)] }
            default: break
            }
            if let replacement {
                if result == nil { result = Array(inlines[..<index]) }
                result! += replacement
            } else {
                result?.append(inline)
            }
        }
        return result
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

    /// The used acronyms, in French alphabetical order.
    var usedAcronyms: [Acronym] {
        used.compactMap { acronyms[$0] }.sorted { $0.sigle.folding(options: .diacriticInsensitive, locale: nil) < $1.sigle.folding(options: .diacriticInsensitive, locale: nil) }
    }
}
