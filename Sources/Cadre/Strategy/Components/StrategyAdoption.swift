/// The strategy components an assembly reads before it votes: the budget by year and by
/// budget, and the « repères » that place the plan beside the France urbaine / INET survey.

/// `budget-annuel`: the funding plan by year, split between the budgets that carry it.
struct BudgetByYear: StrategyComponent {
    static let componentName = "budget-annuel"
    let document: StrategyDocument

    func blocks() -> [Block] {
        let budget = AnnualBudget(strategy: document.strategy, guide: document.guide)
        guard !budget.columns.isEmpty else {
            return [.paragraph([.text("Le plan de financement ne comporte encore aucun montant : le budget annuel reste à établir.")])]
        }
        var table = TableBuilder(caption: "Budget prévisionnel par année et par budget", headers: ["Année"] + budget.columns.map(\.label) + ["Total"], className: "budget-annuel")
        let totals = budget.totals
        for (index, year) in budget.years.enumerated() {
            table.row([String(year)] + budget.columns.map { Money.euros($0.amounts[index]) } + [Money.euros(totals[index])])
        }
        let footer = ["Mandature"] + budget.columns.map { Money.euros($0.total) } + [Money.euros(totals.reduce(0, +))]
        let how = budget.followsActivities
            ? "Le plan de financement donne le montant de chaque source pour toute la mandature : chacun est réparti entre les années comme le coût des activités, selon leur calendrier."
            : "Aucune activité n'étant encore datée et chiffrée, chaque source est répartie à parts égales entre les années de la mandature."
        var note = how + " Les crédits sont inscrits et votés à chaque exercice budgétaire ; les cofinancements restent à obtenir."
        if document.strategy.portage.coutAnnuelEtp == nil {
            note += " Le coût du personnel n'y figure pas : la collectivité n'a pas encore indiqué le coût annuel d'un équivalent temps plein."
        }
        return [table.finished(footer: footer), .styledParagraph(.classes("note-tableau"), [.text(note)])]
    }
}

/// `reperes-enquete`: the plan's yearly budget, its team and its rattachement beside the
/// figures of the France urbaine / CNFPT-INET survey (2021), when the survey covers a
/// comparable collectivité; otherwise a sentence that says why there is no comparison.
struct SurveyBenchmark: StrategyComponent {
    static let componentName = "reperes-enquete"
    let document: StrategyDocument

    func blocks() -> [Block] {
        guard let survey = document.guide.survey else { return [] }
        let strategy = document.strategy
        let source = survey.sources.first
        let citation = source.map { "\($0.auteurs), « \($0.titre) », \($0.annee)" } ?? "France urbaine, CNFPT et INET, \(survey.enquete.annee)"
        let label: [Inline] = [.text("Repères : l'enquête France urbaine, CNFPT et INET (\(survey.enquete.annee))")]
        let family = strategy.collectivite.type.family
        let population = strategy.collectivite.population
        func box(_ blocks: [Block]) -> [Block] {
            [.callout(Callout(attributes: .classes("reperes"), blocks: [.styledParagraph(.classes("reperes-etiquette"), label)] + blocks))]
        }
        guard family == .commune || family == .intercommunalite else {
            return box([.paragraph([.text("L'enquête n'a interrogé que des villes et des intercommunalités : elle ne donne aucun chiffre comparable pour \(family == .departement ? "un département" : "une région"), et ce document n'en cite donc pas.")])])
        }
        guard population >= survey.enquete.populationComparableMin else {
            return box([.paragraph([.text("L'enquête porte sur les grandes villes et intercommunalités membres de France urbaine. Pour une collectivité de \(Money.grouped(population)) habitants, ses budgets et ses effectifs ne sont pas un point de comparaison pertinent : ce document ne les reprend pas.")])])
        }
        let years = strategy.mandature.fin - strategy.mandature.debut + 1
        let total = strategy.financement.reduce(0) { $0 + $1.montant }
        let yearly = total / max(years, 1)
        let budget = survey.budget
        let position: String
        if yearly < budget.courantMin { position = "en dessous de la fourchette la plus courante" }
        else if yearly > budget.courantMax { position = "au-dessus de la fourchette la plus courante" }
        else { position = yearly < budget.medianAnnuel ? "dans la fourchette courante, sous la médiane" : "dans la fourchette courante, au niveau de la médiane ou au-dessus" }
        let staff = survey.effectifs
        let etp = strategy.portage.etp
        let team = etp < Double(staff.moyennePersonnes) ? "moins que la moyenne" : "autant ou plus que la moyenne"
        let placement = document.guide.model(strategy.portage.rattachement.value)?.nom ?? strategy.portage.rattachement.value
        let place = survey.rattachement
        var table = TableBuilder(caption: "Cette stratégie au regard de l'enquête", headers: ["Repère", "Cette stratégie", "Enquête (\(survey.enquete.repondants) répondants)"], className: "reperes-enquete")
        table.row(["Budget annuel", "\(Money.euros(yearly)) par an en moyenne (plan de financement, hors personnel) : \(position)",
                   "de \(Money.euros(budget.courantMin)) à \(Money.euros(budget.courantMax)) le plus souvent ; médiane \(Money.euros(budget.medianAnnuel))"])
        table.row(["Équipe", "\(Money.number(etp)) équivalents temps plein : \(team)",
                   "\(staff.moyennePersonnes) personnes en moyenne, de \(staff.minimumPersonnes) à \(staff.maximumPersonnes)"])
        table.row(["Rattachement", placement,
                   "près de \(place.directionGeneraleAdjointePourcent) % auprès d'une DGA ; \(place.dgsOuCabinetPourcent) % à la DGS ou au cabinet"])
        return box([table.finished(), .styledParagraph(.classes("source"), [.text("Source : \(citation). L'enquête compte les personnes, ce document des équivalents temps plein.")])])
    }
}
