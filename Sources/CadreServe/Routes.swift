import Cadre
import Foundation
import Hummingbird

/// What the preview answers. Only files of the site built in memory are served: a path is a
/// key of that site, never a path on disk, so `..` or a link cannot lead out of the project.
struct Routes: Sendable {
    let site: Site
    let channel: ReloadChannel
    let printer: PreviewPrinter?
    let root: URL

    /// The preview's own files and pages live under this prefix.
    static let prefix = "_cadre"

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/") { _, _ in await index() }
        router.get("/_cadre/evenements") { _, _ in events() }
        router.get("/_cadre/etat") { _, _ in await response(Data(Wire.json(site.status()).utf8), type: "application/json") }
        router.get("/_cadre/live.js") { _, _ in resource("live", "js") }
        router.get("/_cadre/live.css") { _, _ in resource("live", "css") }
        router.get("/_cadre/apercu/**") { request, _ in await proof(request.uri.path) }
        router.get("/**") { request, _ in await page(request.uri.path) }
        return router
    }

    /// A site file; HTML pages get the script that keeps them up to date.
    private func page(_ rawPath: String) async -> Response {
        guard let path = Self.sitePath(rawPath) else { return notFound() }
        let key = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
        guard var data = await site.file(key) else {
            // `/guide` → `/guide/`, as a static server would.
            if await site.file(key + "/index.html") != nil {
                return Response(status: .movedPermanently, headers: [.location: "/" + key + "/"])
            }
            return notFound()
        }
        let type = Self.contentType(key)
        if type.hasPrefix("text/html") { data = Self.withLiveScript(data) }
        return response(data, type: type)
    }

    /// The site path of a request path (percent-decoded, without the leading slash), or nil
    /// when it tries to leave the site (`..`, `.`, a backslash, a NUL, a hidden file).
    static func sitePath(_ raw: String) -> String? {
        guard let decoded = raw.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }) else { return nil }
        return parts.joined(separator: "/")
    }

    /// Inserts the live script before `</body>`.
    static func withLiveScript(_ html: Data) -> Data {
        let tag = Data("<link rel=\"stylesheet\" href=\"/\(prefix)/live.css\"><script src=\"/\(prefix)/live.js\" defer></script>\n".utf8)
        guard let end = html.range(of: Data("</body>".utf8), options: .backwards) else { return html + tag }
        var data = html
        data.insert(contentsOf: tag, at: end.lowerBound)
        return data
    }

    /// The stream of changes: the state now, then one event per rebuild.
    private func events() -> Response {
        let stream = channel.listen(first: "{}")
        return Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
                        body: ResponseBody { writer in
                            for await event in stream {
                                // The first message is the current state, read when it is sent.
                                let text = event == "{}" ? Wire.json(Change(version: await site.version, changed: [], status: await site.status())) : event
                                try await writer.write(ByteBuffer(string: "data: \(text)\n\n"))
                            }
                            try await writer.finish(nil)
                        })
    }

    /// `/_cadre/apercu/<publication>[/<chapitre>]`: the print preview page (page count
    /// against the budget, and the PDF); the same with `.pdf`: the PDF itself.
    private func proof(_ rawPath: String) async -> Response {
        guard let path = Self.sitePath(rawPath) else { return notFound() }
        let parts = path.split(separator: "/").dropFirst(2).map(String.init)
        guard (1...2).contains(parts.count) else { return notFound() }
        let wantsPDF = parts.last!.hasSuffix(".pdf")
        let names = parts.map { $0.hasSuffix(".pdf") ? String($0.dropLast(4)) : $0 }
        let publication = names[0], chapter = names.count > 1 ? names[1] : nil
        let files = await site.files(of: publication)
        guard files.contains(where: { $0.path == "\(publication)/impression.html" }) else { return notFound() }
        if let chapter, !files.contains(where: { $0.path == "\(publication)/\(chapter).html" }) { return notFound() }
        let key = names.joined(separator: "/")
        let proof: PreviewPrinter.Proof
        if let kept = await site.proof(key) {
            proof = kept
        } else {
            proof = await printer?.print(publication: publication, chapter: chapter, files: files, root: root)
                ?? PreviewPrinter.Proof(pdf: nil, pages: 0, problem: PrintEngine.installAdvice)
            if proof.pdf != nil { await site.keep(proof, for: key) }
        }
        if wantsPDF, let pdf = proof.pdf {
            return response(pdf, type: "application/pdf")
        }
        let html = ProofPage.page(publication: publication, chapter: chapter, proof: proof, budget: await site.budgets[publication])
        var answer = response(Data(html.utf8), type: "text/html; charset=utf-8")
        if proof.pdf == nil { answer.status = .serviceUnavailable }
        return answer
    }

    private func index() async -> Response {
        let links = await site.index().map { "<li><a href=\"\(ProofPage.escaped($0.path))\">\(ProofPage.escaped($0.title))</a></li>" }.joined()
        let html = ProofPage.html(title: "Aperçu du projet", body: "<ul>\(links)</ul>")
        return response(Self.withLiveScript(Data(html.utf8)), type: "text/html; charset=utf-8")
    }

    private func resource(_ name: String, _ ext: String) -> Response {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources"),
              let data = FileManager.default.contents(atPath: url.path) else { return notFound() }
        return response(data, type: Self.contentType("x.\(ext)"))
    }

    private func response(_ data: Data, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func notFound() -> Response {
        Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: "introuvable\n")))
    }

    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "woff2": "font/woff2"
        case "woff": "font/woff"
        case "ttf": "font/ttf"
        case "otf": "font/otf"
        case "pdf": "application/pdf"
        default: "application/octet-stream"
        }
    }
}
