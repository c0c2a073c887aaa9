import Foundation
import Testing
@testable import Cadre

/// The guide's two components of issue 10: the « Retour d'accompagnement » box and the
/// power/interest matrix drawn from data.
struct GuideComponentTests {
    static func request(_ name: String, _ body: String, context: [String: Any] = [:]) -> (ComponentRequest, DiagnosticSink) {
        let sink = DiagnosticSink()
        return (ComponentRequest(name: name, body: body, location: SourceLocation(file: "Content/guide/99-essai.md", line: 10), context: context, sink: sink), sink)
    }

    // MARK: retour-accompagnement

    @Test func aSupportFeedbackBoxOpensWithItsLabelAndNamesItsSource() throws {
        let (request, sink) = Self.request("retour-accompagnement", "texte: |\n  Presque tous les accompagnements ont traité de l'organisation.\nsource: termes de référence de l'étude (2021)\n")
        let blocks = try #require(SupportFeedback().blocks(for: request))
        #expect(sink.diagnostics.isEmpty)
        let html = typesetHTML(blocks)
        #expect(html.hasPrefix("<blockquote>\n<p><strong>Retour d’accompagnement.</strong> Presque tous les accompagnements"))
        #expect(html.contains("<em>Source\u{A0}: termes de référence de l’étude (2021)</em>"))
    }

    @Test func aSupportFeedbackBoxWithoutTextIsAnErrorAtItsLine() {
        let (request, sink) = Self.request("retour-accompagnement", "texte: \"\"\n")
        #expect(SupportFeedback().blocks(for: request) == nil)
        let error = sink.diagnostics.first
        #expect(error?.severity == .error && error?.line == 11)
    }

    @Test func theGuideUsesTheComponentForItsSupportBoxes() throws {
        for chapter in ["03-preambule.md", "09-organisation-des-services.md"] {
            let text = try String(contentsOf: Repository.root.appendingPathComponent("Content/guide/\(chapter)"), encoding: .utf8)
            #expect(text.contains("```retour-accompagnement"), "\(chapter)")
            #expect(!text.contains("> **Retour d'accompagnement.**"), "\(chapter)")
        }
    }

    // MARK: matrice-pouvoir-interet

    static var example: [String: Any] { [
        "titre": "Exemple",
        "parties_prenantes": [
            ["nom": "Bailleurs de fonds", "categorie": "Externe", "pouvoir": "5", "interet": "2", "legitimite": "4"],
            ["nom": "Associations <locales>", "categorie": "Externe", "pouvoir": "2", "interet": "4", "legitimite": "3"],
        ],
    ] }

    @Test func theMatrixIsDrawnFromDataWithItsDataTable() throws {
        let (request, sink) = Self.request("matrice-pouvoir-interet", "source: donnees.exemple\n", context: ["donnees": ["exemple": Self.example]])
        let blocks = try #require(PowerInterestMatrix().blocks(for: request))
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let html = typesetHTML(blocks)
        #expect(html.contains("<title id=\"matrice-pouvoir-interet-titre\">Exemple</title>"))
        #expect(html.contains("1. Bailleurs de fonds") && html.contains("2. Associations &lt;locales&gt;"))
        #expect(XMLCheck(String(html[html.range(of: "<svg")!.lowerBound..<html.range(of: "</svg>")!.upperBound])).wellFormed)
    }

    @Test func aScoreOutOfScaleIsAnErrorAtTheSource() {
        var bad = Self.example
        bad["parties_prenantes"] = [["nom": "X", "categorie": "Y", "pouvoir": "7", "interet": "2", "legitimite": "4"]]
        let (request, sink) = Self.request("matrice-pouvoir-interet", "source: donnees.exemple\n", context: ["donnees": ["exemple": bad]])
        #expect(PowerInterestMatrix().blocks(for: request) == nil)
        #expect(sink.diagnostics.first?.message.contains("« pouvoir » entier de 1 à 5") == true)
    }

    @Test func theGuidesExampleMatrixSaysItIsImaginary() throws {
        let text = try String(contentsOf: Repository.root.appendingPathComponent("Content/data/exemple_parties_prenantes.yml"), encoding: .utf8)
        #expect(text.contains("collectivité imaginaire"))
        let chapter = try String(contentsOf: Repository.root.appendingPathComponent("Content/guide/06-elaborer-une-strategie.md"), encoding: .utf8)
        #expect(chapter.contains("```matrice-pouvoir-interet\nsource: donnees.exemple_parties_prenantes"))
    }
}
