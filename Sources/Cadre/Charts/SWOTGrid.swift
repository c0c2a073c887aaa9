/// The AFOM (SWOT) diagnostic as a 2×2 HTML table: internal factors (atouts, faiblesses) on the
/// first row, external ones (opportunités, menaces) on the second; favourable factors in the first
/// column, unfavourable in the second. Row and column headers let a screen reader announce
/// "Interne, Favorable" before each list; each quadrant also names itself.
enum SWOTGrid {
    static let caption = "Diagnostic AFOM (atouts, faiblesses, opportunités, menaces)"
    static let empty = "Aucun élément renseigné."

    static func html(forces: [String], faiblesses: [String], opportunites: [String], menaces: [String]) -> String {
        var html = "<figure class=\"tableau afom-figure\">\n<table class=\"afom\">\n"
        html += "<caption>\(caption)</caption>\n"
        html += "<thead><tr><td class=\"afom-coin\"></td><th scope=\"col\" class=\"afom-favorable\">Favorable</th><th scope=\"col\" class=\"afom-defavorable\">Défavorable</th></tr></thead>\n"
        html += "<tbody>\n"
        html += "<tr><th scope=\"row\" class=\"afom-interne\">Interne</th>\n"
        html += quadrant("Atouts", className: "afom-atouts", items: forces)
        html += quadrant("Faiblesses", className: "afom-faiblesses", items: faiblesses)
        html += "</tr>\n<tr><th scope=\"row\" class=\"afom-externe\">Externe</th>\n"
        html += quadrant("Opportunités", className: "afom-opportunites", items: opportunites)
        html += quadrant("Menaces", className: "afom-menaces", items: menaces)
        html += "</tr>\n</tbody>\n</table>\n</figure>"
        return html
    }

    /// One cell: the quadrant's name, then its items as a list (blank items dropped), or the
    /// italic note when nothing is left.
    private static func quadrant(_ name: String, className: String, items: [String]) -> String {
        var cell = "<td class=\"afom-quadrant \(className)\"><p class=\"afom-titre\"><strong>\(name)</strong></p>\n"
        let texts = items.map(ChartText.clean).filter { !$0.isEmpty }
        if texts.isEmpty {
            cell += "<p class=\"afom-vide\"><em>\(empty)</em></p>"
        } else {
            cell += "<ul>\n" + texts.map { "<li>\($0.htmlEscaped)</li>\n" }.joined() + "</ul>"
        }
        return cell + "</td>\n"
    }
}
