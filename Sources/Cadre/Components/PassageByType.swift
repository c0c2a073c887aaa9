/// `selon-type`: a passage that concerns only some types of collectivité. The guide shows it
/// with a label; a collectivité's own document keeps it only when its type is listed.
public enum PassageByType: Component {
    static let name = "selon-type"

    /// The kinds of collectivité the guide distinguishes.
    public enum CollectiviteKind: String, Decodable, CaseIterable, Sendable {
        case commune, intercommunalite, departement, region

        var plural: String {
            switch self {
            case .commune: "communes"
            case .intercommunalite: "intercommunalités"
            case .departement: "départements"
            case .region: "régions"
            }
        }
    }

    struct Parameters: Decodable {
        var types: [CollectiviteKind]
        var texte: String

        enum CodingKeys: String, CodingKey, CaseIterable {
            case types, texte
        }
    }

    static func render(_ request: ComponentRequest) -> String? {
        guard let parameters = request.parameters(Parameters.self) else { return nil }
        guard !parameters.types.isEmpty else {
            request.error("« types » est vide", key: "types", hint: "indiquez au moins un type : commune, intercommunalite, departement, region")
            return nil
        }
        if let collectivite = request.context["collectivite"] as? [String: Any], let kind = collectivite["famille"] as? String,
           !parameters.types.map(\.rawValue).contains(kind) {
            return ""
        }
        let names = parameters.types.map { "les \($0.plural)" }
        let label = names.count > 1 ? names.dropLast().joined(separator: ", ") + " et " + names.last! : names[0]
        let attribute = parameters.types.map(\.rawValue).joined(separator: " ")
        return """
        <aside class="selon-type" data-types="\(attribute)">
        <p class="selon-type-etiquette">Pour \(label.htmlEscaped)</p>
        \(request.renderMarkdown(parameters.texte))</aside>
        """
    }
}
