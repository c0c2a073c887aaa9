import Foundation

/// A project rendered in memory for the live preview (`cadre serve`): the same pipeline as a
/// build, with nothing written. Every call reads the sources afresh, so that what is shown is
/// what is on disk.
public struct Preview: Sendable {
    /// The project folder.
    public let root: URL

    /// Files parsed by the previous renders, reused while their text is the same.
    private let cache = LoadCache()

    /// A preview of the project at `root`.
    public init(root: URL) { self.root = root.standardizedFileURL }

    /// Something the preview renders on its own: a publication's site, or one strategy document.
    public enum Target: Hashable, Sendable, Comparable {
        /// A publication, by its folder name (`guide`).
        case publication(String)
        /// A strategy document, by its data file relative to the root (`Content/collectivites/valmont.yml`).
        case strategy(String)
    }

    /// One target rendered: its files (paths relative to the output folder, as a build writes
    /// them) and the diagnostics of its sources.
    public struct Rendering: Sendable {
        /// The files, e.g. `guide/cadre-logique.html`.
        public var files: [RenderedFile]
        /// Errors and warnings, sorted.
        public var diagnostics: [Diagnostic]
        /// A publication's page budget (`budget_pages` or `pages_exactes`).
        public var pageBudget: Int?
        /// Whether an error kept the files from being right (the preview then keeps the last good ones).
        public var failed: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// The publication strategy documents quote (`StrategyKit.guidePassages`).
    static let guide = "guide"

    /// The targets the project has now: every publication and every collectivité file.
    public func targets() async -> [Target] {
        let project = await LoadCache.$current.withValue(cache) { await Project.load(root: root, into: DiagnosticSink()) }
        return project.publications.map { .publication($0.name) } + strategyFiles(project).map { .strategy($0) }
    }

    /// The targets a change to `path` (relative to the root) may alter, among `targets`.
    /// A chapter or a publication's settings → its publication (and, for the guide, the strategy
    /// documents that quote it); a collectivité file → its document; shared data or templates → all.
    public static func affected(by path: String, among targets: [Target]) -> [Target] {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= 2, parts[0] == "Content" else {
            if parts.count >= 2, parts[0] == "Templates", parts[1] == "strategie" {
                return targets.filter { if case .strategy = $0 { true } else { false } }
            }
            return targets
        }
        switch parts[1] {
        case "data": return targets
        case "collectivites": return targets.filter { $0 == .strategy(path) }
        case let name:
            return targets.filter { target in
                switch target {
                case .publication(let publication): publication == name
                case .strategy: name == Self.guide
                }
            }
        }
    }

    /// Renders `targets`, loading the project once.
    public func render(_ targets: [Target]) async -> [Target: Rendering] {
        await LoadCache.$current.withValue(cache) { await renderTargets(targets) }
    }

    private func renderTargets(_ targets: [Target]) async -> [Target: Rendering] {
        let projectSink = DiagnosticSink()
        let project = await Project.load(root: root, into: projectSink)
        let layouts = Layouts.load(folder: project.templatesFolder, root: project.root, into: projectSink)
        var renderings: [Target: Rendering] = [:]
        var strategies: [String] = []
        for target in targets.sorted() {
            switch target {
            case .publication(let name):
                let sink = DiagnosticSink()
                sink.report(projectSink.diagnostics.filter { Self.concerns($0, publication: name) })
                guard let publication = project.publications.first(where: { $0.name == name }) else {
                    renderings[target] = Rendering(files: [], diagnostics: sink.diagnostics.sorted())
                    continue
                }
                let files = await PublicationBuild(project: project, publication: publication, layouts: layouts, sink: sink).run()
                renderings[target] = Rendering(files: files, diagnostics: sink.diagnostics.sorted(),
                                               pageBudget: publication.settings.budgetPages ?? publication.settings.pagesExactes)
            case .strategy(let path):
                strategies.append(path)
            }
        }
        guard !strategies.isEmpty else { return renderings }
        let kitSink = DiagnosticSink()
        kitSink.report(projectSink.diagnostics.filter { Self.concerns($0, publication: Self.guide) })
        let kit = kitSink.hasErrors ? nil : StrategyKit(project: project, sink: kitSink)
        let assets = Assets.files(in: project.templatesFolder.appendingPathComponent("assets"), under: "\(StrategyBatch.folder)/assets")
        for path in strategies {
            guard let kit else {
                renderings[.strategy(path)] = Rendering(files: [], diagnostics: kitSink.diagnostics.sorted())
                continue
            }
            let result = await kit.render(root.appendingPathComponent(path))
            var files = assets
            if let document = result.document {
                let folder = "\(StrategyBatch.folder)/\(document.slug)"
                files.append(RenderedFile(path: "\(folder)/index.html", data: Data(document.html.utf8)))
                if let deliberation = document.deliberation {
                    files.append(RenderedFile(path: "\(folder)/deliberation.html", data: Data(deliberation.utf8)))
                }
            }
            renderings[.strategy(path)] = Rendering(files: files, diagnostics: (kitSink.diagnostics + result.diagnostics).sorted())
        }
        return renderings
    }

    /// Whether a diagnostic of the project's loading concerns `publication`: its own files, or
    /// anything that is not another publication's.
    private static func concerns(_ diagnostic: Diagnostic, publication: String) -> Bool {
        let parts = diagnostic.file.split(separator: "/")
        guard parts.count >= 3, parts[0] == "Content", parts[1] != "data" else { return true }
        return parts[1] == publication
    }

    private func strategyFiles(_ project: Project) -> [String] {
        FileLister.files(in: project.contentFolder.appendingPathComponent("collectivites"), extensions: ["yml", "yaml"])
            .map { FileLister.relativePath(of: $0, to: project.root) }
    }
}
