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
        // Not `Array(text.unicodeScalars)`, which walks the text once to count its scalars and
        // again to copy them: room for as many scalars as bytes, one walk.
        var input: [Unicode.Scalar] = []
        input.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { input.append(scalar) }
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(input.count + 8)
        var index = 0
        while index < input.count {
            let scalar = input[index]
            let next: Unicode.Scalar? = index + 1 < input.count ? input[index + 1] : nil
            switch scalar {
            case ";", "!", "?", ":":
                let space = scalar == ":" ? noBreak : narrow
                if endsClause(next), canPrecedeSpace(output.last, atStart: output.isEmpty && followsInline) {
                    if output.last == " " { output.removeLast() }
                    if output.last != narrow, output.last != noBreak { output.append(space) }
                }
                output.append(scalar)
            case "«":
                output.append(scalar)
                if next == " " { index += 1 }
                if next != narrow, next != noBreak, next != nil { output.append(narrow) }
            case "»":
                if output.last == " " { output.removeLast() }
                if let last = output.last, last != narrow, last != noBreak { output.append(narrow) }
                if output.isEmpty && followsInline { output.append(narrow) }
                output.append(scalar)
            case "'":
                output.append("’")
            case " " where isDigit(output.last) && isUnit(after: index, in: input):
                output.append(narrow)
            case "0"..."9":
                var end = index
                while end < input.count, isDigit(input[end]) { end += 1 }
                let digits = input[index..<end]
                if shouldGroup(digits, before: output.last, beforeThat: output.dropLast().last, after: end < input.count ? input[end] : nil) {
                    for position in index..<end {
                        if position > index, (end - position) % 3 == 0 { output.append(narrow) }
                        output.append(input[position])
                    }
                } else {
                    for position in index..<end { output.append(input[position]) }
                }
                index = end
                continue
            default:
                output.append(scalar)
            }
            index += 1
        }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(output.count + output.count / 2)
        for scalar in output { UTF8.encode(scalar) { utf8.append($0) } }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// `%`, `€`, `k€`, `M€` or `Md€` right after position `index` (a space after a number).
    private static func isUnit(after index: Int, in input: [Unicode.Scalar]) -> Bool {
        func at(_ offset: Int) -> Unicode.Scalar? { index + offset < input.count ? input[index + offset] : nil }
        switch at(1) {
        case "%", "€": return true
        case "k": return at(2) == "€"
        case "M": return at(2) == "€" || (at(2) == "d" && at(3) == "€")
        default: return false
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

    /// Five digits or more, not a decimal part, no leading zero, not glued to letters.
    private static func shouldGroup(_ digits: ArraySlice<Unicode.Scalar>, before: Unicode.Scalar?, beforeThat: Unicode.Scalar?, after: Unicode.Scalar?) -> Bool {
        guard digits.count >= 5, digits.first != "0" else { return false }
        if let before {
            if before.properties.isAlphabetic || before == "_" || before == "/" || before == "#" { return false }
            if before == "," || before == ".", isDigit(beforeThat) { return false }
        }
        if let after, after.properties.isAlphabetic || after == "_" || after == "/" { return false }
        return true
    }
}
