import Cadre
import Foundation
import Hummingbird

/// The history of a strategy, what each version changed, restoring one, and importing a file.
extension Routes {
    func versions(_ user: SignedIn, _ collectivite: Collectivite) throws -> Response {
        let history = try store.history(of: collectivite)
        let slug = escape(collectivite.slug)
        var body = "<h1>Historique des versions</h1><p>Chaque enregistrement est conservé ; la saisie continue d'une même personne forme une seule version.</p>"
        body += "<table class=\"liste\"><caption>Versions de la stratégie de \(escape(collectivite.name)), de la plus récente à la plus ancienne</caption><thead><tr><th scope=\"col\">Version</th><th scope=\"col\">Enregistrée le</th><th scope=\"col\">Par</th><th scope=\"col\">Nature</th><th scope=\"col\">Changements</th></tr></thead><tbody>"
        for (index, entry) in history.enumerated() {
            let previous = index + 1 < history.count ? history[index + 1].version.text : nil
            let changes = previous.map { LineDiff(old: $0, new: entry.version.text).counts } ?? (0, 0)
            let summary = previous == nil ? "première version" : "+\(changes.0) / −\(changes.1) lignes"
            body += "<tr><td><a href=\"/strategies/\(slug)/versions/\(entry.version.id!)\">n° \(entry.version.id!)</a></td><td>\(Self.when(entry.version.savedAt))</td><td>\(escape(entry.author))</td><td>\(Self.kindLabel(entry.version.kind))</td><td>\(summary)</td></tr>"
        }
        body += "</tbody></table>"
        return Self.html(Page(title: "Versions — \(collectivite.name)", body: body, signedIn: user.header, trail: trail(collectivite, "Versions", user)))
    }

    static func kindLabel(_ kind: Version.Kind) -> String {
        switch kind {
        case .autosave: "saisie (enregistrement automatique)"
        case .save: "enregistrement"
        case .importFile: "import d'un fichier"
        case .restore: "restauration"
        case .creation: "création"
        }
    }

    func versionPage(_ user: SignedIn, _ collectivite: Collectivite, id: Int64?) throws -> Response {
        guard let id, let version = try store.version(id, of: collectivite) else { return notFound(user: user) }
        let previous = try store.previous(version)
        let slug = escape(collectivite.slug)
        var body = "<h1>Version n° \(id)</h1><p>Enregistrée le \(Self.when(version.savedAt)) (\(Self.kindLabel(version.kind))).</p>"
        if let previous {
            body += "<h2>Changements depuis la version n° \(previous.id!)</h2>" + LineDiff(old: previous.text, new: version.text).html
        } else {
            body += "<p>Première version de la stratégie.</p>"
        }
        body += """
            <form method="post" action="/strategies/\(slug)/versions/\(id)/restaurer">\(Page.csrfField(user.csrf))
            <p><button type="submit">Restaurer cette version</button></p>
            <p class="aide">La restauration crée une nouvelle version : aucune version n'est effacée.</p></form>
            """
        return Self.html(Page(title: "Version \(id) — \(collectivite.name)", body: body, signedIn: user.header, trail: trail(collectivite, "Version \(id)", user)))
    }

    func restore(_ user: SignedIn, _ collectivite: Collectivite, id: Int64?) throws -> Response {
        guard let id, let version = try store.version(id, of: collectivite) else { return notFound(user: user) }
        try store.save(version.text, of: collectivite, by: user.account, kind: .restore)
        return Self.redirect("/strategies/\(collectivite.slug)")
    }

    func importPage(_ user: SignedIn, _ collectivite: Collectivite, problem: String? = nil) -> Response {
        let error = problem.map { "<div class=\"resume\" role=\"alert\" id=\"resume-regles\"><p>\(escape($0))</p></div>" } ?? ""
        let body = """
            <h1>Importer un fichier de données</h1>
            <p>Collez le contenu d'un fichier de collectivité (celui que lit <code>cadre strategie</code>, par exemple exporté de l'atelier puis modifié). Il devient la nouvelle version de la stratégie, tel quel ; l'ancienne reste dans l'historique.</p>
            \(error)
            <form method="post" class="formulaire-court">\(Page.csrfField(user.csrf))
            <div class="champ"><label for="fichier">Fichier à lire (facultatif : remplit la zone ci-dessous)</label><input type="file" id="fichier" accept=".yml,.yaml,text/yaml" data-remplit="texte"></div>
            <div class="champ"><label for="texte">Contenu du fichier</label><textarea id="texte" name="texte" rows="16" required></textarea></div>
            <p><button type="submit">Importer</button></p></form>
            """
        var page = Page(title: "Importer — \(collectivite.name)", body: body, signedIn: user.header, trail: trail(collectivite, "Importer", user))
        if problem != nil { page.status = 400 }
        return Self.html(page)
    }

    static let importLimit = 1 << 20

    func importFile(_ user: SignedIn, _ collectivite: Collectivite, form: FormReader) throws -> Response {
        let text = (form.value(.key("texte")) ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return importPage(user, collectivite, problem: "Le fichier est vide.") }
        guard text.utf8.count <= Self.importLimit else { return importPage(user, collectivite, problem: "Le fichier dépasse 1 Mo : un fichier de collectivité en fait quelques dizaines de kilooctets.") }
        if let refusal = StrategyDesk.refusal(text, file: "\(collectivite.slug).yml") {
            return importPage(user, collectivite, problem: "Ce fichier ne peut pas être lu (ligne \(refusal.line), colonne \(refusal.column) : \(refusal.message)). Rien n'a été importé.")
        }
        let review = desk.review(text, file: "\(collectivite.slug).yml")
        if StrategyTree(yaml: text) == nil {
            let first = review.diagnostics.first.map { "ligne \($0.line), colonne \($0.column) : \($0.message)" } ?? "syntaxe YAML invalide"
            return importPage(user, collectivite, problem: "Ce texte n'est pas un fichier YAML lisible (\(first)). Rien n'a été importé.")
        }
        try store.save(text, of: collectivite, by: user.account, kind: .importFile)
        return Self.redirect("/strategies/\(collectivite.slug)")
    }
}

/// What changed between two versions, line by line (longest common subsequence).
struct LineDiff {
    enum Line { case same(String), added(String), removed(String) }
    let lines: [Line]

    init(old: String, new: String) {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Common prefix and suffix first: a save changes a few lines of a long file.
        var start = 0
        while start < a.count, start < b.count, a[start] == b[start] { start += 1 }
        var endA = a.count, endB = b.count
        while endA > start, endB > start, a[endA - 1] == b[endB - 1] { endA -= 1; endB -= 1 }
        let x = Array(a[start..<endA]), y = Array(b[start..<endB])
        var table = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var result: [Line] = a[..<start].map { .same($0) }
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] { result.append(.same(x[i])); i += 1; j += 1 }
            else if j < y.count, i == x.count || table[i][j + 1] >= table[i + 1][j] { result.append(.added(y[j])); j += 1 }
            else { result.append(.removed(x[i])); i += 1 }
        }
        result += a[endA...].map { .same($0) }
        lines = result
    }

    var counts: (Int, Int) {
        lines.reduce((0, 0)) { sum, line in
            switch line {
            case .added: (sum.0 + 1, sum.1)
            case .removed: (sum.0, sum.1 + 1)
            case .same: sum
            }
        }
    }

    /// The changed lines with three lines of context around them.
    var html: String {
        let changed = lines.indices.filter { if case .same = lines[$0] { false } else { true } }
        guard !changed.isEmpty else { return "<p>Aucun changement.</p>" }
        let shown = Set(changed.flatMap { max(0, $0 - 3)...min(lines.count - 1, $0 + 3) })
        var html = "<pre class=\"difference\">"
        var last = -1
        for index in shown.sorted() {
            if last >= 0, index > last + 1 { html += "<span class=\"coupure\">…</span>\n" }
            switch lines[index] {
            case .same(let text): html += "  " + escape(text) + "\n"
            case .added(let text): html += "<ins>+ " + escape(text) + "</ins>\n"
            case .removed(let text): html += "<del>− " + escape(text) + "</del>\n"
            }
            last = index
        }
        return html + "</pre>"
    }
}
