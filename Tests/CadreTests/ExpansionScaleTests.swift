import Foundation
import Testing
@testable import Cadre

/// Template expansion grows with the chapter, not faster: a chapter of several megabytes with
/// data tags expands in about the time of its size.
@Suite(.serialized)
struct ExpansionScaleTests {
    static func chapter(paragraphs: Int, tag: String) -> Chapter {
        let paragraph = "Un paragraphe de texte ordinaire, avec une valeur \(tag) au milieu, et la suite de la phrase.\n\n"
        return Chapter(path: "Content/guide/01-long.md", fileName: "01-long.md", slug: "long", frontMatter: FrontMatter(titre: "Long"), body: String(repeating: paragraph, count: paragraphs), bodyLine: 4)
    }

    static var context: [String: Any] {  ["donnees": ["financements": ["ficol": ["montant": "1 million"], "liste": [["nom": "a"], ["nom": "b"]]]]] }

    /// Processor time of this thread (expansion runs on the calling thread): other tests
    /// running at the same time do not count.
    static func seconds(_ chapter: Chapter) -> Double {
        func now() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
        let start = now()
        let sink = DiagnosticSink()
        let expanded = ChapterExpansion.expand(chapter, context: context, into: sink)
        #expect(expanded != nil && sink.diagnostics.isEmpty)
        return now() - start
    }

    /// The faster of two runs, against the noise of a busy machine.
    static func bestOf2(_ chapter: Chapter) -> Double { min(seconds(chapter), seconds(chapter)) }

    @Test(arguments: ["{{donnees.financements.ficol.montant}}", "{{#donnees.financements.liste}}{{nom}}{{/donnees.financements.liste}}"])
    func fourTimesTheTextTakesAboutFourTimesAsLong(tag: String) {
        let small = Self.bestOf2(Self.chapter(paragraphs: 5_000, tag: tag))
        let large = Self.bestOf2(Self.chapter(paragraphs: 20_000, tag: tag))
        // Linear: about 4; the square of the size (before): 16 and more.
        #expect(large / small < 8, "0,5 Mo : \(small) s ; 2 Mo : \(large) s")
    }
}
