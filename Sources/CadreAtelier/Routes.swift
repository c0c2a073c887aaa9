import Cadre
import Foundation
import HTTPTypes
import Hummingbird

/// The atelier's HTTP side: who is asking (session cookie), whether they may (their own
/// collectivité only, unless administrator), and the CSRF token every form posts back.
struct Routes: Sendable {
    let store: Store
    let desk: StrategyDesk
    let printer: PreviewPrinter?
    let root: URL
    let throttle = LoginThrottle()

    static let cookie = "cadre_atelier"
    /// Before signing in, forms are protected by a token in a cookie of their own (double submit).
    static let formCookie = "cadre_atelier_formulaire"

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/_atelier/:file") { _, context in try resource(context.parameters.require("file")) }
        router.get("/connexion") { request, _ in signInPage(request) }
        router.post("/connexion") { request, _ in await signIn(request) }
        router.post("/deconnexion") { request, _ in await signOut(request) }
        router.get("/activer/:token") { request, context in try activationPage(request, token: context.parameters.require("token")) }
        router.post("/activer/:token") { request, context in try await activate(request, token: context.parameters.require("token")) }
        router.get("/") { request, _ in await signedIn(request) { user in try dashboard(user) } }
        router.get("/lot/strategies.zip") { request, _ in await signedIn(request) { user in try await batch(user) } }
        router.post("/inviter") { request, _ in await posted(request) { user, form in try await invite(user, form: form, request: request) } }
        router.get("/strategies/:slug") { request, context in await strategy(request, context) { user, collectivite in try overview(user, collectivite) } }
        router.get("/strategies/:slug/etape/:step") { request, context in
            await strategy(request, context) { user, collectivite in
                try stepPage(user, collectivite, step: context.parameters.get("step", as: Int.self), saved: request.uri.queryParameters["enregistre"] != nil)
            }
        }
        router.post("/strategies/:slug/etape/:step") { request, context in
            await strategyPost(request, context) { user, collectivite, form in
                try await saveStep(user, collectivite, step: context.parameters.get("step", as: Int.self), form: form, request: request)
            }
        }
        router.get("/strategies/:slug/versions") { request, context in await strategy(request, context) { user, collectivite in try versions(user, collectivite) } }
        router.get("/strategies/:slug/versions/:id") { request, context in
            await strategy(request, context) { user, collectivite in try versionPage(user, collectivite, id: context.parameters.get("id", as: Int64.self)) }
        }
        router.post("/strategies/:slug/versions/:id/restaurer") { request, context in
            await strategyPost(request, context) { user, collectivite, _ in try restore(user, collectivite, id: context.parameters.get("id", as: Int64.self)) }
        }
        router.get("/strategies/:slug/importer") { request, context in await strategy(request, context) { user, collectivite in importPage(user, collectivite) } }
        router.post("/strategies/:slug/importer") { request, context in
            await strategyPost(request, context) { user, collectivite, form in try importFile(user, collectivite, form: form) }
        }
        router.get("/strategies/:slug/telecharger/:file") { request, context in
            await strategy(request, context) { user, collectivite in try await download(user, collectivite, name: context.parameters.require("file")) }
        }
        router.get("/strategies/:slug/apercu/") { request, context in await strategy(request, context) { _, collectivite in try await preview(collectivite, page: "index.html") } }
        router.get("/strategies/:slug/apercu/deliberation.html") { request, context in
            await strategy(request, context) { _, collectivite in try await preview(collectivite, page: "deliberation.html") }
        }
        router.get("/strategies/:slug/assets/:file") { request, context in
            await strategy(request, context) { _, _ in try asset(context.parameters.require("file")) }
        }
        return router
    }

    // MARK: Who is asking

    /// The signed-in account and its session, from the cookie.
    func user(_ request: Request) -> SignedIn? {
        guard let token = request.cookies[Self.cookie]?.value, let (session, account) = try? store.session(token: token) else { return nil }
        return SignedIn(account: account, csrf: session.csrf, token: token)
    }

    /// A page for a signed-in account; others go to the sign-in page.
    func signedIn(_ request: Request, _ handler: (SignedIn) async throws -> Response) async -> Response {
        guard let user = user(request) else { return Self.redirect("/connexion") }
        do { return try await handler(user) } catch { return failure(error, user: user) }
    }

    /// A form posted by a signed-in account, with its session's CSRF token.
    func posted(_ request: Request, _ handler: (SignedIn, FormReader) async throws -> Response) async -> Response {
        guard let user = user(request) else { return Self.redirect("/connexion") }
        guard let form = await Self.form(request), let token = form.value(.key("_csrf")), Secrets.same(token, user.csrf) else {
            return errorPage(403, "Formulaire expiré", "Ce formulaire n'a pas été envoyé depuis votre session de l'atelier. Rechargez la page et recommencez.", user: user)
        }
        do { return try await handler(user, form) } catch { return failure(error, user: user) }
    }

    /// A page of a strategy its account may open; 404 for any other, so that a guessed
    /// address tells nothing of what exists.
    func strategy(_ request: Request, _ context: BasicRequestContext, _ handler: (SignedIn, Collectivite) async throws -> Response) async -> Response {
        await signedIn(request) { user in
            guard let slug = context.parameters.get("slug"), let collectivite = try store.collectivite(slug: slug), user.account.mayOpen(collectivite) else {
                return notFound(user: user)
            }
            return try await handler(user, collectivite)
        }
    }

    func strategyPost(_ request: Request, _ context: BasicRequestContext, _ handler: (SignedIn, Collectivite, FormReader) async throws -> Response) async -> Response {
        await posted(request) { user, form in
            guard let slug = context.parameters.get("slug"), let collectivite = try store.collectivite(slug: slug), user.account.mayOpen(collectivite) else {
                return notFound(user: user)
            }
            return try await handler(user, collectivite, form)
        }
    }

    static func form(_ request: Request) async -> FormReader? {
        guard let buffer = try? await request.body.collect(upTo: 4 << 20) else { return nil }
        return FormReader(urlEncoded: String(buffer: buffer))
    }

    // MARK: Responses

    static func html(_ page: Page, headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                                   .contentSecurityPolicy: "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"]
        headers[.xContentTypeOptions] = "nosniff"
        headers[.referrerPolicyHeader] = "same-origin"
        headers.append(contentsOf: extra)
        return Response(status: .init(code: page.status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: page.html)))
    }

    static func redirect(_ location: String, headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.location: location, .cacheControl: "no-store"]
        headers.append(contentsOf: extra)
        return Response(status: .seeOther, headers: headers)
    }

    func errorPage(_ status: Int, _ title: String, _ message: String, user: SignedIn?) -> Response {
        var page = Page(title: title, body: "<h1>\(escape(title))</h1><p>\(escape(message))</p><p><a href=\"/\">Revenir à l'accueil</a></p>", signedIn: user.map { ($0.account.email, $0.csrf) })
        page.status = status
        return Self.html(page)
    }

    func notFound(user: SignedIn?) -> Response {
        errorPage(404, "Page introuvable", "Cette page n'existe pas, ou votre compte n'y a pas accès.", user: user)
    }

    func failure(_ error: any Error, user: SignedIn?) -> Response {
        if let http = error as? HTTPError, http.status == .notFound || http.status == .badRequest { return notFound(user: user) }
        return errorPage(500, "Erreur de l'atelier", "L'opération n'a pas abouti (\(SystemMessage.french(error))). Rien de ce qui était enregistré n'est perdu ; réessayez, et signalez le problème s'il persiste.", user: user)
    }

    /// The session cookie: `HttpOnly`, `SameSite=Lax`, and `Secure` when the request came over
    /// HTTPS (a reverse proxy says so in `X-Forwarded-Proto`).
    static func cookie(_ name: String, _ value: String, maxAge: Int, request: Request, sameSite: String = "Lax") -> HTTPFields {
        let secure = request.headers[.xForwardedProto]?.lowercased() == "https" 
        return [.setCookie: "\(name)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=\(sameSite)\(secure ? "; Secure" : "")"]
    }

    private func resource(_ name: String) throws -> Response {
        let types = ["atelier.css": "text/css; charset=utf-8", "atelier.js": "text/javascript; charset=utf-8"]
        guard let type = types[name], let url = Bundle.module.url(forResource: "Resources/\(name)", withExtension: nil), let data = FileManager.default.contents(atPath: url.path) else {
            throw HTTPError(.notFound)
        }
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The account behind a request, and its session's CSRF token.
struct SignedIn: Sendable {
    var account: Account
    var csrf: String
    /// The cookie's token (to close the session).
    var token: String

    var header: (email: String, csrf: String) { (account.email, csrf) }
}

extension HTTPField.Name {
    /// Set by a reverse proxy that terminates HTTPS.
    static let xForwardedProto = Self("X-Forwarded-Proto")!
    static let xForwardedFor = Self("X-Forwarded-For")!
    /// Set by the atelier's script on an autosave.
    static let xRequestedWith = Self("X-Requested-With")!
    static let referrerPolicyHeader = Self("Referrer-Policy")!
}
