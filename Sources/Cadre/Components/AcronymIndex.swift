/// `liste-acronymes`: the acronyms the publication actually uses, with their meaning.
/// Drawn after every other block, once the whole publication has been read.
struct AcronymIndex: Component {
    let name = "liste-acronymes"
    var needsWholePublication: Bool { true }

    func blocks(for request: ComponentRequest) -> [Block]? {
        guard request.parameters(NoParameters.self) != nil else { return nil }
        let items = request.usedAcronyms.map { acronym -> (term: [Inline], definition: [Inline]) in
            ([.acronym(sigle: acronym.sigle, definition: acronym.definition)], [.text(acronym.definition)])
        }
        return [.definitions(DefinitionList(attributes: .classes("acronymes"), items: items))]
    }
}
