import Cadre
import Foundation

/// The preview's own pages: the index of the project and the print preview.
enum ProofPage {
    /// The print preview: pages printed against the budget, then the PDF.
    static func page(publication: String, chapter: String?, proof: PreviewPrinter.Proof, budget: Int?) -> String {
        let what = chapter.map { "chapitre « \($0) » de « \(publication) »" } ?? "publication « \(publication) »"
        guard proof.pdf != nil else {
            return html(title: "Aperçu avant impression", body: "<p role=\"alert\">Le PDF du \(escaped(what)) n'a pas pu être produit : \(escaped(proof.problem ?? ""))</p>")
        }
        var count = "\(proof.pages) page\(proof.pages > 1 ? "s" : "") imprimée\(proof.pages > 1 ? "s" : "")"
        if let budget {
            count += chapter == nil ? " pour un budget de \(budget)" : " (la publication entière a un budget de \(budget))"
            if chapter == nil, proof.pages > budget { count += " : \(proof.pages - budget) de trop" }
        }
        let pdf = "/_cadre/apercu/\(escaped(publication))\(chapter.map { "/" + escaped($0) } ?? "").pdf"
        return html(title: "Aperçu avant impression", body: """
            <p class="cadre-compte">\(escaped(what)) : <strong>\(escaped(count))</strong>. <a href="\(pdf)" download>Télécharger le PDF</a></p>
            <object data="\(pdf)" type="application/pdf" class="cadre-pdf" aria-label="PDF du \(escaped(what))"></object>
            """)
    }

    static func html(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escaped(title)) — cadre</title><link rel="stylesheet" href="/_cadre/live.css"></head>
        <body class="cadre-outil"><main><h1>\(escaped(title))</h1>
        \(body)
        </main></body></html>
        """
    }

    static func escaped(_ text: String) -> String { text.htmlEscaped }
}
