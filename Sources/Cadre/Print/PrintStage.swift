import Foundation

/// The print step of a build: each staged publication's print HTML becomes its PDF(s), then
/// page counts are checked against the budget and refused resources become diagnostics.
struct PrintStage {
    let project: Project
    let staged: StagedOutput
    let sink: DiagnosticSink

    /// One PDF to make.
    private struct Target {
        let job: PrintJob
        /// The file a failure is blamed on (publication.yml, or the collectivité's data file).
        let origin: String
        /// The print layout, blamed for refused resources not found in the sources.
        let layout: String
        /// The publication the PDF is made of (nil for a strategy document).
        let publication: Publication?
        /// Whether its page count is checked against the budget (not for the screen version).
        let checksBudget: Bool
        /// The publication's pagination left by the last build (its link pages go into the job).
        var previous: Pagination? = nil
    }

    /// Writes the PDFs of the publications into the staging folder; false when the engine cannot start at all.
    func run(_ publications: [Publication], engine: PrintEngine, workers: Int) async -> Bool {
        await render(publications.flatMap(targets(for:)), engine: engine, workers: workers)
    }

    /// Writes `<folder>/<slug>/<slug>.pdf` from each strategy document's `index.html`, tagged for accessibility.
    func run(strategies: [(slug: String, origin: String)], folder: String, engine: PrintEngine, workers: Int) async -> Bool {
        let targets = strategies.flatMap { document in
            // The document, and its draft délibération when the project has one.
            [("index.html", "\(document.slug).pdf", StrategyKit.layout), ("deliberation.html", "\(document.slug)-deliberation.pdf", Deliberation.layout)]
                .filter { FileManager.default.fileExists(atPath: staged.url("\(folder)/\(document.slug)/\($0.0)").path) }
                .map { html, pdf, layout in
                    Target(job: PrintJob(html: staged.url("\(folder)/\(document.slug)/\(html)").path, pdf: staged.url("\(folder)/\(document.slug)/\(pdf)").path,
                                         roots: roots, variant: PDFStandard.pdfUA1.rawValue, date: Self.date(nil), lang: "fr-FR"),
                           origin: document.origin, layout: layout, publication: nil, checksBudget: false)
                }
        }
        return await render(targets, engine: engine, workers: workers)
    }

    private var roots: [String] { [project.root.path, staged.output.path] }

    private func render(_ targets: [Target], engine: PrintEngine, workers: Int) async -> Bool {
        let results: [PrintResult]
        do {
            results = try await engine.render(targets.map(\.job), workers: workers)
        } catch {
            sink.report(Diagnostic(file: targets.first?.origin ?? "Content", line: 1, message: "\(PrintEngine.installAdvice) (\("\(error)".trimmingCharacters(in: .whitespacesAndNewlines)))"))
            return false
        }
        for (target, result) in zip(targets, results) {
            await review(result, of: target)
        }
        return true
    }

    private func targets(for publication: Publication) -> [Target] {
        let name = publication.name
        let settings = publication.settings.impression ?? PrintSettings(norme: .pdfUA1)
        let previous = Pagination.read(from: staged.output.appendingPathComponent("\(name)/pagination.json"))
        func target(_ file: String, _ standard: PDFStandard, printer: PrinterVersion?, counted: Bool) -> Target {
            let job = PrintJob(html: staged.url("\(name)/impression.html").path, pdf: staged.url("\(name)/\(file)").path, roots: roots,
                               variant: standard.rawValue, css: printer?.css ?? [], anchors: publication.chapters.map(\.slug),
                               date: Self.date(publication), lang: Self.language(publication.settings.langue), prepress: printer?.prepress,
                               linkPages: previous?.renvois)
            return Target(job: job, origin: publication.settingsPath, layout: publication.printLayout, publication: publication, checksBudget: counted, previous: previous)
        }
        var targets = [target("\(name).pdf", settings.norme, printer: PrinterVersion(settings: settings, templates: project.templatesFolder), counted: true)]
        if settings.versionEcran == true {
            targets.append(target("\(name)-ecran.pdf", .pdfUA1, printer: nil, counted: false))
        }
        return targets
    }

    private func review(_ result: PrintResult, of target: Target) async {
        let pdfName = URL(fileURLWithPath: target.job.pdf).lastPathComponent
        guard result.ok, let pages = result.pages else {
            sink.report(Diagnostic(file: target.origin, line: 1, message: "le moteur PDF n'a pas pu produire \(pdfName) : \(result.error ?? "erreur inconnue")", hint: "vérifiez le gabarit Templates/\(target.layout).mustache et ses feuilles de style"))
            return
        }
        for url in Set(result.refused ?? []).sorted() {
            let location = SourceFinder(project: project, chapters: target.publication?.chapters ?? []).locate(url) ?? SourceLocation(file: "Templates/\(target.layout).mustache", line: 1)
            sink.report(location.error("ressource refusée par le moteur PDF : « \(url) » est hors du projet", hint: "n'utilisez que des fichiers du projet (Templates/assets/, Content/) : ni adresse réseau, ni fichier extérieur"))
        }
        guard target.checksBudget, let publication = target.publication else { return }
        for warning in result.warnings ?? [] {
            sink.report(Diagnostic(.warning, file: "Templates/\(target.layout).mustache", line: 1, message: "moteur PDF : \(warning)"))
        }
        let pagination = Pagination(pages: pages, chapters: publication.chapters, starts: result.anchors ?? [:], links: result.linkPages)
        if let warning = PageBudget.check(pagination, publication: publication, previous: target.previous) { sink.report(warning) }
        try? await staged.add([RenderedFile(path: "\(publication.name)/pagination.json", data: pagination.data)])
    }

    /// The date written in the PDF: `SOURCE_DATE_EPOCH` when set, else the publication's date
    /// when it is a W3C date (`2021`, `2021-06`, `2021-06-30`); never the clock.
    static func date(_ publication: Publication?) -> String? {
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            return formatter.string(from: Date(timeIntervalSince1970: epoch))
        }
        guard let date = publication?.settings.date, date.range(of: #"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"#, options: .regularExpression) != nil else { return nil }
        return date
    }

    /// `fr` → `fr-FR`: the PDF's language tag names the region.
    static func language(_ langue: String) -> String {
        langue == "fr" ? "fr-FR" : langue
    }
}

/// Finds where a text (a URL) is written in the sources: the chapters, then the templates.
/// The engine reports a relative address resolved (`../../../etc/passwd` comes back as
/// `file:///etc/passwd`): when the URL itself is not written anywhere, the longest end of its
/// path that is written after `../` is looked for, and the place where that path starts.
struct SourceFinder {
    let project: Project
    let chapters: [Chapter]

    func locate(_ needle: String) -> SourceLocation? {
        let templates = FileLister.files(in: project.templatesFolder, extensions: ["mustache", "css", "md"], recursive: true)
        let files = chapters.map { project.root.appendingPathComponent($0.path) } + templates
        let texts = files.compactMap { url in (try? String(contentsOf: url, encoding: .utf8)).map { (url, $0) } }
        if let found = first(needle, in: texts) { return found }
        guard needle.hasPrefix("file://") else { return nil }
        let parts = (URL(string: needle)?.path ?? "").split(separator: "/")
        for count in stride(from: parts.count, through: 1, by: -1) {
            if let found = first("../" + parts.suffix(count).joined(separator: "/"), in: texts, backTo: ".") { return found }
        }
        return nil
    }

    /// The first place `needle` is written; with `backTo`, the column moves back over the
    /// characters `.` and `/` before it (the start of a relative path).
    private func first(_ needle: String, in texts: [(URL, String)], backTo: Character? = nil) -> SourceLocation? {
        for (url, text) in texts {
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard var start = line.range(of: needle)?.lowerBound else { continue }
                if backTo != nil {
                    while start > line.startIndex, ".".contains(line[line.index(before: start)]) || line[line.index(before: start)] == "/" { start = line.index(before: start) }
                }
                return SourceLocation(file: FileLister.relativePath(of: url, to: project.root), line: index + 1, column: line.distance(from: line.startIndex, to: start) + 1)
            }
        }
        return nil
    }
}
