import Foundation
import Testing
@testable import Cadre

/// A strategy document an assembly can vote (issue 10): budget by year and by budget, staff
/// cost, governance, annexes and signature; a self-assessment grid that tells the truth; guide
/// passages chosen by what they say; the survey's « repères »; no software leftovers.
@Suite(.serialized)
struct StrategyVotableTests {
    static let clean = StrategyRuleTests.clean

    /// The HTML of the document made from each file (by name), with the batch's diagnostics.
    static func documents(_ files: [String: String]) async throws -> ([String: String], [Diagnostic]) {
        let project = try StrategyDocumentTests.project(files)
        defer { project.remove() }
        let (outcome, diagnostics) = await StrategyDocumentTests.run(project)
        #expect(outcome.produced.sorted() == files.keys.sorted(), "\(diagnostics)")
        var pages: [String: String] = [:]
        for name in outcome.produced { pages[name] = try project.read("Output/strategies/\(name)/index.html") }
        return (pages, diagnostics)
    }

    /// The text of the grid's row whose condition starts with `condition`.
    static func gridRow(_ html: String, _ condition: String) -> String? {
        guard let start = html.range(of: "<th scope=\"row\">" + condition) else { return nil }
        guard let end = html.range(of: "</tr>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.lowerBound])
    }

    static let general = "L’objectif général a ses indicateurs"
    static let ficol = "Les collectivités apportent la part minimale"

    // MARK: The grid tells the truth

    @Test func aGeneralObjectiveWithoutIndicatorSourceOrAssumptionIsNotMet() async throws {
        let bare = Self.clean.replacingOccurrences(of: "mesure_objectif_general:\n  indicateurs: [IND1]\n  sources_verification: [Rapport annuel du service de l'eau partenaire]\n  hypotheses: [Le contexte sanitaire reste stable]\n", with: "")
        #expect(bare != Self.clean)
        let (pages, diagnostics) = try await Self.documents(["mesure": Self.clean, "nue": bare])
        #expect(diagnostics.map(\.message).contains { $0.hasPrefix("[objectif-general-mesure] l'objectif général n'a ni indicateur ni source de vérification ni hypothèse") })
        let failing = try #require(Self.gridRow(pages["nue"] ?? "", Self.general))
        #expect(failing.contains("à revoir (un point)") && !failing.contains("remplie"))
        let passing = try #require(Self.gridRow(pages["mesure"] ?? "", Self.general))
        #expect(passing.contains("✓ remplie"))
        // The logical framework shows the general objective's measure instead of dashes.
        #expect(try #require(pages["mesure"]).contains("Le contexte sanitaire reste stable"))
    }

    @Test func aFicolConditionIsNotApplicableWhenThePlanHasNoFicolLine() async throws {
        let noFicol = Self.clean.replacingOccurrences(of: "  - source: ficol\n    intitule: Projet FICOL\n    montant: 400000\n    part_collectivite: 30\n    duree_ans: 3\n", with: "")
        #expect(noFicol != Self.clean)
        let (pages, _) = try await Self.documents(["avec": Self.clean, "sans": noFicol])
        let without = try #require(Self.gridRow(pages["sans"] ?? "", Self.ficol))
        #expect(without.contains("sans objet") && !without.contains("remplie"))
        let with = try #require(Self.gridRow(pages["avec"] ?? "", Self.ficol))
        #expect(with.contains("✓ remplie"))
    }

    @Test func aOnePercentConditionIsNotApplicableToARegionWithoutOnePercent() async throws {
        let region = Self.clean.replacingOccurrences(of: "  type: commune", with: "  type: region")
            .replacingOccurrences(of: "  - source: dispositif_1_pourcent\n    intitule: 1 % eau\n    montant: 40000\n    domaine: eau_assainissement\n", with: "")
        let (pages, _) = try await Self.documents(["region": region])
        let row = try #require(Self.gridRow(pages["region"] ?? "", "Le dispositif 1"))
        #expect(row.contains("sans objet"))
    }

    // MARK: No software leftovers

    @Test func theDocumentShowsNoRuleIdentifierNorProductionMessage() async throws {
        let broken = Self.clean.replacingOccurrences(of: "        responsable: Directeur de la régie\n", with: "")
        let (pages, diagnostics) = try await Self.documents(["doc": broken])
        #expect(diagnostics.contains { $0.message.hasPrefix("[activite-responsable]") }, "the terminal keeps the rule id")
        let html = try #require(pages["doc"])
        for rule in StrategyRule.all {
            #expect(!html.contains(">\(rule.id)<") && !html.contains("[\(rule.id)]"), "rule id \(rule.id) in the document")
        }
        #expect(!html.contains("avertissement"))
        #expect(!html.contains("<code>"))
        #expect(try #require(Self.gridRow(html, "Chaque activité a un responsable")).contains("à revoir (un point)"))
    }

    // MARK: What the assembly votes

    @Test func theBudgetByYearSplitsThePlanBetweenBudgetsAndAddsUp() throws {
        let strategy = try Self.decode(Self.clean)
        let budget = AnnualBudget(strategy: strategy, guide: StrategyRuleTests.guide)
        #expect(budget.years == Array(2026...2032))
        #expect(budget.columns.map(\.label) == ["Budget principal : actions", "Budget principal : personnel",
                                                "Budget annexe de l’eau et de l’assainissement (1 %)", "Cofinancements attendus"])
        #expect(budget.columns.map(\.total) == [50_000, 7 * 75_000, 40_000, 400_000])
        // The only activity runs from April 2027 to December 2029: nothing before, nothing after.
        let own = budget.columns[0].amounts
        #expect(own[0] == 0 && own[4] == 0 && own[6] == 0)
        #expect(own[1] < own[2] && own[2] == own[3])
    }

    @Test func theBudgetHasNoBudgetAnnexeWithoutTheOnePercentNorStaffWithoutACost() throws {
        let yaml = Self.clean.replacingOccurrences(of: "  - source: dispositif_1_pourcent\n    intitule: 1 % eau\n    montant: 40000\n    domaine: eau_assainissement\n", with: "")
            .replacingOccurrences(of: "  cout_annuel_etp: 50000\n", with: "")
        let budget = AnnualBudget(strategy: try Self.decode(yaml), guide: StrategyRuleTests.guide)
        #expect(budget.columns.map(\.label) == ["Budget principal : actions", "Cofinancements attendus"])
    }

    @Test func aSpreadAmountAddsUpToTheEuro() {
        #expect(AnnualBudget.spread(100, over: [1, 1, 1]) == [34, 33, 33])
        #expect(AnnualBudget.spread(0, over: [1, 2]) == [0, 0])
        #expect(AnnualBudget.spread(7, over: [0, 0]) == [0, 0])
    }

    @Test func theAdoptionChapterGivesStaffCostGovernanceAnnexesAndSignature() async throws {
        let (pages, _) = try await Self.documents(["doc": Self.clean])
        let html = try #require(pages["doc"])
        #expect(html.contains("Budget prévisionnel par année et par budget"))
        #expect(html.contains("elle représente 75\u{202F}000\u{202F}€ par an, soit 525\u{202F}000\u{202F}€ sur les sept années de la mandature"))
        #expect(html.contains("Le comité de pilotage de la stratégie est présidé par le maire."))
        #expect(html.contains("Un bilan annuel présenté au conseil municipal"))
        #expect(html.contains("L’évaluation à mi-parcours (juin 2029) est présentée au conseil municipal."))
        #expect(html.contains("Projet de délibération portant adoption de la stratégie"))
        #expect(html.contains("<p>Le maire,</p>"))
    }

    @Test func withoutGovernanceOrStaffCostTheDocumentSaysWhatIsMissing() async throws {
        var yaml = Self.clean.replacingOccurrences(of: "  cout_annuel_etp: 50000\n", with: "")
        yaml = String(yaml[..<yaml.range(of: "gouvernance:")!.lowerBound])
        let (pages, _) = try await Self.documents(["doc": yaml])
        let html = try #require(pages["doc"])
        #expect(html.contains("le coût de l’équipe reste à chiffrer"))
        #expect(html.contains("La collectivité n’a pas encore décrit la gouvernance de la stratégie"))
    }

    // MARK: Passages chosen by content, repères

    @Test func aSmallCommuneGetsNoSurveyFiguresAndOnlyTheFundingPassagesItsPlanUses() async throws {
        let noOnePercent = Self.clean.replacingOccurrences(of: "  - source: dispositif_1_pourcent\n    intitule: 1 % eau\n    montant: 40000\n    domaine: eau_assainissement\n", with: "")
        let (pages, _) = try await Self.documents(["petite": Self.clean, "sans-un-pourcent": noOnePercent])
        let small = try #require(pages["petite"])
        // Survey percentages of big cities: not in a 12 000-inhabitant commune's document.
        #expect(!small.contains("pratiquée par 90\u{202F}%") && !small.contains("74\u{202F}%"))
        #expect(small.contains("ses budgets et ses effectifs ne sont pas un point de comparaison pertinent"))
        #expect(small.contains("Chaque volet du 1\u{202F}% est ouvert à la structure qui exerce effectivement la compétence"))
        #expect(small.contains("Mobiliser des ressources cohérentes avec les actions\u{202F}»\u{A0}: la <abbr"))
        #expect(!small.contains("les appels à projets de la DAECT"))
        let other = try #require(pages["sans-un-pourcent"])
        #expect(!other.contains("Chaque volet du 1\u{202F}% est ouvert à la structure qui exerce effectivement la compétence"))
    }

    @Test func aLargeAgglomerationIsPlacedBesideTheSurveyWithItsSource() async throws {
        let agglomeration = Self.clean.replacingOccurrences(of: "  type: commune\n  population: 12000", with: "  type: communaute_d_agglomeration\n  population: 150000")
        let departement = Self.clean.replacingOccurrences(of: "  type: commune", with: "  type: departement")
            .replacingOccurrences(of: "  - source: dispositif_1_pourcent\n    intitule: 1 % eau\n    montant: 40000\n    domaine: eau_assainissement\n", with: "")
        let (pages, _) = try await Self.documents(["agglo": agglomeration, "departement": departement])
        let agglo = try #require(pages["agglo"])
        #expect(agglo.contains("Cette stratégie au regard de l’enquête"))
        #expect(agglo.contains("médiane 300\u{202F}000\u{202F}€"))
        #expect(agglo.contains("6 personnes en moyenne, de 0 à 30"))
        #expect(agglo.contains("Source\u{A0}: France urbaine, <abbr"))
        #expect(agglo.contains("pratiquée par 90\u{202F}%"), "the guide's survey passage is kept for a comparable collectivité")
        let dept = try #require(pages["departement"])
        #expect(dept.contains("elle ne donne aucun chiffre comparable pour un département"))
        #expect(!dept.contains("Cette stratégie au regard de l’enquête"))
        // A passage of its own, from the guide's typology of échelons.
        #expect(dept.contains("ce qui change pour un département"))
        #expect(dept.contains("pas de 1\u{202F}%, réservé au bloc communal"))
        #expect(!agglo.contains("ce qui change pour un"))
    }

    // MARK: Natural French

    @Test func generatedSentencesReadAsFrench() async throws {
        let (pages, _) = try await Self.documents(["doc": Self.clean])
        let html = try #require(pages["doc"])
        #expect(html.contains("<strong>La Commune de Test</strong> (commune de 12\u{202F}000 habitants)"))
        #expect(html.contains("Le conseil municipal est appelé à l’adopter en mars 2027."))
        #expect(html.contains("Cet objectif se décline en un objectif spécifique, avec un indicateur pour en mesurer l’atteinte."))
        #expect(html.contains("(échéance\u{A0}: décembre 2030)"))
        #expect(html.contains("est rattachée à la direction générale des services"))
        #expect(!html.contains("relève du modèle de rattachement"))
        #expect(html.contains("une activité"))
    }

    @Test func namesTakeTheirArticle() {
        #expect(FrenchWording.subject("Ville de Valmont") == "La Ville de Valmont")
        #expect(FrenchWording.of("Département du Haut-Vérant") == "du Département du Haut-Vérant")
        #expect(FrenchWording.withArticle("Lys-Aure Agglomération") == "Lys-Aure Agglomération")
        #expect(FrenchWording.of("Angers Loire Métropole") == "d’Angers Loire Métropole")
        #expect(FrenchWording.count(2, "objectif", "objectifs") == "deux objectifs")
        #expect(FrenchWording.count(1, "activité", "activités", feminine: true) == "une activité")
        #expect(FrenchWording.count(12, "pays", "pays") == "12 pays")
    }

    static func decode(_ yaml: String) throws -> Strategy {
        let sink = DiagnosticSink()
        return try #require(YAMLDecoding.decode(Strategy.self, from: YAMLSource(text: yaml, file: "test.yml"), into: sink))
    }
}
