import Foundation

/// One document for the WeasyPrint worker: which print HTML becomes which PDF, and how.
/// Encoded as one JSON line on the worker's standard input (see `weasyprint_worker.py`).
struct PrintJob: Codable, Sendable {
    /// The print HTML, an absolute path.
    var html: String
    /// Where the PDF goes, an absolute path.
    var pdf: String
    /// The only folders the worker may read from.
    var roots: [String]
    /// `pdf/ua-1` (tagged, accessible) or `pdf/x-4` (for the printer).
    var variant: String
    /// Extra style sheets (CSS text) applied with the document's own: bleed and crop marks.
    var css: [String] = []
    /// Element ids whose page numbers the worker reports back (chapter starts).
    var anchors: [String] = []
    /// Creation and modification date written in the PDF (W3C format), for reproducible bytes.
    var date: String?
    /// Document language, such as `fr-FR`.
    var lang: String?
    /// For a PDF/X: bleed, slug and marks of the printer's finish.
    var prepress: Prepress?
    /// The page of each internal link's target in the last build (`pagination.json`), printed
    /// by the links in place of `target-counter(attr(href), page)` while they still hold.
    var linkPages: [String: Int]?
}

/// What the worker answers for one job.
struct PrintResult: Codable, Sendable {
    var ok: Bool
    var pages: Int?
    /// Page number (from 1) of each requested anchor found in the document.
    var anchors: [String: Int]?
    /// Page number (from 1) of every internal link's target.
    var linkPages: [String: Int]?
    /// URLs the document referenced and the worker refused to fetch.
    var refused: [String]?
    /// WeasyPrint's own warnings (unsupported CSS, missing files…).
    var warnings: [String]?
    var error: String?

    static func failure(_ message: String) -> PrintResult {
        PrintResult(ok: false, error: message)
    }
}

/// The worker's first line: whether WeasyPrint could be imported.
struct PrintWorkerGreeting: Codable, Sendable {
    var ready: Bool
    var version: String?
    var error: String?
}
