import Cadre
import Yams
import Foundation
import HTTPTypes
import Hummingbird

/// A collectivité's strategy: the overview, the four steps, and their saving.
extension Routes {
    /// The stored file and what the guide's rules say of it.
    struct Current {
        var version: Version
        var tree: StrategyTree
        var review: StrategyDesk.Review
        var findings: RuleFindings
    }

    func current(_ collectivite: Collectivite) throws -> Current {
        guard let version = try store.latestVersion(of: collectivite) else { throw HTTPError(.notFound) }
        return evaluate(version, collectivite)
    }

    func evaluate(_ version: Version, _ collectivite: Collectivite) -> Current {
        // Composed once for the form's values and for the places diagnostics point at.
        let node = try? Yams.compose(yaml: version.text)
        let tree = node.map(StrategyTree.init(node:)) ?? .empty
        let review = desk.review(version.text, file: "\(collectivite.slug).yml")
        return Current(version: version, tree: tree, review: review, findings: RuleFindings(review: review, locator: FieldLocator(node: node), tree: tree))
    }

    func trail(_ collectivite: Collectivite, _ last: String? = nil, _ user: SignedIn) -> [(String, String)] {
        var trail: [(String, String)] = user.account.role == .admin ? [("Administration", "/")] : []
        trail.append((collectivite.name, "/strategies/\(collectivite.slug)"))
        if let last { trail.append((last, "")) }
        return trail
    }

    func overview(_ user: SignedIn, _ collectivite: Collectivite) throws -> Response {
        let now = try current(collectivite)
        let slug = escape(collectivite.slug)
        var body = "<h1>Stratégie d'action internationale — \(escape(collectivite.name))</h1>"
        body += "<p>Dernier enregistrement le \(Self.when(now.version.savedAt)). <a href=\"/strategies/\(slug)/versions\">Historique des versions</a></p>"
        body += "<h2>Les quatre étapes du guide</h2><ol class=\"etapes\">"
        for step in Steps.all {
            let count = now.findings.findings.filter { $0.step == step.number }.count
            body += "<li><a href=\"/strategies/\(slug)/etape/\(step.number)\">\(escape(step.title))</a>\(count > 0 ? " <span class=\"compte\">(\(count) point\(count > 1 ? "s" : "") à revoir)</span>" : "")</li>"
        }
        body += "</ol>"
        body += now.findings.summary(slug: collectivite.slug, step: nil)
        body += "<h2>Documents</h2>"
        if now.review.blocked {
            body += "<p>Le document sera disponible une fois les erreurs corrigées. Vous pouvez toujours télécharger le fichier de données.</p><ul class=\"telechargements\">"
        } else {
            body += "<p><a href=\"/strategies/\(slug)/apercu/\">Aperçu du document</a> · <a href=\"/strategies/\(slug)/apercu/deliberation.html\">aperçu du projet de délibération</a></p><ul class=\"telechargements\">"
            for (file, label) in [("\(slug).pdf", "Document de stratégie (PDF)"), ("\(slug).odt", "Document de stratégie (ODT, LibreOffice)"), ("\(slug).docx", "Document de stratégie (DOCX, Word)"),
                                  ("\(slug)-deliberation.pdf", "Projet de délibération (PDF)"), ("\(slug)-deliberation.odt", "Projet de délibération (ODT)"), ("\(slug)-deliberation.docx", "Projet de délibération (DOCX)")] {
                body += "<li><a href=\"/strategies/\(slug)/telecharger/\(file)\">\(label)</a></li>"
            }
        }
        body += "<li><a href=\"/strategies/\(slug)/telecharger/\(slug).yml\">Fichier de données (YAML, pour cadre strategie)</a></li></ul>"
        body += "<p><a href=\"/strategies/\(slug)/importer\">Importer un fichier de données</a></p>"
        body += "<h2 id=\"titre-grille\">Grille d'auto-diagnostic</h2>" + Self.grid(now.review)
        return Self.html(Page(title: collectivite.name, body: body, signedIn: user.header, trail: trail(collectivite, nil, user)))
    }

    /// The self-assessment grid: every rule of the guide, met or not.
    static func grid(_ review: StrategyDesk.Review) -> String {
        var html = "<table class=\"grille\" id=\"grille\" aria-labelledby=\"titre-grille\"><thead><tr><th scope=\"col\">Condition du guide</th><th scope=\"col\">État</th></tr></thead><tbody>"
        for line in review.grid {
            let state: (String, String) = switch line.state {
            case .met: ("remplie", "Remplie")
            case .broken(let count): ("non-remplie", count > 1 ? "Non remplie (\(count) fois)" : "Non remplie")
            case .notApplicable(let reason): ("sans-objet", "Sans objet : \(reason)")
            case .unknown: ("inconnue", "À vérifier une fois les erreurs corrigées")
            }
            html += "<tr class=\"\(state.0)\" data-regle=\"\(escape(line.rule))\"><td>\(escape(line.condition))\(line.blocking ? " <em>(condition d'éligibilité)</em>" : "")</td><td>\(escape(state.1))</td></tr>"
        }
        return html + "</tbody></table>"
    }

    func stepPage(_ user: SignedIn, _ collectivite: Collectivite, step number: Int?, saved: Bool = false) throws -> Response {
        guard let number, let step = Steps.step(number) else { return notFound(user: user) }
        let now = try current(collectivite)
        let slug = escape(collectivite.slug)
        let form = FormRenderer(tree: now.tree, desk: desk, findings: now.findings).render(step)
        let navigation = Steps.all.map { other in
            other.number == number ? "<li aria-current=\"step\">\(other.number). \(escape(other.title))</li>"
                : "<li><a href=\"/strategies/\(slug)/etape/\(other.number)\">\(other.number). \(escape(other.title))</a></li>"
        }.joined()
        let next = Steps.step(number + 1).map { "<a class=\"suivant\" href=\"/strategies/\(slug)/etape/\($0.number)\">Étape suivante : \(escape($0.title))</a>" } ?? "<a class=\"suivant\" href=\"/strategies/\(slug)\">Revenir à la vue d'ensemble</a>"
        let body = """
            <nav aria-label="Étapes" class="navigation-etapes"><ol>\(navigation)</ol></nav>
            <h1>Étape \(number) : \(escape(step.title))</h1>
            <p class="introduction">\(escape(step.intro))</p>
            \(now.findings.summary(slug: collectivite.slug, step: number))
            <form method="post" id="formulaire-etape" action="/strategies/\(slug)/etape/\(number)" novalidate>
            \(Page.csrfField(user.csrf))
            \(form)
            <div class="actions"><button type="submit" name="_action" value="enregistrer">Enregistrer</button>
            <p id="etat-enregistrement" role="status" aria-live="polite">\(saved ? "Enregistré à \(Self.clock(now.version.savedAt))" : "")</p></div>
            </form>
            <p>\(next)</p>
            <aside aria-labelledby="titre-grille" class="grille-laterale"><h2 id="titre-grille">Grille d'auto-diagnostic</h2>\(Self.grid(now.review))</aside>
            """
        return Self.html(Page(title: "Étape \(number) — \(collectivite.name)", body: body, signedIn: user.header, trail: trail(collectivite, "Étape \(number)", user)))
    }

    /// A posted step: saved, then the page again (without JavaScript) or the rules as JSON
    /// (autosave, from the page's script).
    func saveStep(_ user: SignedIn, _ collectivite: Collectivite, step number: Int?, form: FormReader, request: Request) async throws -> Response {
        guard let number, let step = Steps.step(number) else { return notFound(user: user) }
        // The stored file's tree only: its review is not needed, the saved one's is.
        guard let stored = try store.latestVersion(of: collectivite) else { return notFound(user: user) }
        let storedTree = StrategyTree(yaml: stored.text) ?? .empty
        let tree = form.apply(step, to: storedTree)
        let isAutosave = request.headers[.xRequestedWith] == "fetch"
        // A hand-written file keeps its text (and comments) until a field actually changes.
        let text = tree == storedTree ? stored.text : tree.yaml
        let version = try store.save(text, of: collectivite, by: user.account, kind: isAutosave ? .autosave : .save)
        guard isAutosave else {
            return Self.redirect("/strategies/\(collectivite.slug)/etape/\(number)?enregistre=1")
        }
        let now = evaluate(version, collectivite)
        var rules: [String: String] = [:]
        for finding in now.findings.findings where finding.step == number {
            if let anchor = finding.anchor { rules[anchor.id + "-regles", default: ""] += RuleFindings.html(finding) }
        }
        let answer: [String: Any] = ["version": version.id ?? 0, "enregistre": "Enregistré à \(Self.clock(version.savedAt))", "regles": rules,
                                     "invalides": now.findings.invalidFields(step: number),
                                     "resume": now.findings.summary(slug: collectivite.slug, step: number), "grille": Self.grid(now.review)]
        let json = try JSONSerialization.data(withJSONObject: answer, options: [.sortedKeys])
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(bytes: json)))
    }
}
