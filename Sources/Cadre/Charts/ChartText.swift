/// Shared pieces of the chart renderers: untrusted text made safe and French, its width
/// estimated in DejaVu Sans metrics, wrapped or cut with an ellipsis, euro amounts, the palette.
/// Everything is pure and integer-based so that the same input always gives the same bytes.
enum ChartText {
    /// The text as it may appear in a chart: control characters, bidi overrides and XML
    /// non-characters removed (they would break the XML or spoof the reading order), runs of
    /// white space made one space. Not yet escaped. (French typography is the pass's: a chart's
    /// texts reach it through `Graphic.mapTexts` before the chart is drawn.)
    static func clean(_ text: String) -> String {
        if isClean(text) { return text }
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D, 0x20, 0x85, 0x2028, 0x2029:
                pendingSpace = true
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0xFFFE, 0xFFFF, 0xFFF9...0xFFFB:
                continue
            default:
                if pendingSpace, !scalars.isEmpty { scalars.append(" ") }
                pendingSpace = false
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Whether `clean` would only apply the typography: no character to drop, single inner spaces.
    private static func isClean(_ text: String) -> Bool {
        var previousSpace = true
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20:
                if previousSpace { return false }
                previousSpace = true
                continue
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFFF9...0xFFFF:
                return false
            default:
                previousSpace = false
            }
        }
        return !previousSpace || text.isEmpty
    }

    /// An identifier safe in an attribute and as an XML id: letters, digits, `-` and `_` only,
    /// starting with a letter (`graphique` when nothing is left).
    static func identifier(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_": result.unicodeScalars.append(scalar)
            default: if !result.hasSuffix("-") { result += "-" }
            }
        }
        if result.isEmpty || result == "-" { return "graphique" }
        if let first = result.unicodeScalars.first, !("a"..."z").contains(first), !("A"..."Z").contains(first) { result = "g-" + result }
        return result
    }

    // MARK: Widths

    /// Advance widths of DejaVu Sans (thousandths of an em) for U+0020…U+007E.
    private static let ascii: [Int] = [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636,
        636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
        603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635,
        634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    ]

    /// The same for U+00A0…U+017F (Latin-1 supplement and Latin Extended-A: every French letter).
    private static let latin: [Int] = [
        318, 401, 636, 636, 636, 636, 337, 500, 500, 1000, 471, 612, 838, 361, 1000, 500, 500, 838, 401, 401, 500, 636, 636, 318,
        500, 401, 471, 612, 969, 969, 969, 531, 684, 684, 684, 684, 684, 684, 974, 698, 632, 632, 632, 632, 295, 295, 295, 295,
        775, 748, 787, 787, 787, 787, 787, 838, 787, 732, 732, 732, 732, 611, 605, 630, 613, 613, 613, 613, 613, 613, 982, 550,
        615, 615, 615, 615, 278, 278, 278, 278, 612, 634, 612, 612, 612, 612, 612, 838, 612, 634, 634, 634, 634, 592, 635, 592,
        684, 613, 684, 613, 684, 613, 698, 550, 698, 550, 698, 550, 698, 550, 770, 635, 775, 635, 632, 615, 632, 615, 632, 615,
        632, 615, 632, 615, 775, 635, 775, 635, 775, 635, 775, 635, 752, 634, 916, 695, 295, 278, 295, 278, 295, 278, 295, 278,
        295, 278, 590, 556, 295, 278, 656, 579, 579, 557, 278, 557, 278, 557, 375, 557, 342, 562, 284, 748, 634, 748, 634, 748,
        634, 813, 748, 634, 787, 612, 787, 612, 787, 612, 1070, 1023, 695, 411, 695, 411, 695, 411, 635, 521, 635, 521, 635, 521,
        635, 521, 611, 392, 611, 392, 611, 392, 732, 634, 732, 634, 732, 634, 732, 634, 732, 634, 732, 634, 989, 818, 611, 592,
        611, 685, 525, 685, 525, 685, 525, 352,
    ]

    /// The advance of one character in thousandths of an em (regular weight).
    static func advance(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        if let width = advance(scalar) { return width }
        if scalar.properties.isEmojiPresentation || character.unicodeScalars.count > 1 && character.unicodeScalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D }) {
            return 1250
        }
        return 650
    }

    /// The advance of a scalar below U+0300 or of a known punctuation; nil for others (emoji…).
    private static func advance(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x20...0x7E: return ascii[Int(scalar.value) - 0x20]
        case 0xA0...0x17F: return latin[Int(scalar.value) - 0xA0]
        case 0x2018, 0x2019: return 318
        case 0x201C, 0x201D: return 518
        case 0x202F: return 200
        case 0x2013: return 500
        case 0x2014, 0x2026: return 1000
        case 0x2022: return 590
        case 0x20AC: return 636
        case 0x2212: return 838
        case 0x0300...0x036F, 0x200B...0x200D: return 0
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60: return 1000
        default: return nil
        }
    }

    /// The estimated width in pixels of `text` set at `size` pixels (bold about 10 % wider).
    static func width<S: StringProtocol>(_ text: S, size: Int, bold: Bool = false) -> Int {
        var units = 0
        if isSimple(text) {
            for scalar in text.unicodeScalars { units += advance(scalar) ?? 650 }
        } else {
            for character in text { units += advance(character) }
        }
        return pixels(units, size: size, bold: bold)
    }

    /// Whether every scalar of `text` is a character of its own: below U+0300 (but CR, which
    /// pairs with LF) or a punctuation mark of the table. Usual French text is; its width is
    /// then summed scalar by scalar, without cutting it into characters.
    private static func isSimple<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x0D: return false
            case 0...0x2FF, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x202F, 0x20AC, 0x2212: return true
            default: return false
            }
        }
    }

    /// The width of one character, rounded up like that of a text.
    static func width(_ character: Character, size: Int, bold: Bool = false) -> Int {
        pixels(advance(character), size: size, bold: bold)
    }

    private static func pixels(_ units: Int, size: Int, bold: Bool) -> Int {
        (units * size * (bold ? 11 : 10) + 9_999) / 10_000
    }

    // MARK: Lines

    /// `text` (already cleaned) in lines no wider than `maxWidth` pixels, at most `maxLines`:
    /// cut between words, inside a word only when it is longer than a line, the last line ending
    /// with `…` when text was left out. `truncated` says whether it was.
    static func lines(_ text: String, maxWidth: Int, size: Int, bold: Bool = false, maxLines: Int) -> (lines: [String], truncated: Bool) {
        let limit = max(maxWidth, 1)
        let space = width(" ", size: size, bold: bold)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var words = text.split(separator: " ")[...]
        while let word = words.first {
            let wordWidth = width(word, size: size, bold: bold)
            if line.isEmpty, wordWidth > limit {
                // A word longer than a line: as many characters as fit, the rest on the next line.
                var head = ""
                var headWidth = 0
                var rest = word[...]
                while let character = rest.first {
                    let characterWidth = width(character, size: size, bold: bold)
                    if !head.isEmpty, headWidth + characterWidth > limit { break }
                    head.append(character)
                    headWidth += characterWidth
                    rest = rest.dropFirst()
                }
                lines.append(head)
                words[words.startIndex] = rest
                if rest.isEmpty { words = words.dropFirst() }
            } else if line.isEmpty {
                line = String(word)
                lineWidth = wordWidth
                words = words.dropFirst()
            } else if lineWidth + space + wordWidth <= limit {
                line += " " + word
                lineWidth += space + wordWidth
                words = words.dropFirst()
            } else {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if lines.count > maxLines { break }
        }
        if !line.isEmpty, lines.count <= maxLines { lines.append(line) }
        guard lines.count > maxLines || (lines.count == maxLines && !words.isEmpty) else { return (lines, false) }
        // Too long: the last kept line takes what follows and is cut to fit with its ellipsis.
        let kept = Array(lines.prefix(maxLines))
        var last = kept[maxLines - 1]
        let following = lines.count > maxLines ? lines[maxLines] : words.first.map(String.init) ?? ""
        if !following.isEmpty { last += " " + following }
        return (Array(kept.dropLast()) + [ellipsized(last, maxWidth: limit, size: size, bold: bold)], true)
    }

    /// The start of `text` that fits in `maxWidth` pixels with a final `…`.
    static func ellipsized(_ text: String, maxWidth: Int, size: Int, bold: Bool = false) -> String {
        let room = maxWidth - width("…", size: size, bold: bold)
        var result = ""
        var used = 0
        if isSimple(text) {
            let scalars = text.unicodeScalars
            var end = scalars.startIndex
            while end < scalars.endIndex {
                let scalarWidth = pixels(advance(scalars[end]) ?? 650, size: size, bold: bold)
                if used + scalarWidth > room { break }
                used += scalarWidth
                end = scalars.index(after: end)
            }
            result = String(scalars[..<end])
        } else {
            for character in text {
                let characterWidth = width(character, size: size, bold: bold)
                if used + characterWidth > room { break }
                result.append(character)
                used += characterWidth
            }
        }
        while let last = result.last, last == " " || last == "\u{00A0}" || last == "\u{202F}" || ",;:.–-".contains(last) { result.removeLast() }
        return result + "…"
    }

    /// One line: the text, or its start with `…`; `truncated` says which.
    static func line(_ text: String, maxWidth: Int, size: Int, bold: Bool = false) -> (text: String, truncated: Bool) {
        if width(text, size: size, bold: bold) <= maxWidth { return (text, false) }
        return (ellipsized(text, maxWidth: maxWidth, size: size, bold: bold), true)
    }

    // MARK: Numbers

    /// The sum of the values, kept at `Int.max`/`Int.min` instead of overflowing.
    static func saturatingSum(_ values: [Int]) -> Int {
        var total = 0
        for value in values {
            let (sum, overflow) = total.addingReportingOverflow(value)
            total = overflow ? (value > 0 ? Int.max : Int.min) : sum
        }
        return total
    }

    /// A share in whole percent written `40 %` (`< 1 %` for a small positive share).
    static func percent(_ part: Int, of total: Int) -> String {
        guard total > 0, part > 0 else { return "0\u{202F}%" }
        let share = Double(part) / Double(total) * 100
        if share < 0.5 { return "<\u{202F}1\u{202F}%" }
        return "\(Int(share.rounded()))\u{202F}%"
    }

    /// `value` kept within `range`.
    static func clamp(_ value: Int, _ range: ClosedRange<Int>) -> Int {
        min(max(value, range.lowerBound), range.upperBound)
    }

    /// The caller's description (cleaned) followed by the generated summary of the data: the
    /// charts write its words with French typography, around labels that have it already.
    static func description(_ given: String, _ summary: String) -> String {
        let given = clean(given)
        if given.isEmpty { return summary }
        let joint = given.last.map { ".!?…".contains($0) } == true ? " " : ". "
        return given + joint + summary
    }
}

/// The charts' colours: the publication's blue and grey, a teal, one orange accent darkened
/// so that white text on it stays legible (contrast ≥ 4.5:1 for every group colour).
enum ChartPalette {
    static let ink = "#1f2430"
    static let grey = "#5b6170"
    static let lightGrey = "#8a909c"
    static let rule = "#d9dce3"
    static let blue = "#1f3c88"
    static let darkBlue = "#142a61"
    static let teal = "#0f7c80"
    static let accent = "#c0501a"
    static let font = "DejaVu Sans, Verdana, Arial, sans-serif"

    /// Colours of successive groups (blue, teal, accent, grey, then four more), cycling after eight.
    static let groups = ["#1f3c88", "#0f7c80", "#c0501a", "#5b6170", "#6b4c9a", "#2d6a9f", "#7a5c14", "#9c2f55"]

    static func group(_ index: Int) -> String { groups[index % groups.count] }
}

/// The accessible `<figure><svg>` of a chart: `SVG.figure` with a safe id, cleaned title and
/// description, and the body inside a group carrying the font so it renders without a stylesheet.
enum ChartFigure {
    static func svg(id: String, className: String, width: Int, height: Int, title: String, description: String, body: String) -> String {
        let group = "<g class=\"\(className)\" font-family=\"\(ChartPalette.font)\" font-size=\"11\" fill=\"\(ChartPalette.ink)\">\n\(body)</g>\n"
        return SVG.figure(id: ChartText.identifier(id), width: width, height: height, title: ChartText.clean(title), description: description, body: group)
    }
}
