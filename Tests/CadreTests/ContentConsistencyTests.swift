import Foundation
import Testing
@testable import Cadre

/// What issue 10 asked of the guide and the plaquette, held by tests: one figure for the
/// collectivités acting abroad, the typology shared by both publications, DAECT once on the map
/// of actors, and the sections an editor would look for.
@Suite(.serialized)
struct ContentConsistencyTests {
    /// The site pages of the guide and the plaquette, built once into a temporary folder.
    static func build() async throws -> (guide: [String: String], plaquette: String, cleanup: () -> Void) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-coherence-\(UUID().uuidString)")
        let sink = DiagnosticSink()
        let outcome = await Builder.run(BuildRequest(root: Repository.root, output: output, publications: ["guide", "plaquette"]), into: sink)
        #expect(sink.diagnostics.map(\.description) == [])
        guard case .built = outcome else {
            Issue.record("build failed")
            return ([:], "", { try? FileManager.default.removeItem(at: output) })
        }
        let folder = output.appendingPathComponent("guide")
        var guide: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".html") {
            guide[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        let plaquette = try String(contentsOf: output.appendingPathComponent("plaquette/impression.html"), encoding: .utf8)
        return (guide, plaquette, { try? FileManager.default.removeItem(at: output) })
    }

    /// Text with its tags removed and every kind of space made a plain space.
    static func text(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "[\u{00A0}\u{202F}\u{2009}]", with: " ", options: .regularExpression)
    }

    @Test func guideAndPlaquetteAgreeOnTheIssueTenPoints() async throws {
        let (guide, plaquette, cleanup) = try await Self.build()
        defer { cleanup() }
        let foreword = Self.text(guide["avant-propos.html"] ?? "")
        let summary = Self.text(plaquette)

        // One figure for the collectivités acting abroad: the MEAE's 4 700, in both.
        #expect(foreword.contains("4700 collectivités") || foreword.contains("4 700 collectivités"))
        #expect(summary.contains("4700 collectivités") || summary.contains("4 700 collectivités"))
        #expect(!foreword.contains("près de 5000 collectivités") && !foreword.contains("près de 5 000 collectivités"))

        // Sustainable development is named before education and youth in the survey's themes.
        let issues = Self.text(guide["enjeux-politiques.html"] ?? "")
        if let durable = issues.range(of: "développement durable et l’environnement arrivent en tête"),
           let education = issues.range(of: "l’éducation et la jeunesse viennent en deuxième position") {
            #expect(durable.lowerBound < education.lowerBound)
        } else {
            Issue.record("classement des thèmes de l'enquête introuvable au chapitre des enjeux")
        }

        // The typology feeds both publications; the plaquette keeps the short rattachement table.
        let organisation = Self.text(guide["organisation-des-services.html"] ?? "")
        for level in ["Quelques partenariats", "Un programme thématique", "Une politique intégrée", "Petite commune", "Département", "Région"] {
            #expect(organisation.contains(level), "typologie : « \(level) » absent du guide")
        }
        #expect(summary.contains("Petite commune") && summary.contains("Le principal atout"))

        // DAECT appears once among the boxes of the map of actors.
        guard let mark = plaquette.range(of: "aria-labelledby=\"carte-acteurs-titre"),
              let start = plaquette.range(of: "<svg", options: .backwards, range: plaquette.startIndex..<mark.lowerBound),
              let end = plaquette.range(of: "</svg>", range: mark.upperBound..<plaquette.endIndex) else {
            Issue.record("carte des acteurs introuvable dans la plaquette")
            return
        }
        let boxes = plaquette[start.lowerBound..<end.upperBound].components(separatedBy: "<text").dropFirst()
            .filter { $0.components(separatedBy: "</text>")[0].contains("DAECT") }
        #expect(boxes.count == 1)

        // Legal must-dos, DCOL feedback, scenarios, quiz and the toolbox are in the guide.
        let everything = guide.values.map(Self.text).joined()
        for passage in ["transmise au représentant de l’État", "Retour d’accompagnement", "Mise en situation : trouver un partenaire",
                        "Mise en situation : cofinancer un projet d’eau", "Sept questions pour vérifier ses connaissances",
                        "Un plan type, à adapter à la collectivité", "Six idées reçues et leurs réponses"] {
            #expect(everything.contains(passage), "guide : « \(passage) » introuvable")
        }
    }
}
