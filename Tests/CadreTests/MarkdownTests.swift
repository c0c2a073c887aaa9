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
}
