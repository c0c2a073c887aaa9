import Testing
@testable import Cadre

/// Mustache in chapters: strict variables, Markdown escaping of values.
struct TemplatingTests {
    let context: [String: Any] = [
        "donnees": ["financements": ["ficol": ["montant_min": "200000"]], "reseaux": [["nom": "CUF"], ["nom": "RRMA"]]],
    ]

    @Test func reportsAVariableMissingFromTheContextWithItsLine() {
        let problems = TemplateCheck().problems(in: "Texte\nMontant : {{donnees.financements.ficol.montant_mini}}\n", context: context, file: "c.md", lineOffset: 4)
        #expect(problems.map(\.description) == ["c.md:6:11: erreur: variable « donnees.financements.ficol.montant_mini » absente des données : « donnees.financements.ficol » n'a pas de champ « montant_mini » — vouliez-vous dire « montant_min » ?"])
    }

    @Test func followsSectionsLikeMustache() {
        let good = TemplateCheck().problems(in: "{{#donnees.reseaux}}- {{nom}}\n{{/donnees.reseaux}}", context: context, file: "c.md")
        #expect(good.isEmpty)
        let bad = TemplateCheck().problems(in: "{{#donnees.reseaux}}- {{nome}}\n{{/donnees.reseaux}}", context: context, file: "c.md")
        #expect(bad.count == 1)
    }

    @Test func forbidsUnescapedValuesInChapters() {
        let problems = TemplateCheck(allowsUnescaped: false).problems(in: "{{{donnees.financements.ficol.montant_min}}}", context: context, file: "c.md")
        #expect(problems.first?.message.contains("non échappée") == true)
    }

    @Test func reportsAMissingPartial() {
        let problems = TemplateCheck().problems(in: "{{> partials/entete}}", context: context, file: "t.mustache")
        #expect(problems.first?.message == "gabarit partiel « partials/entete » introuvable")
    }

    @Test func escapesValuesForMarkdown() {
        let hostile = "<script>alert(1)</script> *gras* | [x](javascript:alert(1)) # titre\n- liste"
        let escaped = MarkdownContentType().escapeText(hostile)
        let html = renderMarkdown("Valeur : \(escaped)\n")
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(!html.contains("<em>"))
        #expect(!html.contains("href"))
        #expect(!html.contains("<li>"))
        #expect(html.contains("*gras*"))
    }
}
