import Cadre
import Foundation
import HTTPTypes
import Hummingbird

/// Signing in and out, setting up an account from its link, and the administrator's page.
extension Routes {
    func signInPage(_ request: Request, email: String = "", problem: String? = nil, status: Int = 200) -> Response {
        let token = Secrets.token()
        let error = problem.map { "<div class=\"resume\" role=\"alert\" id=\"resume-regles\"><p>\(escape($0))</p></div>" } ?? ""
        var page = Page(title: "Connexion", body: """
            <h1>Connexion à l'atelier</h1>
            <p>L'atelier accompagne votre collectivité dans l'élaboration de sa stratégie d'action internationale, étape par étape, selon la méthode du guide de Cités Unies France.</p>
            \(error)
            <form method="post" action="/connexion" class="formulaire-court">
            \(Page.csrfField(token))
            <div class="champ"><label for="email">Adresse électronique</label><input type="email" id="email" name="email" autocomplete="username" required value="\(escape(email))"></div>
            <div class="champ"><label for="mot_de_passe">Mot de passe</label><input type="password" id="mot_de_passe" name="mot_de_passe" autocomplete="current-password" required></div>
            <p><button type="submit">Se connecter</button></p>
            </form>
            <p class="aide">Pas encore de compte ? L'administrateur de l'atelier vous envoie un lien d'activation.</p>
            """)
        page.status = status
        return Self.html(page, headers: Self.cookie(Self.formCookie, token, maxAge: 3600, request: request, sameSite: "Strict"))
    }

    /// Whether an anonymous form came from the page the atelier gave this browser.
    private func anonymousFormIsOurs(_ request: Request, _ form: FormReader) -> Bool {
        guard let cookie = request.cookies[Self.formCookie]?.value, let posted = form.value(.key("_csrf")) else { return false }
        return Secrets.same(cookie, posted)
    }

    func signIn(_ request: Request) async -> Response {
        guard let form = await Self.form(request), anonymousFormIsOurs(request, form) else {
            return signInPage(request, problem: "Le formulaire a expiré : saisissez à nouveau vos identifiants.", status: 403)
        }
        let email = (form.value(.key("email")) ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let password = form.value(.key("mot_de_passe")) ?? ""
        let keys = ["email:" + email, "adresse:" + (request.headers[.xForwardedFor] ?? "locale")]
        if let wait = await throttle.wait(for: keys) {
            return signInPage(request, email: email, problem: "Trop de tentatives de connexion : réessayez dans \(Int((wait / 60).rounded(.up))) minute(s).", status: 429)
        }
        let account = try? store.account(email: email)
        guard await Secrets.verify(password: password, hash: account?.passwordHash), let account, account.passwordHash != nil,
              let (token, _) = try? store.openSession(for: account) else {
            await throttle.fail(keys)
            return signInPage(request, email: email, problem: "Adresse ou mot de passe incorrect.", status: 401)
        }
        await throttle.succeed(keys)
        return Self.redirect("/", headers: Self.cookie(Self.cookie, token, maxAge: Int(Store.sessionLifetime), request: request))
    }

    func signOut(_ request: Request) async -> Response {
        await posted(request) { user, _ in
            try store.closeSession(token: user.token)
            return Self.redirect("/connexion", headers: Self.cookie(Self.cookie, "", maxAge: 0, request: request))
        }
    }

    func activationPage(_ request: Request, token: String, problem: String? = nil, status: Int = 200) throws -> Response {
        guard let account = try store.invitedAccount(token: token) else {
            return errorPage(404, "Lien d'activation expiré", "Ce lien a déjà servi ou a expiré. Demandez un nouveau lien à l'administrateur de l'atelier.", user: nil)
        }
        let formToken = Secrets.token()
        let error = problem.map { "<div class=\"resume\" role=\"alert\" id=\"resume-regles\"><p>\(escape($0))</p></div>" } ?? ""
        var page = Page(title: "Activer le compte", body: """
            <h1>Activer votre compte</h1>
            <p>Compte : <strong>\(escape(account.email))</strong>. Choisissez un mot de passe d'au moins \(Secrets.minimumPasswordLength) caractères.</p>
            \(error)
            <form method="post" class="formulaire-court">
            \(Page.csrfField(formToken))
            <input type="text" name="email" value="\(escape(account.email))" autocomplete="username" hidden>
            <div class="champ"><label for="mot_de_passe">Mot de passe</label><input type="password" id="mot_de_passe" name="mot_de_passe" autocomplete="new-password" minlength="\(Secrets.minimumPasswordLength)" required></div>
            <div class="champ"><label for="confirmation">Confirmation du mot de passe</label><input type="password" id="confirmation" name="confirmation" autocomplete="new-password" required></div>
            <p><button type="submit">Activer le compte</button></p>
            </form>
            """)
        page.status = status
        return Self.html(page, headers: Self.cookie(Self.formCookie, formToken, maxAge: 3600, request: request, sameSite: "Strict"))
    }

    func activate(_ request: Request, token: String) async throws -> Response {
        guard let form = await Self.form(request), anonymousFormIsOurs(request, form) else {
            return try activationPage(request, token: token, problem: "Le formulaire a expiré : recommencez.", status: 403)
        }
        let password = form.value(.key("mot_de_passe")) ?? ""
        guard password.count >= Secrets.minimumPasswordLength else {
            return try activationPage(request, token: token, problem: "Le mot de passe doit compter au moins \(Secrets.minimumPasswordLength) caractères.", status: 400)
        }
        guard password == form.value(.key("confirmation")) else {
            return try activationPage(request, token: token, problem: "Les deux mots de passe ne sont pas identiques.", status: 400)
        }
        let hash = await Secrets.hash(password: password)
        guard let account = try store.activate(token: token, passwordHash: hash) else { return try activationPage(request, token: token) }
        let (session, _) = try store.openSession(for: account)
        return Self.redirect("/", headers: Self.cookie(Self.cookie, session, maxAge: Int(Store.sessionLifetime), request: request))
    }

    // MARK: The administrator

    func dashboard(_ user: SignedIn, invited: (Collectivite, String)? = nil, problem: String? = nil, request: Request? = nil) throws -> Response {
        guard user.account.role == .admin else {
            guard let id = user.account.collectiviteId, let collectivite = try store.collectivite(id: id) else { return notFound(user: user) }
            return Self.redirect("/strategies/\(collectivite.slug)")
        }
        var body = "<h1>Administration de l'atelier</h1>"
        if let (collectivite, token) = invited {
            let link = "\(baseURL(request))/activer/\(token)"
            body += "<div class=\"resume ok\" role=\"status\"><p>Invitation pour \(escape(collectivite.name)) prête. Envoyez ce lien d'activation à la personne invitée (il ne sert qu'une fois, pendant sept jours ; il remplace un lien envoyé plus tôt et permet de choisir un nouveau mot de passe) :</p><p><code class=\"lien-invitation\">\(escape(link))</code></p></div>"
        }
        if let problem { body += "<div class=\"resume\" role=\"alert\" id=\"resume-regles\"><p>\(escape(problem))</p></div>" }
        let collectivites = try store.collectivites()
        body += "<h2>Collectivités</h2>"
        if collectivites.isEmpty {
            body += "<p>Aucune collectivité n'est encore invitée.</p>"
        } else {
            body += "<table class=\"liste\"><caption>Stratégies en cours</caption><thead><tr><th scope=\"col\">Collectivité</th><th scope=\"col\">Dernier enregistrement</th><th scope=\"col\">État</th></tr></thead><tbody>"
            for collectivite in collectivites {
                let latest = try store.latestVersion(of: collectivite)
                let review = latest.map { desk.review($0.text, file: "\(collectivite.slug).yml") }
                let state = review.map { $0.blocked ? "Erreurs à corriger" : "Prête à produire" } ?? "—"
                body += "<tr><td><a href=\"/strategies/\(escape(collectivite.slug))\">\(escape(collectivite.name))</a></td><td>\(latest.map { Self.when($0.savedAt) } ?? "—")</td><td>\(state)</td></tr>"
            }
            body += "</tbody></table>"
            body += "<p><a href=\"/lot/strategies.zip\">Télécharger tous les documents prêts (HTML, ODT, DOCX et projets de délibération, avec leurs fichiers de données), en une archive zip</a></p>"
            body += "<p class=\"aide\">Les PDF s'obtiennent document par document, ou par <code>cadre strategie --format pdf</code> sur les fichiers de données de l'archive.</p>"
        }
        body += """
            <h2>Inviter une collectivité ou l'un de ses membres</h2>
            <p class="aide">Une collectivité déjà invitée, nommée de la même façon, reçoit un membre de plus ; une personne déjà invitée reçoit un nouveau lien (mot de passe oublié).</p>
            <form method="post" action="/inviter" class="formulaire-court">
            \(Page.csrfField(user.csrf))
            <div class="champ"><label for="nom">Nom de la collectivité</label><input type="text" id="nom" name="nom" required></div>
            <div class="champ"><label for="email">Adresse électronique de son référent</label><input type="email" id="email" name="email" required autocomplete="off"></div>
            <p><button type="submit">Inviter</button></p>
            </form>
            """
        return Self.html(Page(title: "Administration", body: body, signedIn: user.header))
    }

    func invite(_ user: SignedIn, form: FormReader, request: Request) async throws -> Response {
        guard user.account.role == .admin else { return errorPage(403, "Accès refusé", "Seul l'administrateur de l'atelier invite des collectivités.", user: user) }
        let name = (form.value(.key("nom")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let email = (form.value(.key("email")) ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard !name.isEmpty, email.contains("@"), !email.contains(" ") else {
            return try dashboard(user, problem: "Indiquez le nom de la collectivité et une adresse électronique valable.", request: request)
        }
        let slug = Self.slug(name)
        // A blank file, its name alone: the summary of errors is the list of what is left to
        // write, and no example text is there to be left in a voted document by mistake.
        let start = StrategyTree.map([("collectivite", .map([("nom", .scalar(name, typed: false))]))]).yaml
        do {
            let invited = try store.invite(collectivite: name, slug: slug, email: email, model: start, by: user.account)
            return try dashboard(user, invited: invited, request: request)
        } catch Store.InvitationProblem.emailTaken {
            return try dashboard(user, problem: "L'adresse \(email) a déjà un compte, pour une autre collectivité ou pour l'administration.", request: request)
        }
    }

    /// The administrator's batch: every strategy without errors, in one zip archive.
    func batch(_ user: SignedIn) async throws -> Response {
        guard user.account.role == .admin else { return notFound(user: user) }
        var files: [(slug: String, text: String)] = []
        for collectivite in try store.collectivites() {
            if let version = try store.latestVersion(of: collectivite) { files.append((collectivite.slug, version.text)) }
        }
        let archive = try await desk.archive(files)
        var headers: HTTPFields = [.contentType: "application/zip", .cacheControl: "no-store", .contentDisposition: "attachment; filename=\"strategies.zip\""]
        // The strategies left out, by folder name, for the administrator's script.
        headers[HTTPField.Name("X-Cadre-Non-Produites")!] = archive.failed.joined(separator: " ")
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: archive.data)))
    }

    /// The address the browser used, for links to send.
    func baseURL(_ request: Request?) -> String {
        guard let request, let host = request.head.authority else { return "" }
        let https = request.headers[.xForwardedProto]?.lowercased() == "https"
        return (https ? "https://" : "http://") + host
    }

    /// `Ville de Valmont-sur-Loire` → `ville-de-valmont-sur-loire`.
    static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "fr_FR")).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { slug.unicodeScalars.append(scalar) } else if !slug.hasSuffix("-") { slug += "-" }
        }
        slug = slug.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        if slug.isEmpty { slug = "collectivite" }
        if slug == "assets" { slug = "collectivite-assets" }
        return String(slug.prefix(80))
    }

    /// « 3 décembre 2026 à 10:32:05 », Paris time.
    static func when(_ time: Double) -> String { paris(time, "d MMMM yyyy 'à' HH:mm:ss") }

    /// « 10:32:05 », Paris time.
    static func clock(_ time: Double) -> String { paris(time, "HH:mm:ss") }

    private static func paris(_ time: Double, _ format: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "fr_FR")
        formatter.timeZone = TimeZone(identifier: "Europe/Paris")
        formatter.dateFormat = format
        return formatter.string(from: Date(timeIntervalSince1970: time))
    }
}
