import Foundation

/// The print step of a build: each staged publication's print HTML becomes its PDF(s), then
/// page counts are checked against the budget and refused resources become diagnostics.
struct PrintStage {
    let project: Project
    let staged: StagedOutput
    let sink: DiagnosticSink

    /// One PDF to make for a publication.
    private struct Target {
        let publication: Publication
        let job: PrintJob
        /// The main PDF, whose page count is checked (not the screen version).
        let counted: Bool
    }

    /// Writes the PDFs into the staging folder; false when the engine cannot start at all.
    func run(_ publications: [Publication], engine: PrintEngine, workers: Int) async -> Bool {
        let targets = publications.flatMap(targets(for:))
        let results: [PrintResult]
        do {
            results = try await engine.render(targets.map(\.job), workers: workers)
        } catch let PrintEngineError.unavailable(detail) {
            sink.report(Diagnostic(file: targets.first?.publication.settingsPath ?? "Content", line: 1, message: "\(PrintEngine.installAdvice) (\(detail.trimmingCharacters(in: .whitespacesAndNewlines)))"))
            return false
        } catch {
            sink.report(Diagnostic(file: targets.first?.publication.settingsPath ?? "Content", line: 1, message: "\(PrintEngine.installAdvice) (\(error))"))
            return false
        }
        for (target, result) in zip(targets, results) {
            review(result, of: target)
        }
        return true
    }

    private func targets(for publication: Publication) -> [Target] {
        let name = publication.name
        let settings = publication.settings.impression ?? PrintSettings(norme: .pdfUA1)
        let roots = [project.root.path, staged.output.path]
        func job(_ file: String, _ standard: PDFStandard, css: String?) -> PrintJob {
            PrintJob(html: staged.url("\(name)/impression.html").path, pdf: staged.url("\(name)/\(file)").path, roots: roots,
                     variant: standard.rawValue, css: css.map { [$0] } ?? [], anchors: publication.chapters.map(\.slug),
                     date: Self.date(publication), lang: Self.language(publication.settings.langue))
        }
        var targets = [Target(publication: publication, job: job("\(name).pdf", settings.norme, css: settings.printerCSS), counted: true)]
        if settings.versionEcran == true {
            targets.append(Target(publication: publication, job: job("\(name)-ecran.pdf", .pdfUA1, css: nil), counted: false))
        }
        return targets
    }

    private func review(_ result: PrintResult, of target: Target) {
        let publication = target.publication
        let pdfName = URL(fileURLWithPath: target.job.pdf).lastPathComponent
        guard result.ok, let pages = result.pages else {
            sink.report(Diagnostic(file: publication.settingsPath, line: 1, message: "le moteur PDF n'a pas pu produire \(pdfName) : \(result.error ?? "erreur inconnue")", hint: "vérifiez le gabarit Templates/print/ et ses feuilles de style"))
            return
        }
        let layout = FileManager.default.fileExists(atPath: project.templatesFolder.appendingPathComponent("print/\(publication.name).mustache").path) ? "print/\(publication.name)" : "print/publication"
        for url in Set(result.refused ?? []).sorted() {
            let location = SourceFinder(project: project, publication: publication).locate(url) ?? SourceLocation(file: "Templates/\(layout).mustache", line: 1)
            sink.report(location.error("ressource refusée par le moteur PDF : « \(url) » est hors du projet", hint: "n'utilisez que des fichiers du projet (Templates/assets/, Content/) : ni adresse réseau, ni fichier extérieur"))
        }
        guard target.counted else { return }
        for warning in result.warnings ?? [] {
            sink.report(Diagnostic(.warning, file: "Templates/\(layout).mustache", line: 1, message: "moteur PDF : \(warning)"))
        }
        let pagination = Pagination(pages: pages, chapters: publication.chapters, starts: result.anchors ?? [:])
        let previous = Pagination.read(from: staged.output.appendingPathComponent("\(publication.name)/pagination.json"))
        if let warning = PageBudget.check(pagination, publication: publication, previous: previous) { sink.report(warning) }
        try? staged.add([RenderedFile(path: "\(publication.name)/pagination.json", data: pagination.data)])
    }

    /// The date written in the PDF: `SOURCE_DATE_EPOCH` when set, else the publication's date
    /// when it is a W3C date (`2021`, `2021-06`, `2021-06-30`); never the clock.
    static func date(_ publication: Publication) -> String? {
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            return formatter.string(from: Date(timeIntervalSince1970: epoch))
        }
        guard let date = publication.settings.date, date.range(of: #"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"#, options: .regularExpression) != nil else { return nil }
        return date
    }

    /// `fr` → `fr-FR`: the PDF's language tag names the region.
    static func language(_ langue: String) -> String {
        langue == "fr" ? "fr-FR" : langue
    }
}

/// Finds where a text (a URL) is written in a publication's sources: its chapters, then the templates.
struct SourceFinder {
    let project: Project
    let publication: Publication

    func locate(_ needle: String) -> SourceLocation? {
        let templates = FileLister.files(in: project.templatesFolder, extensions: ["mustache", "css"], recursive: true)
        let files = publication.chapters.map { project.root.appendingPathComponent($0.path) } + templates
        for url in files {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard let range = line.range(of: needle) else { continue }
                return SourceLocation(file: FileLister.relativePath(of: url, to: project.root), line: index + 1, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return nil
    }
}
