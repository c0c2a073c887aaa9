import Testing
@testable import Cadre

/// Markdown read by cmark-gfm into the document tree, then written as HTML: GFM on, raw HTML off, French labels.
struct MarkdownTests {
    @Test func rendersGFMExtensions() {
        let html = html(of: "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~barré~~ www.exemple.fr\n\n- [x] fait\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>barré</del>"))
        #expect(html.contains("<a href=\"http://www.exemple.fr\">"))
        #expect(html.contains("checked"))
    }

    @Test func dropsRawHTMLAndDangerousLinks() {
        let html = html(of: "<script>alert(1)</script>\n\nTexte <b onclick=x>gras</b> [lien](javascript:alert(1))\n")
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b "))
        #expect(!html.contains("javascript:"))
    }

    @Test func labelsFootnoteBackLinksInFrench() {
        let html = html(of: "Texte[^1].\n\n[^1]: Une note.\n")
        #expect(html.contains("aria-label=\"Retour au texte\""))
        #expect(!html.contains("Back to"))
    }

    @Test func writesHeadingsWithTheirAnchor() {
        var document = DocumentReader.read("## Un *titre* long\n")
        document.updateBlocks { block in
            if case .heading(var heading) = block {
                heading.id = "x"
                block = .heading(heading)
            }
        }
        #expect(HTMLWriter().write(document).contains("<h2 id=\"x\">\nUn <em>titre</em> long\n</h2>"))
    }

    @Test func marksAcronymsWithTheirMeaning() {
        let acronyms = ["DGS": Acronym(sigle: "DGS", definition: "Direction générale des services")]
        let html = renderMarkdown("La DGS et la dgs.\n", acronyms: acronyms)
        #expect(html.contains("La <abbr title=\"Direction générale des services\">DGS</abbr> et la dgs."))
    }

    /// cmark-gfm keeps the extensions' special characters (`~` of strikethrough, those that start
    /// autolinks) in one table for the whole process, and every parse removes them when it ends:
    /// parses on other threads then miss strikethroughs and links. Every parse must give the same HTML.
    @Test func parsesTheSameOnEveryThread() async {
        let markdown = (1...40).map { "Ligne ~~\($0) barrée~~ vers www.exemple\($0).fr et *emphase*.\n" }.joined()
        let expected = html(of: markdown)
        #expect(expected.contains("<del>1 barrée</del>") && expected.contains("<a href=\"http://www.exemple1.fr\">"))
        let results = await Concurrently.map(400, limit: 4) { _ in html(of: markdown) }
        #expect(results.filter { $0 != expected }.count == 0)
    }
}

/// Markdown read into the document tree and written as HTML, no pass run.
func html(of markdown: String) -> String {
    HTMLWriter().write(DocumentReader.read(markdown))
}
