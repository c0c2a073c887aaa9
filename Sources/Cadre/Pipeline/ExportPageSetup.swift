import Foundation

/// The page the IDML document starts from: the margins of the publication's print stylesheet
/// (its first `@page` rule, and the inside margin of `@page :right` for a bound publication)
/// and the bleed of `publication.yml` (`impression: fond_perdu`).
enum ExportPageSetup {
    /// The layout of `publication`, `pages` long, its chapters starting at `starts`.
    static func layout(for publication: Publication, templates: URL, pages: Int, starts: [Int]) -> IDMLLayout {
        var layout = IDMLLayout(pages: pages, starts: starts)
        layout.bleed = IDMLLayout.points(millimetres: publication.settings.impression?.fondPerdu ?? 0)
        guard let css = stylesheet(for: publication, templates: templates) else { return layout }
        if let margins = declaration("margin", in: rule("@page", in: css)) {
            let values = margins.split(separator: " ").compactMap { millimetres(String($0)) }
            let (top, right, bottom, left): (Double, Double, Double, Double)
            switch values.count {
            case 1: (top, right, bottom, left) = (values[0], values[0], values[0], values[0])
            case 2: (top, right, bottom, left) = (values[0], values[1], values[0], values[1])
            case 3: (top, right, bottom, left) = (values[0], values[1], values[2], values[1])
            case 4: (top, right, bottom, left) = (values[0], values[1], values[2], values[3])
            default: return layout
            }
            layout.top = IDMLLayout.points(millimetres: top)
            layout.bottom = IDMLLayout.points(millimetres: bottom)
            layout.inside = IDMLLayout.points(millimetres: left)
            layout.outside = IDMLLayout.points(millimetres: right)
        }
        let right = rule("@page :right", in: css)
        if let inside = declaration("margin-left", in: right).flatMap(millimetres) { layout.inside = IDMLLayout.points(millimetres: inside) }
        if let outside = declaration("margin-right", in: right).flatMap(millimetres) { layout.outside = IDMLLayout.points(millimetres: outside) }
        return layout
    }

    /// The first stylesheet the publication's print layout links (`assets/….css`).
    static func stylesheet(for publication: Publication, templates: URL) -> String? {
        guard let layout = try? String(contentsOf: templates.appendingPathComponent(publication.printLayout + ".mustache"), encoding: .utf8),
              let match = layout.range(of: #"href="assets/[A-Za-z0-9_-]+\.css""#, options: .regularExpression) else { return nil }
        let name = layout[match].dropFirst("href=\"".count).dropLast()
        return try? String(contentsOf: templates.appendingPathComponent(String(name)), encoding: .utf8)
    }

    /// The text of the rule that opens with `selector {`, up to its first nested rule or its end.
    static func rule(_ selector: String, in css: String) -> Substring {
        guard let start = css.range(of: selector + " {") else { return "" }
        let body = css[start.upperBound...]
        let end = body.firstIndex(where: { $0 == "}" || $0 == "@" }) ?? body.endIndex
        return body[..<end]
    }

    /// The value of `property` in a rule's text.
    static func declaration(_ property: String, in rule: Substring) -> String? {
        for line in rule.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == property else { continue }
            return parts[1].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// `17mm` → 17; `0` → 0; other units are not page margins cadre writes.
    static func millimetres(_ value: String) -> Double? {
        if value == "0" { return 0 }
        guard value.hasSuffix("mm") else { return nil }
        return Double(value.dropLast(2))
    }
}
