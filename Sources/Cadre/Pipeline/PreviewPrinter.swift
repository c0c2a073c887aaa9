import Foundation

/// Print previews for `cadre serve`: one WeasyPrint worker, started once and kept warm while
/// the server runs, lays out a chapter or a whole publication when an editor asks.
public final class PreviewPrinter: Sendable {
    /// A print preview: the PDF and its page count, or why there is none.
    public struct Proof: Sendable {
        /// The PDF; nil when the engine failed.
        public var pdf: Data?
        /// Printed pages.
        public var pages: Int
        /// What went wrong, in French.
        public var problem: String?

        /// A proof with `pdf` of `pages` pages, or the `problem` that kept it from being made.
        public init(pdf: Data?, pages: Int, problem: String?) {
            self.pdf = pdf
            self.pages = pages
            self.problem = problem
        }
    }

    private let engine: PrintEngine
    /// Where print HTML and PDFs are written for the worker (removed on `stop`).
    private let folder: URL
    private let queue = WarmQueue()
    private let worker: Task<Void, Never>

    /// Starts the worker of `engine`.
    public init(engine: PrintEngine) throws {
        self.engine = engine
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-apercu-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        worker = Task { [engine, queue] in
            // A worker that dies (a crash in WeasyPrint) is started again; one that cannot start ends the previews.
            while await !queue.isClosed {
                do {
                    try await engine.runWorker(queue)
                    await queue.failInFlight("le moteur PDF s'est arrêté ; il redémarre")
                } catch {
                    await queue.close("\(PrintEngine.installAdvice) (\("\(error)".trimmingCharacters(in: .whitespacesAndNewlines)))")
                }
            }
        }
    }

    /// Lays out the print page of `publication` from its rendered `files` (its `impression.html`
    /// and assets): only the chapter whose anchor is `chapter` when given, else the whole publication.
    public func print(publication: String, chapter: String?, files: [RenderedFile], root: URL) async -> Proof {
        let kept = files.filter { $0.path == "\(publication)/impression.html" || $0.path.hasPrefix("\(publication)/assets/") }
        // A chapter alone: everything else is left out of the layout (not merely hidden).
        let css = chapter.map { ["body > *:not(main), main > *:not(section#\($0)) { display: none !important; }"] } ?? []
        return await print(page: "\(publication)/impression.html", files: kept, root: root, css: css)
    }

    /// Lays out `page`, one of `files` (an HTML page and what it links to, paths as a build
    /// writes them), e.g. a strategy document's `strategies/<nom>/index.html`.
    public func print(page: String, files: [RenderedFile], root: URL, css: [String] = []) async -> Proof {
        let job = folder.appendingPathComponent(UUID().uuidString)
        let pdf = job.appendingPathComponent("document.pdf")
        defer { try? FileManager.default.removeItem(at: job) }
        do {
            for file in files {
                let url = job.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url)
            }
        } catch {
            return Proof(pdf: nil, pages: 0, problem: "écriture impossible dans \(folder.path) : \(SystemMessage.french(error))")
        }
        // The same page asked again (an editor's next look) starts from the link pages of the last one.
        let layout = ([page] + css).joined(separator: "\n")
        let result = await queue.submit(PrintJob(html: job.appendingPathComponent(page).path, pdf: pdf.path,
                                                 roots: [root.path, job.path], variant: PDFStandard.pdfUA1.rawValue, css: css, lang: "fr-FR",
                                                 linkPages: await queue.linkPages[layout]))
        await queue.remember(result.linkPages, for: layout)
        guard result.ok, let data = FileManager.default.contents(atPath: pdf.path) else {
            return Proof(pdf: nil, pages: 0, problem: result.error ?? "le moteur PDF n'a pas produit de fichier")
        }
        return Proof(pdf: data, pages: result.pages ?? 0, problem: nil)
    }

    /// Ends the worker and removes the temporary files.
    public func stop() async {
        await queue.close("le serveur s'arrête")
        await worker.value
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Jobs handed to the warm worker as they come, each answered to whoever submitted it.
private actor WarmQueue: PrintJobSource {
    private var pending: [(index: Int, job: PrintJob)] = []
    private var waitingWorker: CheckedContinuation<(Int, PrintJob)?, Never>?
    private var answers: [Int: CheckedContinuation<PrintResult, Never>] = [:]
    private var counter = 0
    private var closedBecause: String?
    /// The page of each link's target in the last proof of a layout (a page and its extra CSS).
    private(set) var linkPages: [String: [String: Int]] = [:]

    var isClosed: Bool { closedBecause != nil }

    func remember(_ pages: [String: Int]?, for layout: String) {
        linkPages[layout] = pages
    }

    func submit(_ job: PrintJob) async -> PrintResult {
        if let closedBecause { return .failure(closedBecause) }
        counter += 1
        let index = counter
        return await withCheckedContinuation { answer in
            answers[index] = answer
            if let worker = waitingWorker {
                waitingWorker = nil
                worker.resume(returning: (index, job))
            } else {
                pending.append((index, job))
            }
        }
    }

    func take() async -> (Int, PrintJob)? {
        if !pending.isEmpty { return pending.removeFirst() }
        if isClosed { return nil }
        return await withCheckedContinuation { waitingWorker = $0 }
    }

    func finish(_ index: Int, _ result: PrintResult) {
        answers.removeValue(forKey: index)?.resume(returning: result)
    }

    /// Answers the jobs a dead worker took with `message`.
    func failInFlight(_ message: String) {
        let waiting = Set(pending.map(\.index))
        for (index, answer) in answers where !waiting.contains(index) {
            answers[index] = nil
            answer.resume(returning: .failure(message))
        }
    }

    /// No more jobs: the worker ends, and every job not done is answered with `message`.
    func close(_ message: String) {
        closedBecause = closedBecause ?? message
        pending = []
        waitingWorker?.resume(returning: nil)
        waitingWorker = nil
        for answer in answers.values { answer.resume(returning: .failure(message)) }
        answers = [:]
    }
}
