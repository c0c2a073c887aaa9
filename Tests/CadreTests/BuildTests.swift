import Foundation
import Testing
@testable import Cadre

/// Whole builds of fixture projects, as `cadre build` and `cadre check` run them.
@Suite(.serialized)
struct BuildTests {
    @Test func buildsTheSampleGuideSiteAndPrintPage() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        let (outcome, diagnostics) = await project.build()
        #expect(diagnostics.isEmpty)
        #expect(outcome.succeeded)
        for page in ["index", "avant-propos", "diagnostic", "organisation", "acronymes", "impression"] {
            #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("guide/\(page).html").path))
        }
    }

    @Test(arguments: ["diagnostic", "index"])
    func matchesTheReviewedGoldenPage(page: String) async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        _ = await project.build()
        let golden = try String(contentsOf: Repository.fixtures.appendingPathComponent("golden/\(page).html"), encoding: .utf8)
        #expect(try project.read("Output/guide/\(page).html") == golden)
    }

    @Test func reportsEveryErrorOfABrokenProjectWithItsPlace() async throws {
        let project = try ScratchProject(fixture: "casse")
        defer { project.remove() }
        let (outcome, diagnostics) = await project.build(writes: false)
        #expect(outcome == .failed)
        let places = diagnostics.map { "\($0.file):\($0.line):\($0.column)" }
        #expect(places == [
            "Content/data/reseaux.yml:4:10",
            "Content/guide/01-yaml-casse.md:3:9",
            "Content/guide/02-cle-inconnue.md:3:1",
            "Content/guide/03-sans-titre.md:2:1",
            "Content/guide/04-mauvais-type.md:2:8",
            "Content/guide/05-variable.md:5:21",
            "Content/guide/06-renvoi.md:7:18",
            "Content/guide/06-renvoi.md:7:61",
            "Content/guide/07-composant.md:7:4",
            "Content/guide/publication.yml:3:1",
        ])
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.hint != nil })
    }

    @Test func aFailedBuildLeavesThePreviousOutputIntact() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        _ = await project.build()
        let before = try project.read("Output/guide/diagnostic.html")
        try project.write("Content/guide/02-diagnostic.md", "---\ntitre: Cassé\nnature: inconnue\n---\n\nNouveau texte.\n")
        let (outcome, _) = await project.build()
        #expect(outcome == .failed)
        #expect(try project.read("Output/guide/diagnostic.html") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.output.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func twoBuildsAreByteIdentical() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        _ = await project.build()
        let first = try project.read("Output/guide/impression.html") + project.read("Output/guide/organisation.html")
        _ = await project.build()
        #expect(try project.read("Output/guide/impression.html") + project.read("Output/guide/organisation.html") == first)
    }

    @Test func resolvesCrossReferencesForSiteAndPrint() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        _ = await project.build()
        #expect(try project.read("Output/guide/organisation.html").contains("<a href=\"diagnostic.html#la-matrice-afom\">diagnostic</a>"))
        let print = try project.read("Output/guide/impression.html")
        #expect(print.contains("<a href=\"#la-matrice-afom\">diagnostic</a>"))
        #expect(print.contains("<a href=\"#organisation\">Organiser le service (chapitre 2)</a>"))
    }

    @Test func listsExactlyTheAcronymsThePublicationUses() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        _ = await project.build()
        let page = try project.read("Output/guide/acronymes.html")
        #expect(page.contains(">AFOM</abbr></dt>") && page.contains(">DGS</abbr></dt>") && page.contains(">FICOL</abbr></dt>"))
        #expect(!page.contains(">UE</abbr>") && !page.contains(">CNFPT</abbr>"))
    }

    @Test func rendersHostileDataInertAndEscaped() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        try project.write("Content/data/hostile.yml", """
        nom: "<script>alert(1)</script> *gras* | [x](javascript:alert(1))"
        lignes:
          - cle: "<img src=x onerror=alert(1)>"
            valeur: "a | b"
        """)
        try project.write("Content/guide/05-hostile.md", """
        ---
        titre: "Titre <b>gras</b>"
        ---

        Nom : {{donnees.hostile.nom}}

        | Colonne | Valeur |
        |---|---|
        | {{donnees.hostile.nom}} | fin |

        ```tableau
        source: donnees.hostile.lignes
        colonnes:
          cle: Clé
          valeur: Valeur
        ```
        """)
        let (outcome, diagnostics) = await project.build()
        #expect(diagnostics.isEmpty)
        #expect(outcome.succeeded)
        let html = try project.read("Output/guide/hostile.html")
        #expect(!html.contains("<script>") && !html.contains("<img") && !html.contains("<b>"))
        #expect(!html.contains("javascript:") || !html.contains("href=\"javascript"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; *gras* | [x](javascript:alert(1))"))
        #expect(html.contains("<td>fin</td>"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("<title>Titre &lt;b&gt;gras&lt;/b&gt;"))
    }

    @Test func rejectsAnUnknownPublication() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        let (outcome, _) = await project.build(publications: ["gide"])
        #expect(outcome == .unknownPublication("gide", suggestion: "vouliez-vous dire « guide » ?"))
    }

    @Test func scaffoldsANumberedChapterThatBuilds() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        let path = try ChapterScaffold.create(title: "Travailler en réseau", publication: "guide", root: project.root)
        #expect(path == "Content/guide/05-travailler-en-reseau.md")
        let (outcome, diagnostics) = await project.build()
        #expect(diagnostics.isEmpty)
        #expect(outcome.succeeded)
    }

    @Test func resolvesCrossReferencesWrittenInAComponentsText() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        /// A chapter whose only block is a selon-type passage saying `texte`.
        func passage(_ texte: String) -> String {
            "---\ntitre: Renvois\n---\n\n```selon-type\ntypes: [commune]\ntexte: \(texte)\n```\n"
        }
        try project.write("Content/guide/05-renvois.md", passage("Voir [le diagnostic](02-diagnostic.md) et [ceci](99-absent.md)."))
        let (outcome, diagnostics) = await project.build()
        #expect(outcome == .failed)
        let error = try #require(diagnostics.first)
        #expect("\(error.file):\(error.line)" == "Content/guide/05-renvois.md:7")
        #expect(error.message.contains("99-absent.md"))
        try project.write("Content/guide/05-renvois.md", passage("Voir [le diagnostic](02-diagnostic.md)."))
        _ = await project.build()
        #expect(try project.read("Output/guide/renvois.html").contains("<a href=\"diagnostic.html\">le diagnostic</a>"))
        #expect(try project.read("Output/guide/impression.html").contains("<a href=\"#diagnostic\">le diagnostic</a>"))
    }
}
