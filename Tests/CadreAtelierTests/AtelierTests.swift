import Cadre
import Foundation
import XCTest
@testable import CadreAtelier

/// `cadre atelier` started on a free loopback port over the repository's project, with its
/// database in a scratch folder, asked over real HTTP as two collectivités and their administrator.
final class AtelierTests: XCTestCase {
    private var data: URL!
    private var server: Task<Void, Error>!
    private var base: URL!
    private var atelier: Atelier!
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let password = "un mot de passe assez long"

    override func setUp() async throws {
        data = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-atelier-\(UUID().uuidString)")
        atelier = Atelier(root: Self.repository, data: data)
        atelier.port = 0
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        server = Task { [atelier] in try await atelier!.run { port in continuation.yield(port) } }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { return XCTFail("l'atelier n'a pas démarré") }
        base = URL(string: "http://127.0.0.1:\(port)")!
    }

    override func tearDown() async throws {
        server.cancel()
        _ = await server.result
        try? FileManager.default.removeItem(at: data)
    }

    // MARK: Steps a user takes

    /// Sets the password behind a set-up link; the browser is then signed in.
    private func activate(_ link: String, as browser: Browser) async throws {
        let page = try await browser.get(link)
        XCTAssertEqual(page.status, 200, "la page d'activation s'ouvre")
        let done = try await browser.post(link, [("_csrf", Browser.csrf(page.text)), ("mot_de_passe", Self.password), ("confirmation", Self.password)])
        XCTAssertEqual(done.status, 303, "le compte est activé : \(done.text.components(separatedBy: "role=\"alert\"").dropFirst().first?.prefix(200) ?? "") \(browser.cookies)")
    }

    private func admin() async throws -> Browser {
        let browser = Browser(base: base)
        try await activate(try atelier.setUpAdmin(email: "admin@cites-unies.example"), as: browser)
        return browser
    }

    /// Invites `name` as the admin and signs its member in; returns the member's browser and the slug.
    private func invite(_ name: String, email: String, by admin: Browser) async throws -> (Browser, String) {
        let dashboard = try await admin.get("/")
        let invited = try await admin.post("/inviter", [("_csrf", Browser.csrf(dashboard.text)), ("nom", name), ("email", email)])
        XCTAssertEqual(invited.status, 200)
        let link = try XCTUnwrap(invited.text.range(of: #"/activer/[A-Za-z0-9_-]+"#, options: .regularExpression).map { String(invited.text[$0]) }, "la page donne le lien d'invitation")
        let member = Browser(base: base)
        try await activate(link, as: member)
        return (member, AtelierRoutesSlug.slug(name))
    }

    private func importFile(_ text: String, into slug: String, as browser: Browser) async throws {
        let page = try await browser.get("/strategies/\(slug)/importer")
        let imported = try await browser.post("/strategies/\(slug)/importer", [("_csrf", Browser.csrf(page.text)), ("texte", text)])
        XCTAssertEqual(imported.status, 303, imported.text)
    }

    static var valmont: String { try! String(contentsOf: repository.appendingPathComponent("Content/collectivites/valmont.yml"), encoding: .utf8) }

    // MARK: Rights

    func testACollectiviteReachesNothingOfAnother() async throws {
        let admin = try await admin()
        let (valmont, a) = try await invite("Valmont", email: "ri@valmont.example", by: admin)
        let (lys, b) = try await invite("Lys-Aure", email: "ri@lys-aure.example", by: admin)
        let theirs = try await lys.get("/strategies/\(b)/versions")
        let versionID = try XCTUnwrap(theirs.text.range(of: #"/versions/[0-9]+"#, options: .regularExpression).map { String(theirs.text[$0].dropFirst(10)) })
        let before = try await lys.get("/strategies/\(b)/telecharger/\(b).yml").text

        for path in ["/strategies/\(b)", "/strategies/\(b)/etape/1", "/strategies/\(b)/versions", "/strategies/\(b)/versions/\(versionID)",
                     "/strategies/\(b)/telecharger/\(b).yml", "/strategies/\(b)/telecharger/\(b).odt", "/strategies/\(b)/apercu/", "/strategies/\(b)/importer",
                     // The other's version id under one's own address.
                     "/strategies/\(a)/versions/\(versionID)"] {
            let answer = try await valmont.get(path)
            XCTAssertEqual(answer.status, 404, "\(path) reste fermé à une autre collectivité")
            XCTAssertFalse(answer.text.contains("Lys-Aure"), "\(path) ne dit rien de l'autre collectivité")
        }
        let csrf = Browser.csrf(try await valmont.get("/strategies/\(a)/etape/3").text)
        for (path, fields) in [("/strategies/\(b)/etape/3", [("_csrf", csrf), ("vision", "Écrit par une autre collectivité")]),
                               ("/strategies/\(b)/importer", [("_csrf", csrf), ("texte", "collectivite: {}")]),
                               ("/strategies/\(b)/versions/\(versionID)/restaurer", [("_csrf", csrf)]),
                               ("/strategies/\(a)/versions/\(versionID)/restaurer", [("_csrf", csrf)])] {
            let answer = try await valmont.post(path, fields)
            XCTAssertEqual(answer.status, 404, "\(path) refuse l'envoi")
        }
        try await expectEqual(try await lys.get("/strategies/\(b)/telecharger/\(b).yml").text, before, "la stratégie de l'autre collectivité est intacte")
        try await expectFalse(try await valmont.get("/strategies/\(a)/telecharger/\(a).yml").text.contains("Lys-Aure"))
        try await expectEqual(try await valmont.get("/lot/strategies.zip").status, 404, "le lot est réservé à l'administrateur")
        // A member cannot invite.
        let forbidden = try await valmont.post("/inviter", [("_csrf", csrf), ("nom", "Intruse"), ("email", "x@intruse.example")])
        XCTAssertEqual(forbidden.status, 403)
        // The administrator sees both.
        try await expectEqual(try await admin.get("/strategies/\(b)").status, 200)
        try await expectEqual(try await admin.get("/strategies/\(a)").status, 200)
        // Signed out: the sign-in page.
        try await expectEqual(try await Browser(base: base).get("/strategies/\(a)").location, "/connexion")
    }

    func testNoFormIsTakenWithoutItsToken() async throws {
        let admin = try await admin()
        let (member, slug) = try await invite("Valmont", email: "ri@valmont.example", by: admin)
        let before = try await member.get("/strategies/\(slug)/telecharger/\(slug).yml").text
        for token in [nil, "", "un-jeton-invente"] {
            var fields = [("vision", "Changée sans jeton")]
            if let token { fields.append(("_csrf", token)) }
            let answer = try await member.post("/strategies/\(slug)/etape/3", fields)
            XCTAssertEqual(answer.status, 403, "un formulaire sans jeton valable est refusé")
            try await expectEqual(try await member.post("/deconnexion", fields.filter { $0.0 == "_csrf" }).status, 403)
            try await expectEqual(try await admin.post("/inviter", fields + [("nom", "Sans jeton"), ("email", "x@y.example")]).status, 403)
        }
        try await expectEqual(try await member.get("/strategies/\(slug)/telecharger/\(slug).yml").text, before)
        try await expectEqual(try await member.get("/strategies/\(slug)").status, 200, "la session est restée ouverte")
        // Before signing in: the form's own cookie must match.
        let stranger = Browser(base: base)
        let signIn = try await stranger.post("/connexion", [("_csrf", "invente"), ("email", "ri@valmont.example"), ("mot_de_passe", Self.password)])
        XCTAssertEqual(signIn.status, 403)
    }

    func testTheSessionCookieIsHttpOnlySameSiteAndSecureBehindHTTPS() async throws {
        _ = try await admin()
        for https in [false, true] {
            let browser = Browser(base: base)
            let headers = https ? ["X-Forwarded-Proto": "https"] : [:]
            let page = try await browser.get("/connexion", headers: headers)
            let answer = try await browser.post("/connexion", [("_csrf", Browser.csrf(page.text)), ("email", "admin@cites-unies.example"), ("mot_de_passe", Self.password)], headers: headers)
            XCTAssertEqual(answer.status, 303)
            let cookie = try XCTUnwrap(answer.headers["set-cookie"])
            XCTAssertTrue(cookie.hasPrefix("cadre_atelier="))
            XCTAssertTrue(cookie.contains("; HttpOnly"), cookie)
            XCTAssertTrue(cookie.contains("; SameSite=Lax"), cookie)
            XCTAssertEqual(cookie.contains("; Secure"), https, cookie)
        }
    }

    func testSignInIsThrottledAfterFiveFailures() async throws {
        _ = try await admin()
        let browser = Browser(base: base)
        for attempt in 1...6 {
            let page = try await browser.get("/connexion")
            let password = attempt == 6 ? Self.password : "mauvais mot de passe"
            let answer = try await browser.post("/connexion", [("_csrf", Browser.csrf(page.text)), ("email", "admin@cites-unies.example"), ("mot_de_passe", password)])
            XCTAssertEqual(answer.status, attempt == 6 ? 429 : 401, "tentative \(attempt)")
            if attempt == 6 { XCTAssertTrue(answer.text.contains("Trop de tentatives")) }
        }
    }

    func testTwoMembersShareTheirCollectivitesStrategyAndAnAddressStaysWithItsCollectivite() async throws {
        let admin = try await admin()
        let (first, slug) = try await invite("Valmont", email: "ri@valmont.example", by: admin)
        let (second, same) = try await invite("Valmont", email: "elu@valmont.example", by: admin)
        XCTAssertEqual(same, slug, "le même nom désigne la même collectivité")
        try await importFile(Self.valmont, into: slug, as: first)
        try await expectEqual(try await second.get("/strategies/\(slug)/telecharger/\(slug).yml").text, Self.valmont, "le second membre voit ce que le premier a importé")
        _ = try await invite("Lys-Aure", email: "ri@lys-aure.example", by: admin)
        let dashboard = try await admin.get("/")
        let moved = try await admin.post("/inviter", [("_csrf", Browser.csrf(dashboard.text)), ("nom", "Lys-Aure"), ("email", "ri@valmont.example")])
        XCTAssertTrue(moved.text.contains("a déjà un compte"), "une adresse ne passe pas d'une collectivité à l'autre")
        try await expectEqual(try await first.get("/strategies/lys-aure").status, 404)
    }

    // MARK: One source of truth with the command line

    func testAnImportedFileComesBackByteForByteAndGivesTheCommandLinesDocument() async throws {
        let admin = try await admin()
        let (member, slug) = try await invite("Valmont", email: "ri@valmont.example", by: admin)
        XCTAssertEqual(slug, "valmont")
        try await importFile(Self.valmont, into: slug, as: member)
        try await expectEqual(try await member.get("/strategies/\(slug)/telecharger/\(slug).yml").text, Self.valmont, "l'export rend le fichier importé, octet pour octet")

        let output = data.appendingPathComponent("Output")
        let outcome = await StrategyBatch.run(StrategyRequest(root: Self.repository, output: output, files: [Self.repository.appendingPathComponent("Content/collectivites/valmont.yml").path]), into: DiagnosticSink())
        XCTAssertEqual(outcome.produced, ["valmont"])
        let command = try String(contentsOf: output.appendingPathComponent("strategies/valmont/index.html"), encoding: .utf8)
        try await expectEqual(try await member.get("/strategies/\(slug)/apercu/").text, command, "l'aperçu est le document de cadre strategie")
    }

    func testSavingEveryStepUnchangedKeepsTheDocument() async throws {
        let admin = try await admin()
        let (member, slug) = try await invite("Valmont", email: "ri@valmont.example", by: admin)
        try await importFile(Self.valmont, into: slug, as: member)
        let document = try await member.get("/strategies/\(slug)/apercu/").text
        for step in 1...4 {
            let page = try await member.get("/strategies/\(slug)/etape/\(step)")
            let saved = try await member.post("/strategies/\(slug)/etape/\(step)", Browser.formFields(page.text, id: "formulaire-etape") + [("_action", "enregistrer")])
            XCTAssertEqual(saved.status, 303, "étape \(step)")
        }
        let exported = try await member.get("/strategies/\(slug)/telecharger/\(slug).yml").text
        XCTAssertEqual(StrategyTree(yaml: exported), StrategyTree(yaml: Self.valmont), "les quatre étapes enregistrées sans changement gardent les données")
        try await expectEqual(try await member.get("/strategies/\(slug)/apercu/").text, document, "et le document")
    }

    // MARK: The guide's rules as the user types

    func testANewCollectiviteStartsBlankWithTheListOfWhatIsLeftToWrite() async throws {
        let admin = try await admin()
        let (member, slug) = try await invite("Ville de Lys-Aure", email: "ri@lys-aure.example", by: admin)
        try await expectEqual(try await member.get("/strategies/\(slug)/telecharger/\(slug).yml").text, "collectivite:\n  nom: Ville de Lys-Aure\n")
        let overview = try await member.get("/strategies/\(slug)")
        XCTAssertTrue(overview.text.contains("« Vision » est obligatoire"), "le résumé dit ce qu'il reste à écrire, avec les mots du formulaire")
        XCTAssertTrue(overview.text.contains("href=\"/strategies/\(slug)/etape/3#champ-vision\""), "et mène au champ")
        XCTAssertFalse(overview.text.contains("vision: …"), "sans parler YAML")
        let step = try await member.get("/strategies/\(slug)/etape/1")
        XCTAssertTrue(step.text.contains("id=\"champ-collectivite-population-regles\" aria-live=\"polite\"><p class=\"regle erreur\">"), "l'erreur est à côté du champ")
        try await expectEqual(try await member.get("/strategies/\(slug)/telecharger/\(slug).pdf").status, 409)
    }

    func testARuleAppearsBesideItsFieldAndGoesWhenFixed() async throws {
        let admin = try await admin()
        let (member, slug) = try await invite("Valmont", email: "ri@valmont.example", by: admin)
        try await importFile(Self.valmont, into: slug, as: member)
        let page = try await member.get("/strategies/\(slug)/etape/3")
        var fields = Browser.formFields(page.text, id: "formulaire-etape")
        let finding = "<p class=\"regle avertissement\" data-regle=\"objectif-date\">"
        XCTAssertFalse(page.text.contains(finding))
        let index = try XCTUnwrap(fields.firstIndex { $0.0 == "objectifs_specifiques.1.echeance" })
        fields[index].1 = ""
        let broken = try await member.post("/strategies/\(slug)/etape/3", fields, headers: ["X-Requested-With": "fetch"])
        XCTAssertEqual(broken.status, 200)
        let answer = try XCTUnwrap(JSONSerialization.jsonObject(with: broken.body) as? [String: Any])
        let rules = try XCTUnwrap(answer["regles"] as? [String: String])
        XCTAssertTrue(rules["champ-objectifs_specifiques-1-regles"]?.contains(finding) ?? false, "la règle s'affiche sur l'objectif concerné : \(rules)")
        XCTAssertEqual(rules.keys.filter { rules[$0]!.contains("objectif-date") }, ["champ-objectifs_specifiques-1-regles"], "et nulle part ailleurs")
        XCTAssertTrue((answer["enregistre"] as? String)?.hasPrefix("Enregistré à ") ?? false)
        try await expectTrue(try await member.get("/strategies/\(slug)/etape/3").text.contains(finding), "la page rechargée la montre aussi")

        fields[index].1 = "2032-06"
        let fixed = try await member.post("/strategies/\(slug)/etape/3", fields, headers: ["X-Requested-With": "fetch"])
        let after = try XCTUnwrap(JSONSerialization.jsonObject(with: fixed.body) as? [String: Any])
        XCTAssertFalse("\(after["regles"] ?? "")".contains("objectif-date"), "corrigée, la règle disparaît : \(after["regles"] ?? "")")
    }

    func testAValueThatIsNotANumberIsNamedBesideItsFieldAndBlocksTheDocuments() async throws {
        let admin = try await admin()
        let (member, slug) = try await invite("Valmont", email: "ri@valmont.example", by: admin)
        let page = try await member.get("/strategies/\(slug)/etape/1")
        var fields = Browser.formFields(page.text, id: "formulaire-etape")
        fields[try XCTUnwrap(fields.firstIndex { $0.0 == "collectivite.population" })].1 = "douze mille"
        let saved = try await member.post("/strategies/\(slug)/etape/1", fields, headers: ["X-Requested-With": "fetch"])
        let rules = try XCTUnwrap((JSONSerialization.jsonObject(with: saved.body) as? [String: Any])?["regles"] as? [String: String])
        XCTAssertTrue(rules["champ-collectivite-population-regles"]?.contains("regle erreur") ?? false, "\(rules)")
        try await expectTrue(try await member.get("/strategies/\(slug)/telecharger/\(slug).yml").text.contains("population: douze mille"), "ce qui est tapé est gardé")
        try await expectEqual(try await member.get("/strategies/\(slug)/telecharger/\(slug).odt").status, 409, "pas de document tant qu'il y a une erreur")
        try await expectEqual(try await member.get("/strategies/\(slug)/telecharger/\(slug).yml").status, 200, "le fichier de données reste téléchargeable")
    }

    func testAnImportThatIsNotYAMLIsRefusedAndChangesNothing() async throws {
        let admin = try await admin()
        let (member, slug) = try await invite("Valmont", email: "ri@valmont.example", by: admin)
        let before = try await member.get("/strategies/\(slug)/telecharger/\(slug).yml").text
        let page = try await member.get("/strategies/\(slug)/importer")
        // Ten nested aliases of ten: ten billion values once expanded.
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 { bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let refused = try await member.post("/strategies/\(slug)/importer", [("_csrf", Browser.csrf(page.text)), ("texte", bomb)])
        XCTAssertEqual(refused.status, 400)
        XCTAssertTrue(refused.text.contains("Rien n'a été importé"))
        let answer = try await member.post("/strategies/\(slug)/importer", [("_csrf", Browser.csrf(page.text)), ("texte", "collectivite: [nom: {")])
        XCTAssertEqual(answer.status, 400)
        XCTAssertTrue(answer.text.contains("Rien n'a été importé"), answer.text.components(separatedBy: "<main").last ?? "")
        XCTAssertNotNil(answer.text.range(of: "ligne [0-9]+, colonne [0-9]+", options: .regularExpression), "l'erreur dit où")
        try await expectEqual(try await member.get("/strategies/\(slug)/telecharger/\(slug).yml").text, before)
    }

    func testTheAdministratorsBatchHoldsEveryDocumentReadyAndNamesTheOthers() async throws {
        let admin = try await admin()
        let (valmont, a) = try await invite("Valmont", email: "ri@valmont.example", by: admin)
        let (lys, b) = try await invite("Lys-Aure", email: "ri@lys-aure.example", by: admin)
        try await importFile(Self.valmont, into: a, as: valmont)
        try await importFile(Self.valmont.replacingOccurrences(of: "population: 45387", with: "population: beaucoup"), into: b, as: lys)
        let batch = try await admin.get("/lot/strategies.zip")
        XCTAssertEqual(batch.status, 200)
        XCTAssertEqual(batch.headers["content-type"], "application/zip")
        XCTAssertEqual(Array(batch.body.prefix(4)), [0x50, 0x4B, 0x03, 0x04], "une archive zip")
        let names = String(decoding: batch.body, as: UTF8.self)
        for file in ["strategies/valmont/index.html", "strategies/valmont/valmont.odt", "strategies/valmont/valmont.docx",
                     "strategies/valmont/valmont-deliberation.odt", "strategies/valmont/deliberation.html", "strategies/valmont/valmont.yml", "strategies/assets/strategie.css"] {
            XCTAssertTrue(names.contains(file), "l'archive contient \(file)")
        }
        XCTAssertFalse(names.contains("strategies/lys-aure/"), "une stratégie en erreur n'y est pas")
        XCTAssertEqual(batch.headers["x-cadre-non-produites"], "lys-aure")
    }

    // MARK: Versions

    func testVersionsSayWhoSavedWhatAndARestoreLosesNothing() async throws {
        let admin = try await admin()
        let (member, slug) = try await invite("Valmont", email: "ri@valmont.example", by: admin)
        let model = try await member.get("/strategies/\(slug)/telecharger/\(slug).yml").text
        try await importFile(Self.valmont, into: slug, as: member)
        let history = try await member.get("/strategies/\(slug)/versions")
        XCTAssertTrue(history.text.contains("ri@valmont.example"), "l'auteur de l'import est nommé")
        XCTAssertTrue(history.text.contains("admin@cites-unies.example"), "l'auteur de la création aussi")
        let ids = history.text.matches(of: /\/versions\/([0-9]+)"/).map { String($0.1) }
        XCTAssertEqual(ids.count, 2)
        let diff = try await member.get("/strategies/\(slug)/versions/\(ids[0])")
        XCTAssertTrue(diff.text.contains("<ins>+ "), "la différence avec la version précédente est montrée")
        let restored = try await member.post("/strategies/\(slug)/versions/\(ids[1])/restaurer", [("_csrf", Browser.csrf(diff.text))])
        XCTAssertEqual(restored.status, 303)
        try await expectEqual(try await member.get("/strategies/\(slug)/telecharger/\(slug).yml").text, model)
        try await expectEqual(try await member.get("/strategies/\(slug)/versions").text.matches(of: /\/versions\/([0-9]+)"/).count, 3, "restaurer ajoute une version")
    }
}

// XCTest's assertions take no `await`: these do.
func expectEqual<T: Equatable>(_ a: @autoclosure () async throws -> T, _ b: @autoclosure () throws -> T, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) async throws {
    let value = try await a()
    XCTAssertEqual(value, try b(), message, file: file, line: line)
}

func expectTrue(_ a: @autoclosure () async throws -> Bool, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) async throws {
    let value = try await a()
    XCTAssertTrue(value, message, file: file, line: line)
}

func expectFalse(_ a: @autoclosure () async throws -> Bool, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) async throws {
    let value = try await a()
    XCTAssertFalse(value, message, file: file, line: line)
}

/// The slug the atelier gives a name (kept beside the tests so that they say it outright).
enum AtelierRoutesSlug {
    static func slug(_ name: String) -> String { Routes.slug(name) }
}
