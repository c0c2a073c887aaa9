/// French typography on text: narrow no-break space (U+202F) before `; ! ?` and inside `« »`,
/// no-break space (U+00A0) before `:`, thousands grouped with U+202F (`45 387`), a number
/// tied to its unit (`30 %`, `1,5 M€`), typographic apostrophe. Applied to text nodes only — never to code, URLs or attributes.
public enum FrenchTypography {
    static let narrow: Unicode.Scalar = "\u{202F}"
    static let noBreak: Unicode.Scalar = "\u{00A0}"

    /// Applies the rules to the text nodes of a document (not inside code; not to a bare URL).
    static func mark(_ document: MarkdownDocument) {
        for text in document.nodes(where: { $0.kind == .text }) {
            if let link = text.parent, link.kind == .link, link.url.hasSuffix(text.literal) { continue }
            let followsInline = text.previous != nil
            let literal = text.literal
            let result = apply(literal, followsInline: followsInline)
            if result != literal { text.literal = result }
        }
    }

    /// The text with French typography; `followsInline` when something (an emphasis, a link) precedes it on the line.
    public static func apply(_ text: String, followsInline: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: needsWork) else { return text }
        let input = Array(text.unicodeScalars)
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
            case " " where isUnit(after: index, in: input) && output.last.map({ ("0"..."9").contains($0) }) == true:
                output.append(narrow)
            case "0"..."9":
                var end = index
                while end < input.count, ("0"..."9").contains(input[end]) { end += 1 }
                let digits = input[index..<end]
                if shouldGroup(digits, before: output.last, beforeThat: output.dropLast().last, after: end < input.count ? input[end] : nil) {
                    for (offset, digit) in digits.enumerated() {
                        if offset > 0, (digits.count - offset) % 3 == 0 { output.append(narrow) }
                        output.append(digit)
                    }
                } else {
                    output.append(contentsOf: digits)
                }
                index = end
                continue
            default:
                output.append(scalar)
            }
            index += 1
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: output)
        return String(result)
    }

    /// `%`, `€`, `k€`, `M€` or `Md€` right after position `index` (a space after a number).
    private static func isUnit(after index: Int, in input: [Unicode.Scalar]) -> Bool {
        let rest = input[(index + 1)...].prefix(3)
        return rest.first == "%" || rest.first == "€" || rest.starts(with: ["k", "€"]) || rest.starts(with: ["M", "€"]) || rest.starts(with: ["M", "d", "€"])
    }

    private static func needsWork(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ";", "!", "?", ":", "«", "»", "'", "0"..."9": return true
        default: return false
        }
    }

    /// Punctuation that ends a clause is followed by a space, the end, or more punctuation
    /// (this keeps `http://`, `14:30` and `a?b=c` untouched).
    private static func endsClause(_ next: Unicode.Scalar?) -> Bool {
        guard let next else { return true }
        return next == " " || next == "\n" || next == noBreak || next == narrow || "»)]!?.,;:…\"’".unicodeScalars.contains(next)
    }

    private static func canPrecedeSpace(_ previous: Unicode.Scalar?, atStart: Bool) -> Bool {
        guard let previous else { return atStart }
        if previous == " " || previous == narrow || previous == noBreak { return true }
        if "!?;:".unicodeScalars.contains(previous) { return false }
        return previous.properties.isAlphabetic || ("0"..."9").contains(previous) || "»)]’\"*%€…".unicodeScalars.contains(previous)
    }

    /// Five digits or more, not a decimal part, no leading zero, not glued to letters.
    private static func shouldGroup(_ digits: ArraySlice<Unicode.Scalar>, before: Unicode.Scalar?, beforeThat: Unicode.Scalar?, after: Unicode.Scalar?) -> Bool {
        guard digits.count >= 5, digits.first != "0" else { return false }
        if let before {
            if before.properties.isAlphabetic || before == "_" || before == "/" || before == "#" { return false }
            if (before == "," || before == "."), let beforeThat, ("0"..."9").contains(beforeThat) { return false }
        }
        if let after, after.properties.isAlphabetic || after == "_" || after == "/" { return false }
        return true
    }
}
