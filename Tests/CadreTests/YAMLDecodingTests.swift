import Testing
@testable import Cadre

/// Bad YAML, front matter and publication settings: every problem located, all reported.
struct YAMLDecodingTests {
    @Test func reportsSyntaxErrorsWithLineAndColumn() {
        let (value, diagnostics) = decodeYAML(FrontMatter.self, "titre: Bonjour\nresume: [non fermé\nnature: chapitre\n")
        #expect(value == nil)
        #expect(diagnostics.count == 1)
        // Points at the opening bracket: where the unfinished list starts.
        #expect(diagnostics[0].line == 2 && diagnostics[0].column == 9)
        #expect(diagnostics[0].message == "syntaxe YAML invalide : virgule ou crochet fermant attendu (liste entre crochets non fermée ?)")
    }

    @Test func rejectsUnknownKeysWithASuggestion() {
        let (value, diagnostics) = decodeYAML(FrontMatter.self, "titre: Bonjour\ntitre_cour: Court\n")
        #expect(value == nil)
        #expect(diagnostics.map(\.description) == ["test.yml:2:1: erreur: clé inconnue « titre_cour » — vouliez-vous dire « titre_court » ?"])
    }

    @Test func reportsMissingRequiredField() {
        let (_, diagnostics) = decodeYAML(FrontMatter.self, "nature: chapitre\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].message == "champ obligatoire « titre » manquant")
    }

    @Test func reportsWrongTypeAtTheValue() {
        let (_, diagnostics) = decodeYAML(PublicationSettings.self, "titre: Guide\nlangue: fr\nbudget_pages: trente\n")
        #expect(diagnostics.map(\.description) == ["test.yml:3:15: erreur: « budget_pages » doit être un nombre entier (sans espace ni unité), trouvé « trente » — corrigez la valeur"])
    }

    @Test func listsAllowedValuesOfAnEnumeration() {
        let (_, diagnostics) = decodeYAML(FrontMatter.self, "titre: A\nnature: chapitr\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].line == 2 && diagnostics[0].column == 9)
        #expect(diagnostics[0].hint == "vouliez-vous dire « chapitre » ?")
    }

    @Test func reportsEveryProblemOfAFileInOneRun() {
        let yaml = "titre: Guide\nlangue: fr\nbudget_pages: trente\nsous_titr: x\nauteurs: Une personne\npages_exactes: [1]\n"
        let (_, diagnostics) = decodeYAML(PublicationSettings.self, yaml)
        #expect(diagnostics.map(\.line) == [3, 4, 5, 6])
    }

    @Test func reportsDuplicateKeys() {
        let (_, diagnostics) = decodeYAML(FrontMatter.self, "titre: A\ntitre: B\n")
        #expect(diagnostics.map(\.message) == ["clé « titre » en double dans cet objet"])
    }

    @Test func decodesAValidFrontMatter() {
        let (value, diagnostics) = decodeYAML(FrontMatter.self, "titre: Le cadre logique\ntitre_court: Cadre logique\nnature: annexe\n")
        #expect(diagnostics.isEmpty)
        #expect(value?.titreCourt == "Cadre logique")
        #expect(value?.nature == .annexe)
    }
}

/// A bad value of an enumeration does not hide the problems after it.
@Suite struct EnumerationRecoveryTests {
    @Test func aBadEnumerationValueDoesNotHideTheNextProblems() {
        let (_, diagnostics) = decodeYAML(Identity.self, "nom: Essai\ntype: comune\npopulation: beaucoup\n")
        #expect(diagnostics.map(\.line) == [2, 3], "\(diagnostics)")
    }

    @Test func aBadDateDoesNotHideTheNextProblems() throws {
        let yaml = StrategyRuleTests.clean
            .replacingOccurrences(of: "deliberation: 2027-03", with: "deliberation: 2027-13")
            .replacingOccurrences(of: "    montant: 50000", with: "    montant: cinquante")
        let (_, diagnostics) = decodeYAML(Strategy.self, yaml)
        #expect(diagnostics.count == 2, "\(diagnostics)")
    }

    @Test func nestedEnumerationsToo() {
        let (_, diagnostics) = decodeYAML(FrontMatter.self, "titre: Essai\nnature: chapitr\nresume: [liste]\n")
        #expect(diagnostics.map(\.line) == [2, 3], "\(diagnostics)")
    }
}

