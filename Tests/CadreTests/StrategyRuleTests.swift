import Foundation
import Testing
@testable import Cadre

/// The guide's method as rules: each has a failing fixture (the clean strategy with one
/// change) and the passing one (the clean strategy, which breaks none).
@Suite struct StrategyRuleTests {
    static let guide: GuideReference = {
        let sink = DiagnosticSink()
        let data = SharedData.load(folder: Repository.root.appendingPathComponent("Content/data"), relativeTo: Repository.root, into: sink)
        return GuideReference.load(data: data, root: Repository.root, into: sink)
    }()

    static let clean = try! String(contentsOf: Repository.fixtures.appendingPathComponent("strategies/propre.yml"), encoding: .utf8)

    /// Decoding and checking diagnostics of a strategy text.
    static func diagnostics(_ yaml: String) -> [Diagnostic] {
        let sink = DiagnosticSink()
        guard let strategy = YAMLDecoding.decode(Strategy.self, from: YAMLSource(text: yaml, file: "Content/collectivites/test.yml"), into: sink) else { return sink.diagnostics }
        return sink.diagnostics + StrategyCheck(strategy, guide: guide, file: "Content/collectivites/test.yml").diagnostics
    }

    /// Rule id → the change to the clean strategy that breaks it.
    static let breaks: [(rule: String, find: String, replace: String)] = [
        ("deliberation", "deliberation: 2027-03\n", ""),
        ("afom-complet", "  menaces: [Contrainte budgétaire]", "  menaces: []"),
        ("objectif-general-mesure", "  hypotheses: [Le contexte sanitaire reste stable]\n", ""),
        ("objectif-mesurable", "    indicateurs: [IND1]\n    echeance", "    echeance"),
        ("objectif-date", "    echeance: 2030-12\n", ""),
        ("indicateur-complet", "    periodicite: Annuelle\n", ""),
        ("indicateurs-peu-nombreux", "    indicateurs: [IND1]\n    echeance", "    indicateurs: [IND1, IND1, IND1, IND1]\n    echeance"),
        ("activite-responsable", "        responsable: Directeur de la régie\n", ""),
        ("activite-duree", "        fin: 2029-12", "        fin: 2026-12"),
        ("evaluations-programmees", "  mi_parcours: 2029-06\n", ""),
        ("evaluation-mandature", "  finale: 2032-01", "  finale: 2034-01"),
        ("ficol-montant", "    montant: 400000", "    montant: 150000"),
        ("ficol-part-collectivites", "    part_collectivite: 30", "    part_collectivite: 20"),
        ("ficol-duree", "    duree_ans: 3", "    duree_ans: 4"),
        ("un-pourcent-domaine", "    domaine: eau_assainissement", "    domaine: sante"),
        ("un-pourcent-collectivite", "  type: commune", "  type: region"),
    ]

    @Test func theCleanStrategyMeetsEveryRule() {
        #expect(Self.diagnostics(Self.clean).isEmpty)
    }

    @Test func everyRuleHasAFailingFixture() {
        #expect(Set(Self.breaks.map(\.rule)) == Set(StrategyRule.all.map(\.id)))
    }

    @Test(arguments: breaks.map(\.rule))
    func aRuleIsReportedWithItsIdentifierAndTheGuidesAdvice(rule: String) throws {
        let change = try #require(Self.breaks.first { $0.rule == rule })
        #expect(Self.clean.contains(change.find))
        let found = Self.diagnostics(Self.clean.replacingOccurrences(of: change.find, with: change.replace))
        #expect(found.map { $0.message.prefix { $0 != "]" } + "]" } == ["[\(rule)]"], "\(found)")
        let definition = try #require(StrategyRule.all.first { $0.id == rule })
        #expect(found.first?.severity == definition.severity)
        #expect(found.first?.hint == definition.advice)
    }

    @Test func aFindingPointsAtTheLineItConcerns() throws {
        let found = Self.diagnostics(Self.clean.replacingOccurrences(of: "    montant: 400000", with: "    montant: 2000000"))
        let finding = try #require(found.first)
        // At the amount itself (issue 17), not at the start of its list item.
        let line = Self.clean.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("montant: 400000") }! + 1
        #expect("\(finding.file):\(finding.line):\(finding.column)" == "Content/collectivites/test.yml:\(line):14")
        #expect(finding.message.contains("2\u{202F}000\u{202F}000\u{202F}€") && finding.message.contains("200 k€") && finding.message.contains("1,5 M€"))
    }

    @Test(arguments: [
        ("objectifs_specifiques:", "objectifs_specifique:", "clé inconnue « objectifs_specifique »", "objectifs_specifiques"),
        ("    indicateurs: [IND1]\n    echeance", "    indicateurs: [IND9]\n    echeance", "indicateur « IND9 » qui n'existe pas", "IND1"),
        ("  rattachement: dgs", "  rattachement: dgss", "rattachement « dgss » inconnu", "dgs"),
        ("    objectif: OS1", "    objectif: OS2", "objectif « OS2 » qui n'existe pas", "OS1"),
        ("    engagement: concerter", "    engagement: concertation", "niveau d'engagement « concertation » inconnu", "concerter"),
        ("deliberation: 2027-03", "deliberation: 2027-13", "valeur invalide pour « deliberation »", "AAAA-MM"),
        ("  population: 12000", "  population: beaucoup", "« collectivite.population » doit être un nombre entier", ""),
    ])
    func aStructuralProblemIsAnErrorWithAHint(find: String, replace: String, message: String, hint: String) throws {
        let found = Self.diagnostics(Self.clean.replacingOccurrences(of: find, with: replace))
        let error = try #require(found.first { $0.severity == .error && $0.message.contains(message) }, "\(found)")
        #expect(error.message.contains(message), "\(error)")
        #expect(hint.isEmpty || error.hint?.contains(hint) == true, "\(error)")
        let line = Self.clean.replacingOccurrences(of: find, with: replace).split(separator: "\n", omittingEmptySubsequences: false)[error.line - 1]
        #expect(line.contains(replace.split(separator: "\n").first!.trimmingCharacters(in: .whitespaces).prefix(8)), "points at « \(line) »")
    }

    @Test func everyProblemOfAFileIsReportedInOneRun() {
        let broken = Self.clean
            .replacingOccurrences(of: "  rattachement: dgs", with: "  rattachement: dgss")
            .replacingOccurrences(of: "    montant: 400000", with: "    montant: 150000")
            .replacingOccurrences(of: "  mi_parcours: 2029-06\n", with: "")
        let found = Self.diagnostics(broken)
        #expect(found.filter { $0.severity == .error }.count == 2)
        #expect(found.filter { $0.severity == .warning }.count == 1)
    }
}
