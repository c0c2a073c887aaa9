import Foundation
import Testing
@testable import Cadre

/// Template expansion grows with the chapter, not faster: swift-mustache's parser costs the
/// square of a template's size, so a long chapter is rendered in pieces of a few kilobytes,
/// cut at line ends outside sections, whose expansion is the whole chapter's. (How long it
/// takes is measured by the benchmark, not asserted here.)
struct ExpansionScaleTests {
    static func body(paragraphs: Int, tag: String) -> String {
        String(repeating: "Un paragraphe de texte ordinaire, avec une valeur \(tag) au milieu, et la suite de la phrase.\n\n", count: paragraphs)
    }

    static var context: [String: Any] { ["donnees": ["financements": ["ficol": ["montant": "1 million"], "liste": [["nom": "a"], ["nom": "b"]]]]] }
    static let variable = "{{donnees.financements.ficol.montant}}"
    static let section = "{{#donnees.financements.liste}}{{nom}}{{/donnees.financements.liste}}"

    @Test(arguments: [variable, section])
    func aLongChapterIsCutIntoSmallPiecesAtLineEnds(tag: String) {
        let text = Self.body(paragraphs: 5_000, tag: tag)
        let chunks = Array(ChapterChunks(text))
        #expect(chunks.count > 100)
        // Each piece is a few kilobytes (cut at the first line end after the target), whole lines only.
        #expect(chunks.allSatisfy { $0.text.utf8.count < ChapterChunks.targetSize + 200 })
        #expect(chunks.dropLast().allSatisfy { $0.text.hasSuffix("\n") })
        #expect(chunks.map(\.text).joined() == text)
    }

    @Test func aSectionIsNeverCutInTwo() {
        let section = "{{#donnees.financements.liste}}\n" + String(repeating: "- {{nom}} dans une longue liste\n", count: 400) + "{{/donnees.financements.liste}}\n"
        let chunks = Array(ChapterChunks(String(repeating: "Texte.\n", count: 800) + section + "Fin.\n"))
        let holder = chunks.filter { $0.text.contains("{{#donnees") }
        #expect(holder.count == 1 && holder[0].text.contains("{{/donnees.financements.liste}}"))
    }

    @Test(arguments: [variable, section])
    func piecesExpandToWhatTheWholeChapterWouldGive(tag: String) throws {
        let text = Self.body(paragraphs: 2_000, tag: tag)
        let chapter = Chapter(path: "Content/guide/01-long.md", fileName: "01-long.md", slug: "long", frontMatter: FrontMatter(titre: "Long"), body: text, bodyLine: 4)
        let sink = DiagnosticSink()
        let expanded = try #require(ChapterExpansion.expand(chapter, context: Self.context, into: sink))
        let whole = try ChapterExpansion.parse(chapter).render(Self.context)
        #expect(expanded == whole)
        #expect(sink.diagnostics.isEmpty)
    }

    @Test func standaloneSectionLinesExpandAsInTheWholeChapter() throws {
        let block = "Un paragraphe avant la liste.\n\n{{#donnees.financements.liste}}\n- {{nom}}\n{{/donnees.financements.liste}}\n\n"
        let chapter = Chapter(path: "Content/guide/01-long.md", fileName: "01-long.md", slug: "long", frontMatter: FrontMatter(titre: "Long"), body: String(repeating: block, count: 400), bodyLine: 4)
        let expanded = try #require(ChapterExpansion.expand(chapter, context: Self.context, into: DiagnosticSink()))
        #expect(expanded == (try ChapterExpansion.parse(chapter).render(Self.context)))
    }
}
