import Foundation
import Testing
@testable import Cadre

/// A chapter's local image must be a file cadre copies beside the pages (Templates/assets/):
/// a missing one is an error at the image in the chapter, from `cadre check` on, with a hint
/// whose example path is right for where the chapter's pages are written.
@Suite struct ChapterImageTests {
    static func check(_ markdown: String, assets: [String: String] = [:]) async throws -> (ScratchProject, [Diagnostic]) {
        let project = try ScratchProject(fixture: "exemple")
        for (name, content) in assets { try project.write("Templates/assets/\(name)", content) }
        try project.write("Content/guide/05-images.md", "---\ntitre: Images\n---\n\nTexte.\n\n\(markdown)\n")
        let (_, diagnostics) = await project.build(writes: false)
        return (project, diagnostics)
    }

    @Test func aMissingImageIsAnErrorAtItsPlaceWithAPathThatWorks() async throws {
        let (project, diagnostics) = try await Self.check("Le logo : ![Logo de CUF](assets/logo-absent.png \"Logo\").")
        defer { project.remove() }
        let error = try #require(diagnostics.first { $0.file == "Content/guide/05-images.md" })
        #expect(diagnostics.count == 1)
        #expect(error.severity == .error)
        #expect("\(error.file):\(error.line):\(error.column)" == "Content/guide/05-images.md:7:26")
        #expect(error.message == "image « assets/logo-absent.png » introuvable : Templates/assets/logo-absent.png n'existe pas")
        // The example is right for a publication page (Output/guide/page.html, images in Output/guide/assets/).
        #expect(error.hint?.contains("par exemple assets/logo.png") == true && error.hint?.contains("../assets") == false)
    }

    @Test func theHintsExampleIsWhereCadreCopiesTheImage() async throws {
        let (project, diagnostics) = try await Self.check("![Logo](assets/logo.svg)", assets: ["logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>"])
        defer { project.remove() }
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let (outcome, _) = await project.build()
        #expect(outcome.succeeded)
        let page = project.output.appendingPathComponent("guide/images.html")
        #expect(try String(contentsOf: page, encoding: .utf8).contains("src=\"assets/logo.svg\""))
        #expect(FileManager.default.fileExists(atPath: page.deletingLastPathComponent().appendingPathComponent("assets/logo.svg").path))
    }

    @Test(arguments: [
        // One folder too high for a publication page: the path the old hint gave.
        ("![Logo](../assets/logo.svg)", 9, "image « ../assets/logo.svg » introuvable : cadre ne copie à côté des pages que les fichiers de Templates/assets/"),
        // In Content/, beside the chapter: cadre does not copy it.
        ("Voir ![x][logo].\n\n[logo]: logo.png", 9, "image « logo.png » introuvable : cadre ne copie à côté des pages que les fichiers de Templates/assets/"),
        ("![Logo](assets/logo%20bleu.svg?v=2#haut)", 9, "image « assets/logo%20bleu.svg?v=2#haut » introuvable : Templates/assets/logo bleu.svg n'existe pas"),
    ])
    func aPathToNoCopiedFileIsAnError(markdown: String, column: Int, message: String) async throws {
        let (project, diagnostics) = try await Self.check(markdown, assets: ["logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"])
        defer { project.remove() }
        let line = 7 + markdown.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(diagnostics.map { "\($0.file):\($0.line):\($0.column): \($0.message)" } == ["Content/guide/05-images.md:\(line):\(column): \(message)"])
    }

    @Test func anExistingImageWithQueryOrEncodedNameIsAccepted() async throws {
        let (project, diagnostics) = try await Self.check("![Logo](assets/logo%20bleu.svg?v=2#haut) ![Données](data:image/png;base64,iVBORw0KGgo=)",
                                                          assets: ["logo bleu.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"])
        defer { project.remove() }
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test func aStrategyChaptersHintClimbsOutOfTheDocumentsFolder() {
        let chapter = Chapter(path: "Templates/strategie/02-diagnostic.md", fileName: "02-diagnostic.md", slug: "diagnostic",
                              frontMatter: FrontMatter(titre: "Diagnostic"), body: "![Carte](assets/carte.png)\n![Carte](../assets/carte.png)\n", bodyLine: 4)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-sans-images-\(UUID().uuidString)")
        let problems = ChapterImages.problems(in: chapter, root: root)
        // strategies/<nom>/index.html: the copies are in strategies/assets/.
        #expect(problems.map(\.message) == ["image « assets/carte.png » introuvable : cadre ne copie à côté des pages que les fichiers de Templates/assets/",
                                            "image « ../assets/carte.png » introuvable : Templates/assets/carte.png n'existe pas"])
        #expect(problems.allSatisfy { $0.hint?.contains("par exemple ../assets/logo.png") == true })
    }
}
