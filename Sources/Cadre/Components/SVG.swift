/// Small helpers for the inline SVG schemas: escaped text, wrapped lines, accessible frame.
enum SVG {
    /// An accessible `<svg>`: a title and a description that screen readers and PDF tags use.
    /// Styles travel inside it (`style`): WeasyPrint applies no page stylesheet within an inline
    /// SVG. The charts need none: they carry presentation attributes.
    static func figure(id: String, width: Int, height: Int, title: String, description: String, style: String? = nil, body: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height)" width="\(width)" height="\(height)" role="img" aria-labelledby="\(id)-titre \(id)-desc">
        \(style.map { "<style>\($0)</style>\n" } ?? "")<title id="\(id)-titre">\(title.htmlEscaped)</title>
        <desc id="\(id)-desc">\(description.htmlEscaped)</desc>
        \(body)</svg>
        """
    }

    /// A graphic in the frame of the guide's schemas and charts. On a narrow screen the frame
    /// scrolls sideways (the chart's text keeps a legible size): the keyboard reaches it, and
    /// the chart's title names it (a `figure` may not take the role `region` in HTML).
    static func schema(_ graphic: any Graphic) -> Block {
        let pairs: [Attributes.Pair] = [.init("tabindex", "0"), .init("aria-labelledby", "\(graphic.identifier)-titre")]
        return .figure(Figure(attributes: Attributes(classes: ["schema"], pairs: pairs), content: [.graphic(graphic)]))
    }

    /// The classes of the guide's schemas (plain colours and a named font: SVG renderers see nothing else).
    static let schemaStyle = [
        "text{font-family:\"Cadre Sans\",Lato,\"DejaVu Sans\",sans-serif}",
        ".etape-fleche{fill:#142a61}",
        ".etape-numero{fill:#5ec2b7;font-size:26px;font-weight:700}",
        ".etape-nom{fill:#fff;font-size:14px;font-weight:700}",
        ".etape-objet{fill:#1d2430;font-size:12px}",
        ".carte-colonne{fill:#0b7a75;font-size:13px;font-weight:700;letter-spacing:.05em}",
        ".carte-lien{stroke:#9fb2c6;stroke-width:1.2}",
        ".carte-bailleur{fill:#eef3f8;stroke:#1f4e8c;stroke-width:1}",
        ".carte-appui{fill:#dcefed;stroke:#0b7a75;stroke-width:1}",
        ".carte-nom{fill:#142a61;font-size:12px;font-weight:700}",
        ".carte-detail{fill:#596170;font-size:10px}",
        ".carte-centre{fill:#142a61}",
        ".carte-centre-texte{fill:#fff;font-size:13px;font-weight:700}",
    ].joined()

    /// Lines of at most `width` characters, cut between words.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + word.count + 1 > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// A block of wrapped text starting at (x, y), one `<tspan>` per line.
    static func text(_ text: String, x: Int, y: Int, width: Int, lineHeight: Int = 16, className: String, anchor: String = "start") -> String {
        let lines = wrap(text, width: width)
        let spans = lines.enumerated().map { "<tspan x=\"\(x)\" dy=\"\($0.offset == 0 ? 0 : lineHeight)\">\($0.element.htmlEscaped)</tspan>" }.joined()
        return "<text class=\"\(className)\" x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor)\">\(spans)</text>"
    }

    /// The string values of `key` in a list of objects, or nil after reporting which element lacks it.
    static func strings(_ key: String, in rows: [[String: Any]], request: ComponentRequest, source: Located<String>) -> [String]? {
        var values: [String] = []
        for (position, row) in rows.enumerated() {
            guard let value = row[key] as? String else {
                request.error("l'élément \(position + 1) de « \(source.value) » n'a pas de champ texte « \(key) »", at: source.location, hint: Suggestion.hint(for: key, in: Array(row.keys), noun: "champs"))
                return nil
            }
            values.append(value)
        }
        return values
    }

    /// The list of objects under `key` of the source object.
    static func rows(_ key: String, of value: Any, request: ComponentRequest, source: Located<String>) -> [[String: Any]]? {
        guard let object = value as? [String: Any], let list = object[key] as? [Any], let rows = list as? [[String: Any]], !rows.isEmpty else {
            request.error("la source « \(source.value) » doit contenir une liste d'objets « \(key) »", at: source.location, hint: "voir Docs/conventions-contenu.md")
            return nil
        }
        return rows
    }
}
