import Cadre
import Foundation
import Hummingbird

/// The strategy document: its preview, and its downloads (PDF, ODT, DOCX, the délibération,
/// the data file). A file with errors gives no document, as `cadre strategie` gives none.
extension Routes {
    func preview(_ collectivite: Collectivite, page: String) async throws -> Response {
        let now = try current(collectivite)
        let rendered = await desk.render(now.version.text, file: "\(collectivite.slug).yml", slug: collectivite.slug)
        guard let file = rendered.files.first(where: { $0.path == "\(StrategyBatch.folder)/\(collectivite.slug)/\(page)" }) else {
            return blocked(collectivite, now)
        }
        // The document as cadre writes it; its own stylesheets, no script.
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                                               .contentSecurityPolicy: "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'none'; frame-ancestors 'none'"],
                        body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
    }

    func asset(_ name: String) throws -> Response {
        guard let file = desk.assetFiles.first(where: { $0.path == "\(StrategyBatch.folder)/assets/\(name)" }) else { throw HTTPError(.notFound) }
        let type = name.hasSuffix(".css") ? "text/css; charset=utf-8" : name.hasSuffix(".svg") ? "image/svg+xml" : "application/octet-stream"
        return Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
    }

    private func blocked(_ collectivite: Collectivite, _ now: Current) -> Response {
        let slug = escape(collectivite.slug)
        var page = Page(title: "Document indisponible", body: "<h1>Le document ne peut pas encore être produit</h1><p>Le fichier de la stratégie a des erreurs ; corrigez-les, puis revenez.</p>"
            + now.findings.summary(slug: collectivite.slug, step: nil) + "<p><a href=\"/strategies/\(slug)\">Revenir à la stratégie</a></p>")
        page.status = 409
        return Self.html(page)
    }

    func download(_ user: SignedIn, _ collectivite: Collectivite, name: String) async throws -> Response {
        let now = try current(collectivite)
        let slug = collectivite.slug
        if name == "\(slug).yml" {
            return file(Data(now.version.text.utf8), name: name, type: "application/yaml; charset=utf-8")
        }
        let types = ["pdf": "application/pdf", "odt": "application/vnd.oasis.opendocument.text",
                     "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"]
        let stem = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        guard [slug, "\(slug)-deliberation"].contains(stem), let type = types[ext] else { return notFound(user: user) }
        guard !now.review.blocked else { return blocked(collectivite, now) }
        let editable: OutputFormat = ext == "pdf" ? [] : ext == "odt" ? .odt : .docx
        let rendered = await desk.render(now.version.text, file: "\(slug).yml", slug: slug, editable: editable)
        let folder = "\(StrategyBatch.folder)/\(slug)"
        if ext == "pdf" {
            guard let printer else {
                return errorPage(503, "PDF indisponible", "Le moteur PDF (WeasyPrint) n'est pas installé sur ce serveur : lancez « scripts/setup » puis redémarrez l'atelier. Les formats ODT et DOCX restent disponibles.", user: user)
            }
            let page = stem == slug ? "index.html" : "deliberation.html"
            let proof = await printer.print(page: "\(folder)/\(page)", files: rendered.files, root: root)
            guard let pdf = proof.pdf else {
                return errorPage(500, "PDF non produit", "Le moteur PDF a échoué : \(proof.problem ?? "raison inconnue").", user: user)
            }
            return file(pdf, name: name, type: type)
        }
        guard let made = rendered.files.first(where: { $0.path == "\(folder)/\(name)" }) else { return blocked(collectivite, now) }
        return file(made.data, name: name, type: type)
    }

    private func file(_ data: Data, name: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-store", .contentDisposition: "attachment; filename=\"\(name)\""],
                 body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
