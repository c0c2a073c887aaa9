import Testing
@testable import Cadre

/// The cmark-gfm wrapper: GFM on, raw HTML off, French labels.
struct MarkdownTests {
    @Test func rendersGFMExtensions() {
        let html = MarkdownDocument(markdown: "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~barré~~ www.exemple.fr\n\n- [x] fait\n").renderHTML()
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>barré</del>"))
        #expect(html.contains("<a href=\"http://www.exemple.fr\">"))
        #expect(html.contains("checked"))
    }

    @Test func dropsRawHTMLAndDangerousLinks() {
        let html = MarkdownDocument(markdown: "<script>alert(1)</script>\n\nTexte <b onclick=x>gras</b> [lien](javascript:alert(1))\n").renderHTML()
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b "))
        #expect(!html.contains("javascript:"))
    }

    @Test func labelsFootnoteBackLinksInFrench() {
        let html = MarkdownDocument(markdown: "Texte[^1].\n\n[^1]: Une note.\n").renderHTML()
        #expect(html.contains("aria-label=\"Retour au texte\""))
        #expect(!html.contains("Back to"))
    }

    @Test func keepsTextAliveWhenHeadingsAreRewrapped() {
        let document = MarkdownDocument(markdown: "## Un *titre* long\n")
        let heading = document.nodes { $0.kind == .heading }[0]
        heading.wrapChildren(in: document.makeBlock(opening: "<h2 id=\"x\">", closing: "</h2>"))
        #expect(document.renderHTML().contains("<h2 id=\"x\">\nUn <em>titre</em> long\n</h2>"))
    }

    @Test func marksAcronymsWithTheirMeaning() {
        let acronyms = ["DGS": Acronym(sigle: "DGS", definition: "Direction générale des services")]
        let html = renderMarkdown("La DGS et la dgs.\n", acronyms: acronyms)
        #expect(html.contains("La <abbr title=\"Direction générale des services\">DGS</abbr> et la dgs."))
    }

    /// cmark-gfm keeps the extensions' special characters (`~` of strikethrough, those that start
    /// autolinks) in one table for the whole process, and every parse removes them when it ends:
    /// parses on other threads then miss strikethroughs and links. Every parse must give the same HTML.
    @Test func parsesTheSameOnEveryThread() {
        let markdown = (1...40).map { "Ligne ~~\($0) barrée~~ vers www.exemple\($0).fr et *emphase*.\n" }.joined()
        let expected = MarkdownDocument(markdown: markdown).renderHTML()
        #expect(expected.contains("<del>1 barrée</del>") && expected.contains("<a href=\"http://www.exemple1.fr\">"))
        let results = Parallel.map(400, workers: 4) { _ in MarkdownDocument(markdown: markdown).renderHTML() }
        #expect(results.filter { $0 != expected }.count == 0)
    }
}
