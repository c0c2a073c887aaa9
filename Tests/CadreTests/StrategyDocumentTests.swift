import Foundation
import Testing
@testable import Cadre

/// Strategy documents as `cadre strategie` makes them: the examples, a batch with a broken
/// file, hostile values, passages of the guide by type, and each component's reviewed output.
///
/// `CADRE_UPDATE_GOLDEN=1 swift test --filter StrategyDocumentTests` rewrites the golden files
/// of the components (review the diff line by line before committing it).
@Suite(.serialized)
struct StrategyDocumentTests {
    static let clean = StrategyRuleTests.clean

    /// A project with the real data, guide and templates, and the given collectivité files.
    static func project(_ files: [String: String]) throws -> ScratchProject {
        let project = try ScratchProject(repositoryContent: ["data", "guide"])
        for (name, text) in files { try project.write("Content/collectivites/\(name).yml", text) }
        return project
    }

    static func run(_ project: ScratchProject, format: OutputFormat = .html) async -> (StrategyOutcome, [Diagnostic]) {
        let sink = DiagnosticSink()
        let outcome = await StrategyBatch.run(StrategyRequest(root: project.root, format: format, jobs: 2), into: sink)
        return (outcome, sink.diagnostics)
    }

    @Test func theFourExamplesAreProducedWithTheirWarningsOnly() async throws {
        let project = try ScratchProject(repositoryContent: ["data", "guide", "collectivites"])
        defer { project.remove() }
        let (outcome, diagnostics) = await Self.run(project)
        #expect(outcome.produced.sorted() == ["cotes-et-marches", "haut-verant", "lys-aure", "valmont"])
        #expect(outcome.failed.isEmpty)
        #expect(diagnostics.allSatisfy { $0.severity == .warning }, "\(diagnostics.filter { $0.severity == .error })")
        let html = try project.read("Output/strategies/valmont/index.html")
        for marker in ["class=\"afom\"", "id=\"matrice-parties-prenantes", "cadre-logique", "grille-indicateurs", "id=\"chronogramme", "id=\"graphique-financement", "auto-diagnostic", "Direction générale des services"] {
            #expect(html.contains(marker), "valmont lacks \(marker)")
        }
    }

    @Test func aBatchWithOneBrokenFileProducesTheOthersAndReportsIt() async throws {
        let broken = Self.clean.replacingOccurrences(of: "  rattachement: dgs", with: "  rattachement: prefecture")
        let project = try Self.project(["bonne": Self.clean, "cassee": broken])
        defer { project.remove() }
        let (outcome, diagnostics) = await Self.run(project)
        #expect(outcome.produced == ["bonne"])
        #expect(outcome.failed == ["Content/collectivites/cassee.yml"])
        let error = try #require(diagnostics.first { $0.severity == .error })
        let line = broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("prefecture") }! + 1
        #expect("\(error.file):\(error.line)" == "Content/collectivites/cassee.yml:\(line)")
        #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("strategies/bonne/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: project.output.appendingPathComponent("strategies/cassee").path))
    }

    @Test func aFileSavedByAWindowsEditorIsReadLikeAnyOther() async throws {
        // A byte order mark and CRLF line ends; a mistake on line 3 is still reported on line 3.
        let windows = "\u{FEFF}" + Self.clean.replacingOccurrences(of: "  rattachement: dgs", with: "  rattachement: prefecture").replacingOccurrences(of: "\n", with: "\r\n")
        let project = try Self.project(["windows": "\u{FEFF}" + Self.clean.replacingOccurrences(of: "\n", with: "\r\n"), "fautive": windows])
        defer { project.remove() }
        let (outcome, diagnostics) = await Self.run(project)
        #expect(outcome.produced == ["windows"], "\(diagnostics)")
        #expect(try project.read("Output/strategies/windows/index.html").contains("Commune de Test"))
        let line = Self.clean.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("rattachement") }! + 1
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect("\(error.file):\(error.line):\(error.column)" == "Content/collectivites/fautive.yml:\(line):17")
    }

    @Test func aSecondRunReplacesOnlyTheDocumentsItProduces() async throws {
        let project = try Self.project(["une": Self.clean, "autre": Self.clean])
        defer { project.remove() }
        _ = await Self.run(project)
        try project.write("Content/collectivites/une.yml", Self.clean.replacingOccurrences(of: "Commune de Test", with: "Commune Renommée"))
        let sink = DiagnosticSink()
        _ = await StrategyBatch.run(StrategyRequest(root: project.root, files: [project.root.appendingPathComponent("Content/collectivites/une.yml").path]), into: sink)
        #expect(try project.read("Output/strategies/une/index.html").contains("Commune Renommée"))
        #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("strategies/autre/index.html").path))
    }

    @Test func hostileValuesComeOutEscapedAndReadable() async throws {
        // `<\u{338}` is one Swift character; browsers still read its `<` as a tag opening.
        let hostile = "<script>alert(1)</script> & *gras* | [x](javascript:alert(1)) 🌍 \"guillemets\" <\u{338}img src=x onerror=alert(1)>"
        let long = String(repeating: "Très long nom de partenaire ", count: 11)
        var yaml = Self.clean
            .replacingOccurrences(of: "  nom: Commune de Test", with: "  nom: '\(hostile)'")
            .replacingOccurrences(of: "  - nom: Comité de jumelage", with: "  - nom: '\(long)'")
            .replacingOccurrences(of: "  menaces: [Contrainte budgétaire]", with: "  menaces: []")
            .replacingOccurrences(of: "    intitule: Un réseau est construit", with: "    intitule: '</svg><svg onload=alert(1)> ]]> & <b>'")
        let activity = "      - intitule: Travaux\n        moyens: Entreprise locale\n        cout: 100000\n        responsable: Directeur de la régie\n        debut: 2027-04\n        fin: 2029-12\n"
        let activities = (1...200).map { activity.replacingOccurrences(of: "Travaux", with: "Activité n° \($0) <i>") }.joined()
        yaml = yaml.replacingOccurrences(of: activity, with: activities)
        let project = try Self.project(["hostile": yaml])
        defer { project.remove() }
        let (outcome, diagnostics) = await Self.run(project)
        #expect(outcome.produced == ["hostile"], "\(diagnostics)")
        let html = try project.read("Output/strategies/hostile/index.html")
        #expect(!html.contains("<script>alert") && !html.contains("<i>") && !html.contains("<b>"))
        #expect(!html.contains("href=\"javascript:") && !html.contains("<svg onload"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.range(of: "<\u{338}img", options: .literal) == nil && html.range(of: "&lt;\u{338}img", options: .literal) != nil)
        #expect(html.contains("🌍"))
        #expect(html.contains("Activité n° 200 &lt;i&gt;"))
        #expect(html.contains("Aucun élément renseigné."))
        var rest = Substring(html)
        var figures = 0
        while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            let svg = String(rest[start.lowerBound..<end.upperBound])
            #expect(XMLCheck(svg).wellFormed, "SVG mal formé : \(svg.prefix(200))")
            figures += 1
            rest = rest[end.upperBound...]
        }
        // Matrix, funding bars, and the chronogramme of 200 activities cut into page-sized parts.
        #expect(figures == 2 + 7)
        #expect(html.contains("Chronogramme des activités, 2026-2032 (7/7)"))
    }

    @Test func onlyThePassagesOfTheGuideForItsTypeAreIncluded() async throws {
        let region = Self.clean.replacingOccurrences(of: "  type: commune", with: "  type: region")
            .replacingOccurrences(of: "  - source: dispositif_1_pourcent\n    intitule: 1 % eau\n    montant: 40000\n    domaine: eau_assainissement\n", with: "")
        let project = try Self.project(["commune": Self.clean, "region": region])
        defer { project.remove() }
        let (outcome, diagnostics) = await Self.run(project)
        #expect(outcome.produced.sorted() == ["commune", "region"], "\(diagnostics)")
        let commune = try project.read("Output/strategies/commune/index.html")
        let regionHTML = try project.read("Output/strategies/region/index.html")
        #expect(commune.contains("Petites collectivités\u{A0}: agir à plusieurs"))
        #expect(!regionHTML.contains("Petites collectivités\u{A0}: agir à plusieurs"))
        #expect(regionHTML.contains("Régions de France porte la voix des conseils régionaux"))
        #expect(!commune.contains("Régions de France porte la voix des conseils régionaux"))
    }

    @Test func theScaffoldedFileIsValidAndNamesTheCollectivite() async throws {
        let project = try Self.project([:])
        defer { project.remove() }
        let path = try CollectiviteScaffold.create(name: "Ville d'Essai \"test\"", root: project.root)
        #expect(path == "Content/collectivites/ville-d-essai-test.yml")
        let (outcome, diagnostics) = await Self.run(project)
        #expect(outcome.produced == ["ville-d-essai-test"])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(try project.read("Output/strategies/ville-d-essai-test/index.html").contains("Ville d’Essai &quot;test&quot;"))
        #expect(throws: CollectiviteScaffold.Failure.alreadyExists(path)) { try CollectiviteScaffold.create(name: "Ville d'Essai \"test\"", root: project.root) }
    }

    @Test func theDocumentIsATaggedPDFWhenAsked() async throws {
        let project = try Self.project(["commune": Self.clean])
        defer { project.remove() }
        let (outcome, diagnostics) = await Self.run(project, format: .all)
        #expect(outcome.produced == ["commune"], "\(diagnostics)")
        let info = try poppler("pdfinfo", project.output.appendingPathComponent("strategies/commune/commune.pdf").path)
        #expect(info.contains("Tagged:          yes"))
        #expect(info.contains("Title:           Stratégie d’action internationale — Commune de Test"))
    }

    // MARK: Each component, reviewed

    static let components = ["afom", "matrice-parties-prenantes", "cadre-logique", "grille-indicateurs", "organisation", "plan-financement", "chronogramme",
                             "budget-annuel", "reperes-enquete", "grille-auto-diagnostic", "passages-du-guide"]

    @Test func everyStrategyComponentHasAGoldenFile() {
        let strategyComponents = StrategyComponents.names
        #expect(Set(strategyComponents) == Set(Self.components))
    }

    @Test(arguments: components)
    func aComponentMatchesItsReviewedGoldenFile(name: String) async throws {
        let html = try await Self.renderComponent(name)
        let url = Repository.fixtures.appendingPathComponent("golden/strategie/\(name).html")
        if ProcessInfo.processInfo.environment["CADRE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try html.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(html == (try String(contentsOf: url, encoding: .utf8)))
    }

    /// One component block rendered for the clean strategy, as a chapter would show it.
    static func renderComponent(_ name: String) async throws -> String {
        let sink = DiagnosticSink()
        let project = await Project.load(root: Repository.root, into: sink)
        let kit = try #require(StrategyKit(project: project, sink: sink))
        let strategy = try #require(YAMLDecoding.decode(Strategy.self, from: YAMLSource(text: clean, file: "propre.yml"), into: sink))
        let check = StrategyCheck(strategy, guide: kit.guide, file: "propre.yml")
        let document = StrategyDocument(strategy: strategy, guide: kit.guide, broken: check.broken, passages: GuidePassage.chosen(kit.passages, for: strategy, survey: kit.guide.survey))
        let chapter = Chapter(path: "Templates/strategie/99-essai.md", fileName: "99-essai.md", slug: "essai", frontMatter: FrontMatter(titre: "Essai"), body: "```\(name)\n```\n", bodyLine: 1)
        let pipeline = ChapterPipeline(chapters: [chapter], context: TemplateData(["collectivite": document.context]), components: ComponentSet.standard.adding(document.components), sink: sink)
        let pages = await pipeline.run(acronyms: AcronymMarker(acronyms: kit.acronyms))
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        return HTMLWriter(links: .singlePage, outputRoot: "../../").write(try #require(pages.first).document)
    }
}
