/// `selon-type`: a passage that concerns only some families of collectivité. The guide shows it
/// with a label; a collectivité's own document keeps it only when its family is listed.
public struct PassageByType: Component {
    /// `selon-type`.
    public let name = "selon-type"

    /// The component (it has no settings).
    public init() {}

    struct Parameters: Decodable {
        var types: Located<[CollectiviteFamily]>
        var texte: String

        enum CodingKeys: String, CodingKey, CaseIterable {
            case types, texte
        }
    }

    /// The passage in its box, or nothing when the document's collectivité is of another family.
    public func blocks(for request: ComponentRequest) -> [Block]? {
        guard let parameters = request.parameters(Parameters.self) else { return nil }
        let types = parameters.types.value
        guard !types.isEmpty else {
            request.error("« types » est vide", at: parameters.types.location, hint: "indiquez au moins un type : commune, intercommunalite, departement, region")
            return nil
        }
        if let collectivite = request.context["collectivite"] as? [String: Any], let family = collectivite["famille"] as? String,
           !types.map(\.rawValue).contains(family) {
            return []
        }
        return [Self.callout(types: types, label: [.text("Pour " + CollectiviteFamily.list(types))], blocks: request.parse(parameters.texte))]
    }

    /// The box of a passage: its label, then its text.
    static func callout(types: [CollectiviteFamily]? = nil, label: [Inline], blocks: [Block]) -> Block {
        let pairs = types.map { [Attributes.Pair("data-types", $0.map(\.rawValue).joined(separator: " "))] } ?? []
        return .callout(Callout(attributes: Attributes(classes: ["selon-type"], pairs: pairs), blocks: [.styledParagraph(.classes("selon-type-etiquette"), label)] + blocks))
    }
}
