/// The components of strategy documents (`Templates/strategie/`): they draw from the
/// collectivité's checked strategy rather than from a `source:` path, and take no parameters.
protocol StrategyComponent: Component {
    static func render(_ document: StrategyDocument, _ request: ComponentRequest) -> String
}

extension StrategyComponent {
    static func render(_ request: ComponentRequest) -> String? {
        guard request.parameters(NoParameters.self) != nil else { return nil }
        guard let document = request.strategy else {
            request.error("le composant « \(name) » ne sert que dans les documents de stratégie (Templates/strategie/)", hint: "utilisez « tableau » avec une source de Content/data/ dans le guide")
            return nil
        }
        return render(document, request)
    }
}

/// Table markup shared by the strategy components: escaped cells, French typography, acronyms.
struct TableMarkup {
    let acronyms: AcronymMarker
    var html = ""

    init(caption: String, headers: [String], acronyms: AcronymMarker, className: String) {
        self.acronyms = acronyms
        html = "<figure class=\"tableau \(className)\">\n<table>\n<caption>\(acronyms.html(caption))</caption>\n<thead><tr>"
        html += headers.map { "<th scope=\"col\">\(acronyms.html($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
    }

    /// A row; the first cell heads it. `nil` cells show a dash.
    mutating func row(_ cells: [String?], className: String? = nil) {
        html += className.map { "<tr class=\"\($0)\">" } ?? "<tr>"
        for (index, cell) in cells.enumerated() {
            let tag = index == 0 ? "th scope=\"row\"" : "td"
            html += "<\(tag)>\(cell.map(acronyms.html) ?? "—")</\(tag.prefix(2))>"
        }
        html += "</tr>\n"
    }

    /// A row whose cells are already HTML.
    mutating func rawRow(_ cells: [String], className: String? = nil) {
        html += (className.map { "<tr class=\"\($0)\">" } ?? "<tr>") + cells.enumerated().map { index, cell in
            index == 0 ? "<th scope=\"row\">\(cell)</th>" : "<td>\(cell)</td>"
        }.joined() + "</tr>\n"
    }

    /// A bulleted list in a cell, or a dash.
    func list(_ items: [String]?) -> String {
        guard let items, !items.isEmpty else { return "—" }
        return items.count == 1 ? acronyms.html(items[0]) : "<ul>" + items.map { "<li>\(acronyms.html($0))</li>" }.joined() + "</ul>"
    }

    func finished(footer: [String]? = nil) -> String {
        var html = html + "</tbody>\n"
        if let footer { html += "<tfoot><tr>" + footer.enumerated().map { $0.offset == 0 ? "<th scope=\"row\">\($0.element)</th>" : "<td>\($0.element)</td>" }.joined() + "</tr></tfoot>\n" }
        return html + "</table>\n</figure>"
    }
}

/// `cadre-logique`: the logical framework — general objective, specific objectives, expected
/// results with indicators, sources of verification and assumptions, then the activities.
enum LogicalFramework: StrategyComponent {
    static let name = "cadre-logique"

    static func render(_ document: StrategyDocument, _ request: ComponentRequest) -> String {
        let strategy = document.strategy
        let names = Dictionary(strategy.indicateurs.map { ($0.id, $0.intitule) }, uniquingKeysWith: { first, _ in first })
        let sources = Dictionary(strategy.indicateurs.compactMap { indicator in indicator.sources.map { (indicator.id, $0) } }, uniquingKeysWith: { first, _ in first })
        var table = TableMarkup(caption: "Cadre logique de la stratégie",
                                headers: ["Logique d'intervention", "Indicateurs objectivement vérifiables", "Sources de vérification", "Hypothèses"],
                                acronyms: request.acronyms, className: "cadre-logique")
        table.rawRow(["<span class=\"niveau\">Objectif général</span> " + table.acronyms.html(strategy.objectifGeneral), "—", "—", "—"], className: "niveau-general")
        for objective in strategy.objectifsSpecifiques {
            let indicators = objective.indicateurs?.map { names[$0.value] ?? $0.value }
            // An objective's sources of verification are those of its indicators.
            let verification = objective.indicateurs?.compactMap { sources[$0.value] }
            table.rawRow(["<span class=\"niveau\">\(objective.id.htmlEscaped)</span> " + table.acronyms.html(objective.intitule), table.list(indicators), table.list(verification), "—"], className: "niveau-objectif")
            for result in strategy.resultats where result.objectif.value == objective.id {
                table.rawRow(["<span class=\"niveau\">\(result.id.htmlEscaped)</span> " + table.acronyms.html(result.intitule),
                              table.list(result.indicateurs?.map { names[$0.value] ?? $0.value }), table.list(result.sourcesVerification), table.list(result.hypotheses)],
                             className: "niveau-resultat")
            }
        }
        var activities = TableMarkup(caption: "Activités : moyens, coûts, responsables et calendrier",
                                     headers: ["Activité", "Résultat", "Moyens", "Coût", "Responsable", "Période"],
                                     acronyms: request.acronyms, className: "activites")
        var total = 0
        for result in strategy.resultats {
            for activity in result.activites {
                total += activity.cout ?? 0
                let period = [activity.debut?.french, activity.fin?.french].compactMap { $0 }.joined(separator: " – ")
                activities.row([activity.intitule, result.id, activity.moyens, activity.cout.map(Money.euros), activity.responsable, period.isEmpty ? nil : period])
            }
        }
        return table.finished() + "\n" + activities.finished(footer: ["Total", "", "", Money.euros(total).htmlEscaped, "", ""])
    }
}

/// `grille-indicateurs`: each indicator with the columns of the guide's grid.
enum IndicatorGrid: StrategyComponent {
    static let name = "grille-indicateurs"

    static func render(_ document: StrategyDocument, _ request: ComponentRequest) -> String {
        var table = TableMarkup(caption: "Grille des indicateurs de suivi et d'évaluation",
                                headers: ["Indicateur", "Unité", "Valeur de référence", "Valeur cible", "Périodicité", "Sources"],
                                acronyms: request.acronyms, className: "grille-indicateurs")
        for indicator in document.strategy.indicateurs {
            let value = indicator.value
            let target = [value.valeurCible, value.dateCible.map { "(\($0.french))" }].compactMap { $0 }.joined(separator: " ")
            table.row(["\(value.id) — \(value.intitule)", value.unite, value.valeurReference, target.isEmpty ? nil : target, value.periodicite, value.sources])
        }
        return table.finished()
    }
}

/// `organisation`: the rattachement chosen, with its advantages and constraints from the guide.
enum ChosenOrganisation: StrategyComponent {
    static let name = "organisation"

    static func render(_ document: StrategyDocument, _ request: ComponentRequest) -> String {
        let portage = document.strategy.portage
        guard let model = document.guide.model(portage.rattachement.value) else { return "" }
        var table = TableMarkup(caption: "Rattachement retenu : \(model.nom)", headers: ["Ce que le guide en dit", "Points"],
                                acronyms: request.acronyms, className: "organisation")
        table.rawRow(["Avantages", table.list(model.avantages)])
        table.rawRow(["Contraintes à anticiper", table.list(model.contraintes)])
        return table.finished()
    }
}

/// `grille-auto-diagnostic`: which of the guide's conditions the strategy meets.
enum SelfAssessment: StrategyComponent {
    static let name = "grille-auto-diagnostic"

    static func render(_ document: StrategyDocument, _ request: ComponentRequest) -> String {
        var table = TableMarkup(caption: "Grille d'auto-diagnostic : les conditions du guide", headers: ["Condition", "Règle", "État"],
                                acronyms: request.acronyms, className: "auto-diagnostic")
        for rule in StrategyRule.all {
            let count = document.broken[rule.id] ?? 0
            let state = count == 0 ? "<span class=\"rempli\">✓ remplie</span>" : "<span class=\"a-revoir\">✗ à revoir (\(count) point\(count > 1 ? "s" : ""))</span>"
            table.rawRow([table.acronyms.html(rule.condition), "<code>\(rule.id)</code>", state], className: count == 0 ? "rempli" : "a-revoir")
        }
        return table.finished()
    }
}

/// `passages-du-guide`: the guide's advice written for this type of collectivité.
enum GuidePassages: StrategyComponent {
    static let name = "passages-du-guide"

    static func render(_ document: StrategyDocument, _ request: ComponentRequest) -> String {
        document.passages.map { passage in
            "<aside class=\"selon-type\">\n<p class=\"selon-type-etiquette\">Guide, « \(request.acronyms.html(passage.chapter)) »</p>\n\(passage.html)</aside>"
        }.joined(separator: "\n")
    }
}
