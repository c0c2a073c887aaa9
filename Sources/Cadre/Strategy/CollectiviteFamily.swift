/// The four families of collectivité the guide's advice and the funding rules distinguish
/// (a collectivité's legal type, `CollectiviteType`, belongs to one).
public enum CollectiviteFamily: String, Decodable, CaseIterable, Sendable {
    case commune, intercommunalite, departement, region

    var plural: String {
        switch self {
        case .commune: "communes"
        case .intercommunalite: "intercommunalités"
        case .departement: "départements"
        case .region: "régions"
        }
    }

    /// « les communes et les intercommunalités ».
    static func list(_ families: [CollectiviteFamily]) -> String {
        let names = families.map { "les \($0.plural)" }
        return names.count > 1 ? names.dropLast().joined(separator: ", ") + " et " + names.last! : names.first ?? ""
    }
}
