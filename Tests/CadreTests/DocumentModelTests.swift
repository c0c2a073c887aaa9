import Foundation
import Testing
@testable import Cadre

/// The document tree in the middle: passes reach every text once, whatever wrote it, and the
/// HTML writer writes every kind of node.
@Suite(.serialized)
struct DocumentModelTests {
    /// A passage of the guide for every type of collectivité, with a cross-reference in it.
    static let passageWithReference = """

    ```selon-type
    types: [commune, intercommunalite, departement, region]
    texte: |
      Relisez [le cadre logique](07-cadre-logique.md#la-structure-du-cadre-logique) avant de fixer vos indicateurs.
    ```
    """

    @Test func aCrossReferenceInAGuidePassageIsALiveLinkInTheGuideAndInStrategyDocuments() async throws {
        let project = try ScratchProject(repositoryContent: ["data", "guide"])
        defer { project.remove() }
        try project.write("Content/guide/11-travailler-en-reseau.md", try project.read("Content/guide/11-travailler-en-reseau.md") + Self.passageWithReference)
        try project.write("Content/collectivites/propre.yml", StrategyRuleTests.clean)

        let (outcome, diagnostics) = await project.build()
        #expect(outcome.succeeded, "\(diagnostics)")
        let guide = try project.read("Output/guide/travailler-en-reseau.html")
        #expect(guide.contains("<a href=\"cadre-logique.html#la-structure-du-cadre-logique\">le cadre logique</a>"))

        let sink = DiagnosticSink()
        let strategies = await StrategyBatch.run(StrategyRequest(root: project.root), into: sink)
        #expect(strategies.produced == ["propre"], "\(sink.diagnostics)")
        let document = try project.read("Output/strategies/propre/index.html")
        #expect(document.contains("<a href=\"../../guide/cadre-logique.html#la-structure-du-cadre-logique\">le cadre logique</a>"))
        #expect(!document.contains("07-cadre-logique.md"))
    }

    @Test func frenchTypographyReachesEveryTextAReaderSeesAndNothingElse() async throws {
        let project = try ScratchProject(repositoryContent: ["data"])
        defer { project.remove() }
        try project.write("Content/data/essai.yml", """
        phrase: "Une valeur ; des données"
        lignes:
          - nom: "Cellule ; de tableau"
            lien: "https://exemple.fr/a;b"
        """)
        try project.write("Content/essai/publication.yml", "titre: Essai\nlangue: fr\n")
        try project.write("Content/essai/01-tout.md", """
        ---
        titre: Tout
        ---

        ## Prose

        Une phrase ; de la prose. {{donnees.essai.phrase}}. Le code `a ; b` et [le lien ; ici](https://exemple.fr/x;y?z=1) et https://exemple.fr/c;d ; la DAECT.

        | Tableau | Markdown |
        |---|---|
        | Une cellule ; simple | fin |

        ```tableau
        source: donnees.essai.lignes
        colonnes:
          nom: Nom ; colonne
          lien: Lien
        ```

        ```selon-type
        types: [commune]
        texte: Un passage ; pour les communes.
        ```
        """)
        let (outcome, diagnostics) = await project.build(publications: ["essai"])
        #expect(outcome.succeeded, "\(diagnostics)")
        let html = try project.read("Output/essai/tout.html")
        for text in ["phrase\u{202F}; de la prose", "valeur\u{202F}; des données", "cellule\u{202F}; simple", "Cellule\u{202F}; de tableau", "Nom\u{202F}; colonne", "passage\u{202F}; pour les communes", "le lien\u{202F}; ici"] {
            #expect(html.contains(text), "« \(text) » sans typographie française")
        }
        // Never inside code, addresses, or attributes.
        #expect(html.contains("<code>a ; b</code>"))
        #expect(html.contains("href=\"https://exemple.fr/x;y?z=1\""))
        #expect(html.contains(">https://exemple.fr/c;d</a>"))
        #expect(html.contains("https://exemple.fr/a;b"))
        #expect(html.contains("title=\"Délégation pour l&#39;action extérieure"))
    }

    @Test func chartLabelsAndStrategyPassagesGetFrenchTypographyOnce() async throws {
        let file = StrategyRuleTests.clean.replacingOccurrences(of: "nom: Comité de jumelage", with: "nom: \"Comité d'amitié ; jumelage\"")
        let project = try StrategyDocumentTests.project(["propre": file])
        defer { project.remove() }
        let (outcome, diagnostics) = await StrategyDocumentTests.run(project)
        #expect(outcome.produced == ["propre"], "\(diagnostics)")
        let html = try project.read("Output/strategies/propre/index.html")
        // In the stakeholder matrix's SVG (its list of names and its description) and in the table.
        #expect(html.components(separatedBy: "Comité d’amitié\u{202F}; jumelage").count > 2)
        #expect(!html.contains("Comité d'amitié"))
        #expect(!html.contains("\u{202F}\u{202F}"))
        // The labels of guide passages, built by a component, are set like the rest.
        #expect(html.contains("Guide, «\u{202F}"))
    }

    @Test func theHTMLWriterWritesEveryKindOfNode() {
        let inlines: [Inline] = [
            .text("texte <&>"), .emphasis([.text("em")]), .strong([.text("fort")]), .strikethrough([.text("barré")]), .code("x < y"),
            .link(Link(target: .external("https://exemple.fr/a b"), title: "titre", content: [.text("lien")])),
            .link(Link(target: .anchor(publication: nil, page: "page", anchor: "ancre"), content: [.text("renvoi")])),
            .link(Link(target: .anchor(publication: "guide", page: "page", anchor: nil), content: [.text("guide")])),
            .link(Link(target: .external("javascript:alert(1)"), content: [.text("danger")])),
            .image(Image(source: "image.png", description: [.text("une image")])),
            .acronym(sigle: "AFD", definition: "Agence française de développement"),
            .noteReference(label: "note", number: 1, occurrence: 1), .softBreak, .lineBreak,
            .span(.classes("niveau"), [.text("OS1")]), .omittedHTML,
        ]
        let table = Table(attributes: .classes("t"), caption: [.text("Légende")], alignments: [.right],
                          head: [TableRow(cells: [TableCell(.columnHeader, [.text("Colonne")])])],
                          body: [TableRow(attributes: .classes("ligne"), cells: [TableCell(.rowHeader, blocks: [.list(List(items: [ListItem(blocks: [.plain([.text("a")])]), ListItem(blocks: [.plain([.text("b")])])]))])])],
                          foot: [TableRow(cells: [TableCell([.text("Total")])])])
        let blocks: [Block] = [
            .heading(Heading(level: 2, content: [.text("Titre")], id: "titre", number: "3.1")),
            .paragraph(inlines),
            .styledParagraph(.classes("etiquette"), [.text("étiquette")]),
            .codeBlock(CodeBlock(language: "yaml", text: "a: <b>")),
            .quote([.paragraph([.text("citation")])]),
            .list(List(start: 3, items: [ListItem(blocks: [.plain([.text("trois")])], task: true)])),
            .figure(Figure(attributes: .classes("tableau"), content: [.table(table)])),
            .figure(Figure(attributes: .classes("schema"), content: [.graphic(StepsGraphic(names: ["Un"], purposes: ["Objet"]))])),
            .callout(Callout(attributes: Attributes(classes: ["selon-type"], pairs: [.init("data-types", "commune")]), blocks: [.paragraph([.text("passage")])])),
            .definitions(DefinitionList(attributes: .classes("acronymes"), items: [([.text("AFD")], [.text("Agence")])])),
            .thematicBreak, .omittedHTML,
        ]
        let document = Document(blocks: blocks, footnotes: [Footnote(label: "note", number: 1, blocks: [.paragraph([.text("La note.")])])])
        let html = HTMLWriter().write(document)
        let expected = [
            "<h2 id=\"titre\">\n<span class=\"numero\">3.1</span> Titre\n</h2>",
            "<p>texte &lt;&amp;&gt;<em>em</em><strong>fort</strong><del>barré</del><code>x &lt; y</code>",
            "<a href=\"https://exemple.fr/a%20b\" title=\"titre\">lien</a>", "<a href=\"page.html#ancre\">renvoi</a>",
            "<a href=\"../guide/page.html\">guide</a>", "<a href=\"\">danger</a>", "<img src=\"image.png\" alt=\"une image\" />",
            "<abbr title=\"Agence française de développement\">AFD</abbr>",
            "<sup class=\"footnote-ref\"><a href=\"#fn-note\" id=\"fnref-note\" data-footnote-ref>1</a></sup>\n<br />\n",
            "<span class=\"niveau\">OS1</span><!-- raw HTML omitted --></p>",
            "<p class=\"etiquette\">étiquette</p>", "<pre><code class=\"language-yaml\">a: &lt;b&gt;</code></pre>",
            "<blockquote>\n<p>citation</p>\n</blockquote>", "<ol start=\"3\">\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> trois</li>\n</ol>",
            "<figure class=\"tableau\">\n<table class=\"t\">\n<caption>Légende</caption>\n<thead><tr><th scope=\"col\" align=\"right\">Colonne</th></tr></thead>",
            "<tr class=\"ligne\"><th scope=\"row\" align=\"right\"><ul><li>a</li><li>b</li></ul></th></tr>\n</tbody>\n<tfoot><tr><td align=\"right\">Total</td></tr></tfoot>\n</table>\n</figure>",
            "<figure class=\"schema\"><svg", "</svg></figure>",
            "<aside class=\"selon-type\" data-types=\"commune\">\n<p>passage</p>\n</aside>",
            "<dl class=\"acronymes\">\n<dt>AFD</dt><dd>Agence</dd>\n</dl>", "<hr />", "<!-- raw HTML omitted -->",
            "<section class=\"footnotes\" data-footnotes aria-label=\"Notes\">\n<ol>\n<li id=\"fn-note\">\n<p>La note. <a href=\"#fnref-note\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Retour au texte\">↩</a></p>\n</li>",
        ]
        for fragment in expected {
            #expect(html.contains(fragment), "manque : \(fragment)")
        }
        // Single-page links (the print page, strategy documents) point into the same file.
        #expect(HTMLWriter(links: .singlePage).write(document).contains("<a href=\"#ancre\">renvoi</a>"))
    }

    @Test func aChartCarriesItsDataAsATable() throws {
        let chart = StakeholderChart(id: "m", title: "Matrice", description: "", points: [.init(label: "Ville", interest: 4, power: 2, legitimacy: 3, group: "Collectivité")])
        let table = try #require(chart.dataTable)
        #expect(Inline.plainText(table.caption ?? []) == "Matrice")
        #expect(table.body.count == 1)
        #expect(HTMLWriter().write([.table(table)]).contains("<th scope=\"row\">Ville</th><td>4</td><td>2</td><td>3</td><td>Collectivité</td>"))
    }
}
