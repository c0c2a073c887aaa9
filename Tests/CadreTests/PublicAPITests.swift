import Foundation
import Testing
import Cadre

/// cadre used as a library, through its public API only (no `@testable`): a small publication
/// and a strategy document built from code, with a component of the user's own.
@Suite(.serialized)
struct PublicAPITests {
    /// A component a library user adds: `encadre` draws its `texte` in a box.
    struct Box: Component {
        let name = "encadre"

        struct Parameters: Decodable {
            var texte: String
        }

        func blocks(for request: ComponentRequest) -> [Block]? {
            guard let parameters = request.parameters(Parameters.self) else { return nil }
            return [.callout(Callout(attributes: .classes("encadre"), blocks: request.parse(parameters.texte)))]
        }
    }

    /// A pass a library user adds: every level-2 heading gets a class-free mark in its text.
    struct Shout: DocumentPass {
        func run(_ document: inout Document, chapter: Chapter, into sink: DiagnosticSink) {
            document.updateBlocks { block in
                if case .heading(var heading) = block {
                    heading.content.append(.text(" !"))
                    block = .heading(heading)
                }
            }
        }
    }

    static func folder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    static func write(_ text: String, to path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func aLibraryUserBuildsAPublicationWithTheirOwnComponentAndPass() async throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        try Self.write("titre: Petit guide\nlangue: fr\n", to: "Content/mini/publication.yml", in: root)
        try Self.write("---\ntitre: Seul chapitre\n---\n\n## Section\n\n```encadre\ntexte: Un *encadré* ; avec du texte.\n```\n", to: "Content/mini/01-seul.md", in: root)

        var request = BuildRequest(root: root)
        request.components = [Box()]
        request.passes = [Shout()]
        let sink = DiagnosticSink()
        let outcome = await Builder.run(request, into: sink)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        guard case .built = outcome else { Issue.record("pas construit : \(outcome)"); return }
        let html = try String(contentsOf: root.appendingPathComponent("Output/mini/seul.html"), encoding: .utf8)
        #expect(html.contains("<aside class=\"encadre\">\n<p>Un <em>encadré</em>\u{202F}; avec du texte.</p>\n</aside>"))
        #expect(html.contains("Section !\n</h2>"))
    }

    @Test func anUnknownComponentIsAnErrorThatNamesTheKnownOnes() async throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        try Self.write("titre: Petit guide\nlangue: fr\n", to: "Content/mini/publication.yml", in: root)
        try Self.write("---\ntitre: Seul chapitre\n---\n\n```encadr\ntexte: x\n```\n", to: "Content/mini/01-seul.md", in: root)
        var request = BuildRequest(root: root)
        request.components = [Box()]
        let sink = DiagnosticSink()
        #expect(await Builder.run(request, into: sink) == .failed)
        #expect(sink.diagnostics.contains { $0.message.contains("composant inconnu « encadr »") && ($0.hint ?? "").contains("encadre") && $0.line == 5 && $0.column == 4 }, "\(sink.diagnostics)")
    }

    @Test func aLibraryUserProducesAStrategyDocumentWithTheirOwnComponent() async throws {
        let root = try Self.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["Templates", "Content/data", "Content/guide"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder).deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        try Self.write("---\ntitre: Mot du maire\nnature: liminaire\n---\n\n```encadre\ntexte: Pour {{collectivite.nom}}.\n```\n", to: "Templates/strategie/00-mot.md", in: root)
        let file = try String(contentsOf: Self.repository.appendingPathComponent("Tests/CadreTests/Fixtures/strategies/propre.yml"), encoding: .utf8)
        try Self.write(file, to: "Content/collectivites/propre.yml", in: root)

        var request = StrategyRequest(root: root)
        request.components = [Box()]
        let sink = DiagnosticSink()
        let outcome = await StrategyBatch.run(request, into: sink)
        #expect(outcome.produced == ["propre"], "\(sink.diagnostics)")
        let html = try String(contentsOf: root.appendingPathComponent("Output/strategies/propre/index.html"), encoding: .utf8)
        #expect(html.contains("<aside class=\"encadre\">"))
        #expect(html.contains("class=\"afom\""))
    }

    @Test func markdownReadsIntoADocumentThatAnyWriterCanWrite() {
        let document = DocumentReader.read("## Titre\n\nUn paragraphe avec un [lien](https://exemple.fr).\n")
        guard case .heading(let heading) = document.blocks.first else { Issue.record("pas de titre"); return }
        #expect(heading.level == 2)
        #expect(HTMLWriter().write(document).contains("<a href=\"https://exemple.fr\">lien</a>"))
    }
}
