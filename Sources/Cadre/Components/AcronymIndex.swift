/// `liste-acronymes`: the acronyms the publication actually uses, with their meaning.
/// Rendered after every other block, once the whole publication has been read.
enum AcronymIndex: Component {
    static let name = "liste-acronymes"

    static func render(_ request: ComponentRequest) -> String? {
        guard request.parameters(NoParameters.self) != nil else { return nil }
        let items = request.acronyms.usedAcronyms.map {
            "<dt><abbr title=\"\($0.definition.htmlEscaped)\">\($0.sigle.htmlEscaped)</abbr></dt><dd>\(FrenchTypography.apply($0.definition).htmlEscaped)</dd>"
        }
        return "<dl class=\"acronymes\">\n" + items.joined(separator: "\n") + "\n</dl>"
    }
}
