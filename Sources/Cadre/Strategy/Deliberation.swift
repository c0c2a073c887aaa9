/// The draft délibération of a strategy document: the text the conseil votes, worded as French
/// délibérations are (visas, considérants, articles, signature), from the collectivité's data
/// and the texts the guide cites — nothing the data does not say. Its blocks go through the
/// typography and acronym passes like any chapter's, then to every writer.
struct Deliberation {
    let strategy: Strategy
    let guide: GuideReference

    /// « Projet de délibération », the title of the document.
    static let title = "Projet de délibération"
    /// Its page layout (Templates/strategie/deliberation.mustache); without it, no délibération.
    static let layout = "strategie/deliberation"

    /// The assembly that votes and the executive it authorises, as a délibération names them.
    var assembly: (name: String, executive: String) {
        switch strategy.collectivite.type {
        case .commune: ("Le conseil municipal", "le maire")
        case .communauteDeCommunes, .communauteDAgglomeration, .communauteUrbaine: ("Le conseil communautaire", "le président")
        case .metropole: ("Le conseil de la métropole", "le président")
        case .departement: ("Le conseil départemental", "le président du conseil départemental")
        case .region: ("Le conseil régional", "le président du conseil régional")
        case .collectiviteOutreMer: ("L'assemblée délibérante", "le président")
        }
    }

    /// The text of the délibération.
    var document: Document {
        let name = strategy.collectivite.nom
        let mandate = "\(strategy.mandature.debut)-\(strategy.mandature.fin)"
        var blocks: [Block] = []
        func paragraph(_ text: String) { blocks.append(.paragraph([.text(text)])) }
        func label(_ text: String) { blocks.append(.styledParagraph(.classes("deliberation-intitule"), [.strong([.text(text)])])) }

        blocks.append(.styledParagraph(.classes("deliberation-collectivite"), [.strong([.text(name)])]))
        blocks.append(.styledParagraph(.classes("deliberation-seance"), [.text("Séance du " + (strategy.deliberation?.french ?? "…"))]))
        blocks.append(.paragraph([.strong([.text("Objet : ")]), .text("adoption de la stratégie d'action internationale pour la mandature \(mandate)")]))
        paragraph(assembly.name + ",")

        // Visas: the CGCT and the laws the guide cites, the 1 % laws the plan relies on.
        paragraph("Vu le code général des collectivités territoriales, notamment ses articles L. 1115-1 à L. 1115-7 relatifs à l'action extérieure des collectivités territoriales ;")
        paragraph("Vu la loi du 2 février 2007 relative à l'action extérieure des collectivités territoriales et de leurs groupements, dite loi Thiollière ;")
        for law in onePercentLaws { paragraph("Vu \(law) ;") }
        paragraph("Vu le projet de stratégie d'action internationale pour la mandature \(mandate), annexé à la présente délibération ;")

        // Considérants: the diagnostic, the objectives, who carries the strategy.
        let diagnostic = strategy.diagnostic
        if !diagnostic.forces.isEmpty { paragraph("Considérant les atouts relevés par le diagnostic de la collectivité : \(Self.list(diagnostic.forces)) ;") }
        if !diagnostic.opportunites.isEmpty { paragraph("Considérant les opportunités identifiées : \(Self.list(diagnostic.opportunites)) ;") }
        if !diagnostic.faiblesses.isEmpty || !diagnostic.menaces.isEmpty {
            paragraph("Considérant les faiblesses et les menaces auxquelles la stratégie entend répondre : \(Self.list(diagnostic.faiblesses + diagnostic.menaces)) ;")
        }
        paragraph("Considérant que la stratégie poursuit l'objectif général suivant : « \(strategy.objectifGeneral) » ;")
        let objectives = strategy.objectifsSpecifiques.map(\.value)
        if !objectives.isEmpty {
            let count = FrenchWording.count(objectives.count, "objectif spécifique", "objectifs spécifiques")
            paragraph("Considérant qu'elle se décline en \(count) : \(Self.list(objectives.map { "\($0.id) — \($0.intitule)" })) ;")
        }
        paragraph("Considérant que sa mise en œuvre est portée par \(strategy.portage.elu) et confiée au service « \(strategy.portage.service) » ;")
        paragraph("Après en avoir délibéré,")
        blocks.append(.styledParagraph(.classes("deliberation-decide"), [.strong([.text("DÉCIDE :")])]))

        var articles: [String] = ["D'adopter la stratégie d'action internationale pour la mandature \(mandate), annexée à la présente délibération."]
        let partners = strategy.prioritesGeographiques.map(\.value).compactMap { priority in priority.collectivitePartenaire.map { "\($0) (\(priority.pays))" } }
        articles.append(partners.isEmpty
            ? "D'autoriser \(assembly.executive) à signer les conventions et tout document nécessaires à la mise en œuvre de cette stratégie."
            : "D'autoriser \(assembly.executive) à signer les conventions de partenariat avec \(Self.list(partners, separator: ", ")), ainsi que tout document nécessaire à la mise en œuvre de cette stratégie.")
        let funding = strategy.financement.map(\.value)
        let outside = funding.filter { $0.source != .fondsPropres }
        if !outside.isEmpty {
            articles.append("D'autoriser \(assembly.executive) à solliciter les financements prévus au plan de financement : \(Self.list(outside.map { "\(Self.named($0)), \(Money.euros($0.montant))" })).")
        }
        let own = funding.filter { $0.source == .fondsPropres }.reduce(0) { $0 + $1.montant }
        if own > 0 {
            let total = funding.reduce(0) { $0 + $1.montant }
            articles.append("D'inscrire au budget de la collectivité, sur les exercices de la mandature, les crédits correspondant à sa part du plan de financement, soit \(Money.euros(own)) sur un total de \(Money.euros(total)).")
        }
        if let evaluations = strategy.evaluations, evaluations.miParcours != nil || evaluations.finale != nil {
            let dates = [evaluations.miParcours.map { "une évaluation à mi-parcours \($0.value.frenchWhen)" }, evaluations.finale.map { "une évaluation finale \($0.value.frenchWhen)" }].compactMap { $0 }
            articles.append("De soumettre la stratégie à \(dates.joined(separator: " et à ")), dont les conclusions seront présentées à l'assemblée.")
        }
        for (index, article) in articles.enumerated() {
            label(index == 0 ? "Article 1er" : "Article \(index + 1)")
            paragraph(article)
        }

        blocks.append(.styledParagraph(.classes("deliberation-signature"), [.text("Fait et délibéré " + (strategy.deliberation?.frenchWhen ?? "le …"))]))
        blocks.append(.styledParagraph(.classes("deliberation-signature"), [.text(assembly.executive.prefix(1).uppercased() + assembly.executive.dropFirst() + ",")]))
        return Document(blocks: blocks)
    }

    /// The laws of the 1 % schemes the funding plan uses, as the guide's data names them.
    private var onePercentLaws: [String] {
        let domains = strategy.financement.map(\.value).filter { $0.source == .dispositif1Pourcent }.compactMap { $0.domaine?.value }
        var laws: [String] = []
        for scheme in guide.onePercent where domains.contains(scheme.domaine) {
            guard let law = scheme.loi, !laws.contains(where: { $0.hasPrefix(Self.lowercasedFirst(law)) }) else { continue }
            laws.append("\(Self.lowercasedFirst(law)) (\(scheme.nom))")
        }
        return laws
    }

    /// A line of the plan by its title, with its source unless the title already names it.
    private static func named(_ funding: Funding) -> String {
        let source = funding.source.label
        let word = source.split(separator: " ").first.map { $0.lowercased() } ?? ""
        return funding.intitule.lowercased().contains(word) ? funding.intitule : "\(funding.intitule) (\(source))"
    }

    /// « Loi du… » after « Vu »: « la loi du… »; any other wording with a lowercase initial.
    private static func lowercasedFirst(_ text: String) -> String {
        if text.hasPrefix("Loi ") { return "la l" + text.dropFirst() }
        if text.hasPrefix("Extension ") { return "l'e" + text.dropFirst() }
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    private static func list(_ items: [String], separator: String = " ; ") -> String {
        items.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }.joined(separator: separator)
    }
}
