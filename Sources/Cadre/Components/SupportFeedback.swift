/// `retour-accompagnement`: what the DCOL support of Cités Unies France taught, in a box of its
/// own — the label « Retour d'accompagnement », the text (Markdown), and where the seeds say it.
/// Written as a component rather than a hand-made quotation so that every box reads the same
/// and names its source; it draws a quotation block, which every writer and stylesheet knows.
struct SupportFeedback: Component {
    let name = "retour-accompagnement"

    struct Parameters: Decodable {
        var texte: Located<String>
        /// Where the fact comes from (« termes de référence de l'étude, 2021 »), shown after the text.
        var source: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case texte, source }
    }

    static let label = "Retour d’accompagnement."

    func blocks(for request: ComponentRequest) -> [Block]? {
        guard let parameters = request.parameters(Parameters.self) else { return nil }
        var blocks = request.parse(parameters.texte.value)
        guard !blocks.isEmpty else {
            request.error("« texte » est vide", at: parameters.texte.location, hint: "écrivez ce que les accompagnements DCOL ont montré, tel que les sources le disent")
            return nil
        }
        // The label opens the first paragraph, as in the guide's other boxes.
        let opening: [Inline] = [.strong([.text(Self.label)]), .text(" ")]
        if case .paragraph(let inlines) = blocks[0] {
            blocks[0] = .paragraph(opening + inlines)
        } else {
            blocks.insert(.paragraph([.strong([.text(Self.label)])]), at: 0)
        }
        if let source = parameters.source, !source.isEmpty {
            blocks.append(.paragraph([.emphasis([.text("Source : \(source)")])]))
        }
        return [.quote(blocks)]
    }
}
