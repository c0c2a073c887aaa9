/// `matrice-pouvoir-interet`: the power/interest matrix of the guide, drawn from data — the same
/// chart a collectivité's strategy document draws from its own stakeholders.
/// Source: an object with a list `parties_prenantes` of {nom, categorie, pouvoir, interet,
/// legitimite} (scores from 1 to 5); optional `titre` and `description`.
struct PowerInterestMatrix: Component {
    let name = "matrice-pouvoir-interet"

    func blocks(for request: ComponentRequest) -> [Block]? {
        guard let (source, data) = request.sourceData(),
              let rows = SVG.rows("parties_prenantes", of: data, request: request, source: source),
              let names = SVG.strings("nom", in: rows, request: request, source: source),
              let groups = SVG.strings("categorie", in: rows, request: request, source: source),
              let power = Self.scores("pouvoir", in: rows, request: request, source: source),
              let interest = Self.scores("interet", in: rows, request: request, source: source),
              let legitimacy = Self.scores("legitimite", in: rows, request: request, source: source) else { return nil }
        let object = data as? [String: Any]
        let points = names.indices.map { StakeholderMatrix.Point(label: names[$0], interest: interest[$0], power: power[$0], legitimacy: legitimacy[$0], group: groups[$0]) }
        let chart = StakeholderChart(id: "matrice-pouvoir-interet", title: object?["titre"] as? String ?? "Matrice pouvoir / intérêt des parties prenantes",
                                     description: object?["description"] as? String ?? "Intérêt à l'horizontale, pouvoir à la verticale ; la taille du point indique la légitimité.",
                                     points: points)
        return [SVG.schema(chart)]
    }

    /// The whole numbers from 1 to 5 under `key`, or nil after reporting the first one that is not.
    static func scores(_ key: String, in rows: [[String: Any]], request: ComponentRequest, source: Located<String>) -> [Int]? {
        var values: [Int] = []
        for (position, row) in rows.enumerated() {
            guard let text = row[key] as? String, let value = Int(text), (1...5).contains(value) else {
                request.error("l'élément \(position + 1) de « \(source.value) » doit avoir un « \(key) » entier de 1 à 5", at: source.location, hint: "l'échelle va de 1 (faible) à 5 (fort)")
                return nil
            }
            values.append(value)
        }
        return values
    }
}
