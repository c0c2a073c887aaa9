/// The guide's passages drawn from its data rather than its prose, so that guide and document
/// never disagree: for a département or a région, the typology's row for its échelon
/// (`typologie_strategies.yml`); then the guide's word on each scheme the funding plan uses —
/// the 1 %, the DAECT calls, the FICOL, the European programmes (`financements.yml`, shown in
/// the guide's chapter on resources). A scheme the plan does not use gets no box.
struct GuideDataPassages {
    let strategy: Strategy
    let guide: GuideReference

    /// The chapter of the guide these facts come from.
    static let chapter = "Mobiliser des ressources cohérentes avec les actions"
    static let organisationChapter = "Organiser les services : modèles, avantages et contraintes"

    var blocks: [Block] {
        let lines = strategy.financement.map(\.value)
        var blocks: [Block] = []
        func box(_ topic: String, _ paragraphs: [String], list: [String] = []) {
            let items: [Block] = list.isEmpty ? [] : [.list(List(items: list.map { ListItem(blocks: [.plain([.text($0)])]) }))]
            blocks.append(PassageByType.callout(label: [.text("Guide, « \(Self.chapter) » : \(topic)")], blocks: paragraphs.map { .paragraph([.text($0)]) } + items))
        }
        // A département or a région: the guide's typology row for its échelon (the seeds give
        // the communes no size threshold between « petite commune » and « ville moyenne »).
        let family = strategy.collectivite.type.family
        if family == .departement || family == .region, let echelon = guide.echelons.first(where: { $0.id == family.rawValue }) {
            blocks.append(PassageByType.callout(label: [.text("Guide, « \(Self.organisationChapter) » : ce qui change pour un\(family == .region ? "e" : "") \(echelon.nom.lowercased())")],
                                                blocks: [.list(List(items: [("Points d'appui", echelon.atouts), ("Financements ouverts", echelon.dispositifs), ("Organisation courante", echelon.organisation)]
                                                    .map { ListItem(blocks: [.plain([.strong([.text($0.0 + " : ")]), .text($0.1)])]) }))]))
        }
        var schemes: [GuideReference.OnePercentScheme] = []
        for line in lines where line.source == .dispositif1Pourcent {
            if let scheme = line.domaine.flatMap({ guide.scheme($0.value) }), !schemes.contains(where: { $0.domaine == scheme.domaine }) { schemes.append(scheme) }
        }
        for scheme in schemes {
            var text = "Jusqu'à 1 % des ressources du budget du service concerné peut financer des actions de coopération dans le même domaine, sans peser sur le budget général."
            if let law = scheme.loi { text += " Base légale : \(law.prefix(1).lowercased() + law.dropFirst())." }
            box(scheme.nom, [text])
        }
        if lines.contains(where: { $0.source == .appelDAECT }), let daect = guide.schemes?.daect {
            let calls = daect.appels.map { "\($0.nom) : \($0.objet.prefix(1).lowercased() + $0.objet.dropFirst())" }
            box("les appels à projets de la DAECT", [daect.description], list: calls)
        }
        if lines.contains(where: { $0.source == .ficol }), let ficol = guide.ficol {
            // The data describes the FICOL starting with its verb (« Finance des projets… »).
            var text = ficol.description.map { "La FICOL de l'AFD " + $0.prefix(1).lowercased() + $0.dropFirst() } ?? "La FICOL de l'AFD finance des projets de coopération conduits par des collectivités françaises."
            text += " Montant : de \(ficol.montantMinTexte) à \(ficol.montantMaxTexte) ; part des collectivités : au moins \(Money.number(ficol.partCollectivitesMin)) % ; durée : \(Money.number(ficol.dureeMaxAns)) ans au plus."
            if let call = ficol.periodiciteAppel { text += " Calendrier : \(call)." }
            box("la FICOL", [text])
        }
        let european = lines.filter { $0.source == .programmeUE }
        if !european.isEmpty, let schemes = guide.schemes {
            let all = schemes.programmesUE.intraEuropeens + schemes.programmesUE.paysTiers
            var paragraphs: [String] = []
            for name in Set(european.compactMap(\.programme)).sorted() {
                if let programme = all.first(where: { $0.nom.localizedCaseInsensitiveContains(name) || name.localizedCaseInsensitiveContains($0.nom) }) {
                    paragraphs.append("\(programme.nom) : \(programme.objet.prefix(1).lowercased() + programme.objet.dropFirst())")
                }
            }
            let share = schemes.cofinancementUE
            paragraphs.append("Les taux de cofinancement atteignent parfois \(share.tauxElevePourcent) %, mais le suivi administratif est lourd, et le taux de succès des appels les plus larges peut ne pas dépasser \(share.reussiteMinPourcent) à \(share.reussiteMaxPourcent) % : des candidatures ciblées, souvent en consortium, ont plus de chances.")
            box("les programmes européens", paragraphs)
        }
        return blocks
    }
}
