/// The AFOM (SWOT) diagnostic as a 2×2 table: internal factors (atouts, faiblesses) on the
/// first row, external ones (opportunités, menaces) on the second; favourable factors in the first
/// column, unfavourable in the second. Row and column headers let a screen reader announce
/// "Interne, Favorable" before each list; each quadrant also names itself.
enum SWOTGrid {
    static let caption = "Diagnostic AFOM (atouts, faiblesses, opportunités, menaces)"
    static let empty = "Aucun élément renseigné."

    static func figure(forces: [String], faiblesses: [String], opportunites: [String], menaces: [String]) -> Block {
        var table = Table(attributes: .classes("afom"), caption: [.text(caption)])
        table.head = [TableRow(cells: [TableCell(.data, attributes: .classes("afom-coin"), blocks: []),
                                       TableCell(.columnHeader, attributes: .classes("afom-favorable"), [.text("Favorable")]),
                                       TableCell(.columnHeader, attributes: .classes("afom-defavorable"), [.text("Défavorable")])])]
        table.body = [
            TableRow(cells: [TableCell(.rowHeader, attributes: .classes("afom-interne"), [.text("Interne")]),
                             quadrant("Atouts", className: "afom-atouts", items: forces), quadrant("Faiblesses", className: "afom-faiblesses", items: faiblesses)]),
            TableRow(cells: [TableCell(.rowHeader, attributes: .classes("afom-externe"), [.text("Externe")]),
                             quadrant("Opportunités", className: "afom-opportunites", items: opportunites), quadrant("Menaces", className: "afom-menaces", items: menaces)]),
        ]
        return .figure(Figure(attributes: .classes("tableau", "afom-figure"), content: [.table(table)]))
    }

    /// One cell: the quadrant's name, then its items as a list (blank items dropped), or the
    /// italic note when nothing is left.
    private static func quadrant(_ name: String, className: String, items: [String]) -> TableCell {
        var blocks: [Block] = [.styledParagraph(.classes("afom-titre"), [.strong([.text(name)])])]
        let texts = items.map(ChartText.clean).filter { !$0.isEmpty }
        if texts.isEmpty {
            blocks.append(.styledParagraph(.classes("afom-vide"), [.emphasis([.text(empty)])]))
        } else {
            blocks.append(.list(List(items: texts.map { ListItem(blocks: [.plain([.text($0)])]) })))
        }
        return TableCell(.data, attributes: .classes("afom-quadrant", className), blocks: blocks)
    }
}
