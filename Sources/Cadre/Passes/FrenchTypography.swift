/// French typography on text: narrow no-break space (U+202F) before `; ! ?` and inside `« »`,
/// no-break space (U+00A0) before `:`, thousands grouped with U+202F (`45 387`), a number
/// tied to its unit (`30 %`, `1,5 M€`), typographic apostrophe. Applied to text nodes only — never to code, URLs or attributes.
public enum FrenchTypography {
    static let narrow: Unicode.Scalar = "\u{202F}"
    static let noBreak: Unicode.Scalar = "\u{00A0}"

    /// Applies the rules to every text a reader sees: prose, headings, table cells, captions,
    /// component and strategy passages, chart labels. Never to code, addresses, attributes, nor
    /// to the text of a bare link (the address itself).
    static func mark(_ document: inout Document) {
        document.updateBlocks { block in
            if case .graphic(let graphic) = block {
                block = .graphic(graphic.mapTexts { apply($0) })
            } else {
                block.updateOwnInlines { mark($0) }
            }
        }
    }

    /// The run set in French typography; nil when no text changes.
    private static func mark(_ inlines: [Inline], address: String? = nil) -> [Inline]? {
        var result: [Inline]?
        func set(_ index: Int, _ inline: Inline) {
            if result == nil { result = inlines }
            result![index] = inline
        }
        for (index, inline) in inlines.enumerated() {
            switch inline {
            case .text(let text):
                if let address, address.hasSuffix(text) { continue }
                let typeset = apply(text, followsInline: index > 0)
                if typeset != text { set(index, .text(typeset)) }
            case .emphasis(let children): if let changed = mark(children) { set(index, .emphasis(changed)) }
            case .strong(let children): if let changed = mark(children) { set(index, .strong(changed)) }
            case .strikethrough(let children): if let changed = mark(children) { set(index, .strikethrough(changed)) }
            case .span(let attributes, let children): if let changed = mark(children) { set(index, .span(attributes, changed)) }
            case .link(var link):
                var address: String?
                if case .external(let url) = link.target { address = url }
                if let changed = mark(link.content, address: address) {
                    link.content = changed
                    set(index, .link(link))
                }
            case .image(var image):
                if let changed = mark(image.description) {
                    image.description = changed
                    set(index, .image(image))
                }
            default:
                break
            }
        }
        return result
    }

    /// The texts of a chapter that live outside its document, for the table of contents, the
    /// running heads and the page titles: its title, short title and summary from front matter,
    /// and its sections' titles. Set here, with the rest, so that no writer applies the rules.
    static func markTitles(_ page: inout ChapterPage) {
        var front = page.chapter.frontMatter
        front.titre = apply(front.titre)
        front.titreCourt = front.titreCourt.map { apply($0) }
        front.resume = front.resume.map { apply($0) }
        page.chapter.frontMatter = front
        for index in page.headings.indices { page.headings[index].title = apply(page.headings[index].title) }
    }

    /// A publication's settings with their texts set (title, subtitle, date, publisher,
    /// authors, credits), before templates and writers show them.
    static func mark(_ publication: Publication) -> Publication {
        var publication = publication
        var settings = publication.settings
        settings.titre = apply(settings.titre)
        settings.sousTitre = settings.sousTitre.map { apply($0) }
        settings.date = settings.date.map { apply($0) }
        settings.editeur = settings.editeur.map { apply($0) }
        settings.auteurs = settings.auteurs?.map { apply($0) }
        settings.credits = settings.credits?.map { apply($0) }
        publication.settings = settings
        return publication
    }

    /// The text with French typography; `followsInline` when something (an emphasis, a link) precedes it on the line.
    public static func apply(_ text: String, followsInline: Bool = false) -> String {
        guard needsWork(text) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            var typesetter = Typesetter(input: bytes, followsInline: followsInline)
            return String(decoding: typesetter.run(), as: UTF8.self)
        }
    }

    /// One text set in French typography, read and written as UTF-8: the bytes between two
    /// that a rule looks at are copied as they are, and a scalar is decoded only where a rule
    /// needs it. (Taking every text apart into scalars made French typography 7 % of a strategy
    /// batch's samples; 4 % now.)
    private struct Typesetter {
        let input: UnsafeBufferPointer<UInt8>
        let followsInline: Bool
        var output: [UInt8] = []

        init(input: UnsafeBufferPointer<UInt8>, followsInline: Bool) {
            self.input = input
            self.followsInline = followsInline
            output.reserveCapacity(input.count + 16)
        }

        mutating func run() -> [UInt8] {
            var index = 0
            while index < input.count {
                let byte = input[index]
                switch byte {
                case UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                    let space = byte == UInt8(ascii: ":") ? noBreak : narrow
                    if endsClause(scalar(after: index)), canPrecedeSpace(last, atStart: output.isEmpty && followsInline) {
                        if output.last == UInt8(ascii: " ") { output.removeLast() }
                        if last != narrow, last != noBreak { append(space) }
                    }
                    output.append(byte)
                case 0xC2 where index + 1 < input.count && input[index + 1] == 0xAB:  // «
                    let next = scalar(after: index + 1)
                    append("«")
                    index += 1
                    if next == " " { index += 1 }
                    if next != narrow, next != noBreak, next != nil { append(narrow) }
                case 0xC2 where index + 1 < input.count && input[index + 1] == 0xBB:  // »
                    if output.last == UInt8(ascii: " ") { output.removeLast() }
                    if let last, last != narrow, last != noBreak { append(narrow) }
                    if output.isEmpty && followsInline { append(narrow) }
                    append("»")
                    index += 1
                case UInt8(ascii: "'"):
                    append("’")
                case UInt8(ascii: " ") where isDigit(output.last) && isUnit(after: index):
                    append(narrow)
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    var end = index
                    while end < input.count, isDigit(input[end]) { end += 1 }
                    let grouped = end - index >= 5 && byte != UInt8(ascii: "0") && shouldGroup(before: last, beforeThat: beforeLast, after: scalar(after: end - 1))
                    for position in index..<end {
                        if grouped, position > index, (end - position) % 3 == 0 { append(narrow) }
                        output.append(input[position])
                    }
                    index = end
                    continue
                default:
                    // The bytes up to the next one a rule looks at (the bytes of other scalars
                    // included) are copied as they are.
                    var end = index + 1
                    while end < input.count, !Self.mayStartRule(input[end]) { end += 1 }
                    output.append(contentsOf: input[index..<end])
                    index = end
                    continue
                }
                index += 1
            }
            return output
        }

        /// The bytes `run` has a case for (ASCII never appears inside another scalar's bytes,
        /// nor 0xC2, the first byte of « and »).
        private static func mayStartRule(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "'"), UInt8(ascii: " "), 0xC2,
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return false
            }
        }

        /// The scalar after the one whose last byte is at `index`, if any.
        private func scalar(after index: Int) -> Unicode.Scalar? {
            index + 1 < input.count ? Self.scalar(in: input[...], at: index + 1).scalar : nil
        }

        private mutating func append(_ scalar: Unicode.Scalar) {
            UTF8.encode(scalar) { output.append($0) }
        }

        /// The scalar that starts at `index` of `bytes` (valid UTF-8), and its length in bytes.
        private static func scalar(in bytes: Slice<UnsafeBufferPointer<UInt8>>, at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
            let first = bytes[index]
            if first < 0x80 { return (Unicode.Scalar(first), 1) }
            let length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2
            var iterator = bytes[index..<min(index + length, bytes.endIndex)].makeIterator()
            var decoder = UTF8()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return ("\u{FFFD}", 1) }
            return (scalar, length)
        }

        /// The scalar written last, and the one before it.
        private var last: Unicode.Scalar? { scalar(endingAt: output.count)?.scalar }
        private var beforeLast: Unicode.Scalar? {
            guard let last = scalar(endingAt: output.count) else { return nil }
            return scalar(endingAt: output.count - last.length)?.scalar
        }

        private func scalar(endingAt end: Int) -> (scalar: Unicode.Scalar, length: Int)? {
            guard end > 0 else { return nil }
            var start = end - 1
            while start > 0, output[start] & 0xC0 == 0x80 { start -= 1 }
            return output.withUnsafeBufferPointer { Self.scalar(in: $0[..<end], at: start) }
        }

        /// `%`, `€`, `k€`, `M€` or `Md€` right after the space at `index` (a space after a number).
        private func isUnit(after index: Int) -> Bool {
            func at(_ offset: Int) -> UInt8? { index + offset < input.count ? input[index + offset] : nil }
            func euro(_ offset: Int) -> Bool { at(offset) == 0xE2 && at(offset + 1) == 0x82 && at(offset + 2) == 0xAC }
            switch at(1) {
            case UInt8(ascii: "%"): return true
            case UInt8(ascii: "k"): return euro(2)
            case UInt8(ascii: "M"): return euro(2) || (at(2) == UInt8(ascii: "d") && euro(3))
            default: return euro(1)
            }
        }

        private func isDigit(_ byte: UInt8?) -> Bool {
            guard let byte else { return false }
            return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }
    }

    /// Whether any rule can change `text`: punctuation, guillemets or an apostrophe, five digits
    /// in a row, or a number followed by a space and a unit. Most texts have none; they are
    /// returned as they are without being taken apart.
    private static func needsWork(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(needsWork)
    }

    private static func needsWork(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        var afterNumber = false
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "'"):
                return true
            case 0xC2:
                // « and » are C2 AB and C2 BB in UTF-8.
                guard let next = iterator.next() else { return false }
                if next == 0xAB || next == 0xBB { return true }
                digits = 0
                afterNumber = false
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if digits >= 5 { return true }
            case UInt8(ascii: " "):
                // A space after a number may tie it to a unit (`30 %`, `1,5 M€`): look at what follows.
                afterNumber = digits > 0
                digits = 0
                continue
            case UInt8(ascii: "%"), 0xE2, UInt8(ascii: "k"), UInt8(ascii: "M"):
                // `%`, or the first byte of `€` (E2 82 AC), `k€`, `M€`, `Md€`.
                if afterNumber { return true }
                digits = 0
            default:
                digits = 0
            }
            afterNumber = false
        }
        return false
    }

    private static func isDigit(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.value >= 48 && scalar.value <= 57
    }

    /// Punctuation that ends a clause is followed by a space, the end, or more punctuation
    /// (this keeps `http://`, `14:30` and `a?b=c` untouched).
    private static func endsClause(_ next: Unicode.Scalar?) -> Bool {
        guard let next else { return true }
        switch next {
        case " ", "\n", noBreak, narrow, "»", ")", "]", "!", "?", ".", ",", ";", ":", "…", "\"", "’": return true
        default: return false
        }
    }

    private static func canPrecedeSpace(_ previous: Unicode.Scalar?, atStart: Bool) -> Bool {
        guard let previous else { return atStart }
        switch previous {
        case " ", narrow, noBreak, "»", ")", "]", "’", "\"", "*", "%", "€", "…": return true
        case "!", "?", ";", ":": return false
        default: return isDigit(previous) || previous.properties.isAlphabetic
        }
    }

    /// Five digits or more (counted by the caller, with no leading zero), not a decimal part,
    /// not glued to letters.
    private static func shouldGroup(before: Unicode.Scalar?, beforeThat: Unicode.Scalar?, after: Unicode.Scalar?) -> Bool {
        if let before {
            if before.properties.isAlphabetic || before == "_" || before == "/" || before == "#" { return false }
            if before == "," || before == ".", isDigit(beforeThat) { return false }
        }
        if let after, after.properties.isAlphabetic || after == "_" || after == "/" { return false }
        return true
    }
}
