import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A minimal browser for the atelier's tests: real HTTP on loopback, its own cookies, no
/// redirect followed (the tests look at each answer), and a form posted back as a browser
/// without JavaScript would post it.
final class Browser: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    let base: URL
    private(set) var cookies: [String: String] = [:]
    private lazy var session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        return URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }()

    init(base: URL) { self.base = base }

    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var location: String? { headers["location"] }
    }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> Answer {
        try await send("GET", path, body: nil, headers: headers)
    }

    func post(_ path: String, _ fields: [(String, String)], headers: [String: String] = [:]) async throws -> Answer {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send("POST", path, body: Data(body.utf8), headers: headers.merging(["Content-Type": "application/x-www-form-urlencoded"]) { a, _ in a })
    }

    private func send(_ method: String, _ path: String, body: Data?, headers: [String: String]) async throws -> Answer {
        var request = URLRequest(url: path.hasPrefix("http") ? URL(string: path)! : URL(string: path, relativeTo: base)!)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if !cookies.isEmpty { request.setValue(cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; "), forHTTPHeaderField: "Cookie") }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields[String(describing: name).lowercased()] = String(describing: value) }
        if let cookie = fields["set-cookie"], let pair = cookie.split(separator: ";").first {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { cookies[parts[0]] = parts[1].isEmpty ? nil : parts[1] }
        }
        return Answer(status: http.statusCode, headers: fields, body: data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
                    completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// The fields a browser without JavaScript posts for the form `id` of `html` (hidden
    /// inputs, texts, checked boxes, selected options, text areas), in document order.
    static func formFields(_ html: String, id: String? = nil) -> [(String, String)] {
        var form = html
        if let id, let start = html.range(of: "<form method=\"post\" id=\"\(id)\"") {
            form = String(html[start.lowerBound...])
            if let end = form.range(of: "</form>") { form = String(form[..<end.lowerBound]) }
        }
        // A <template> is not part of the form.
        form = form.replacingOccurrences(of: #"<template[\s\S]*?</template>"#, with: "", options: .regularExpression)
        var fields: [(Int, String, String)] = []
        let tag = try! NSRegularExpression(pattern: #"<(input|textarea|select)\b([^>]*)>"#)
        let nsForm = form as NSString
        for match in tag.matches(in: form, range: NSRange(location: 0, length: nsForm.length)) {
            let kind = nsForm.substring(with: match.range(at: 1))
            let attributes = nsForm.substring(with: match.range(at: 2))
            guard let name = attribute("name", in: attributes) else { continue }
            let after = nsForm.substring(from: match.range.location + match.range.length)
            switch kind {
            case "input":
                let type = attribute("type", in: attributes) ?? "text"
                if ["checkbox", "radio"].contains(type), !attributes.contains(" checked") { continue }
                if type == "file" { continue }
                fields.append((match.range.location, name, attribute("value", in: attributes) ?? ""))
            case "textarea":
                let content = after.components(separatedBy: "</textarea>").first ?? ""
                fields.append((match.range.location, name, unescape(content)))
            default:
                let options = after.components(separatedBy: "</select>").first ?? ""
                let selected = options.components(separatedBy: "<option").first { $0.contains(" selected") }
                fields.append((match.range.location, name, selected.flatMap { attribute("value", in: $0) } ?? ""))
            }
        }
        return fields.map { ($0.1, $0.2) }
    }

    private static func attribute(_ name: String, in attributes: String) -> String? {
        guard let range = attributes.range(of: #"\b\#(name)="([^"]*)""#, options: .regularExpression) else { return nil }
        let quoted = attributes[range].drop { $0 != "\"" }.dropFirst().dropLast()
        return unescape(String(quoted))
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The CSRF token of the first form of `html`.
    static func csrf(_ html: String) -> String {
        formFields(html).first { $0.0 == "_csrf" }?.1 ?? ""
    }
}
