import Foundation

/// What the atelier asks of cadre for one collectivité's file kept in its database: the same
/// checks and the same documents as `cadre strategie`, from the file's text. The project
/// (templates, shared data, the guide's passages) is loaded once, when the desk opens.
public struct StrategyDesk: Sendable {
    private let kit: StrategyKit
    private let assets: [RenderedFile]

    /// The desk of the project at `root`; nil, with the project's problems in `sink`, when its
    /// templates or shared data have errors.
    public static func open(root: URL, into sink: DiagnosticSink) async -> StrategyDesk? {
        let project = await Project.load(root: root.standardizedFileURL, into: sink)
        guard !sink.hasErrors, let kit = StrategyKit(project: project, sink: sink) else { return nil }
        return StrategyDesk(kit: kit, assets: Assets.files(in: project.templatesFolder.appendingPathComponent("assets"), under: "\(StrategyBatch.folder)/assets"))
    }

    /// The documents' stylesheets, at `strategies/assets/`.
    public var assetFiles: [RenderedFile] { assets }

    /// A rule of the self-assessment grid, as it stands for one file.
    public struct GridLine: Sendable, Equatable {
        /// The rule's identifier, as diagnostics quote it (`objectif-mesurable`).
        public var rule: String
        /// The condition, as the grid states it.
        public var condition: String
        /// Whether a broken rule is an error (the plan cannot be submitted) or advice.
        public var blocking: Bool
        public var state: State

        public enum State: Sendable, Equatable {
            case met
            /// Broken this many times.
            case broken(Int)
            /// Why the rule does not concern the file.
            case notApplicable(String)
            /// The file has errors that keep it from being read: the rule cannot be checked yet.
            case unknown
        }
    }

    /// A file's diagnostics and its grid.
    public struct Review: Sendable {
        /// Errors (the document cannot be produced) and the guide's advice, sorted.
        public var diagnostics: [Diagnostic]
        /// The guide's rules, in the grid's order.
        public var grid: [GridLine]
        /// Whether an error keeps the document from being produced.
        public var blocked: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Why `text` cannot even be read (too large, too deep, aliases that expand to millions of
    /// values): the limits every YAML file of cadre is held to; nil when it can.
    public static func refusal(_ text: String, file: String) -> Diagnostic? {
        YAMLLimits.check(YAMLSource(text: text, file: file))
    }

    /// Reads and checks `text`, named `file` in diagnostics, without rendering it.
    public func review(_ text: String, file: String) -> Review {
        let sink = DiagnosticSink()
        guard let strategy = YAMLDecoding.decode(Strategy.self, from: YAMLSource(text: text, file: file), into: sink) else {
            return Review(diagnostics: sink.diagnostics.sorted(), grid: Self.grid(nil))
        }
        let check = StrategyCheck(strategy, guide: kit.guide, file: file)
        sink.report(check.diagnostics)
        return Review(diagnostics: sink.diagnostics.sorted(), grid: Self.grid((strategy, check.broken)))
    }

    private static func grid(_ checked: (Strategy, [String: Int])?) -> [GridLine] {
        StrategyRule.all.map { rule in
            let state: GridLine.State
            if let (strategy, broken) = checked {
                if let count = broken[rule.id] {
                    state = .broken(count)
                } else if let reason = rule.notApplicable(to: strategy) {
                    state = .notApplicable(reason)
                } else {
                    state = .met
                }
            } else {
                state = .unknown
            }
            return GridLine(rule: rule.id, condition: rule.condition, blocking: rule.severity == .error, state: state)
        }
    }

    /// The document of `text`, named `file` in diagnostics: `strategies/<slug>/index.html`, its
    /// draft délibération, its stylesheets and, when asked, its ODT and DOCX (paths as a build
    /// writes them); no file when the text has errors.
    public func render(_ text: String, file: String, slug: String, editable: OutputFormat = []) async -> (diagnostics: [Diagnostic], files: [RenderedFile]) {
        let result = await kit.render(text: text, path: file, slug: slug, editable: editable)
        guard let document = result.document else { return (result.diagnostics.sorted(), []) }
        let folder = "\(StrategyBatch.folder)/\(slug)"
        var files = assets + [RenderedFile(path: "\(folder)/index.html", data: Data(document.html.utf8))] + document.editable
        if let deliberation = document.deliberation {
            files.append(RenderedFile(path: "\(folder)/deliberation.html", data: Data(deliberation.utf8)))
        }
        return (result.diagnostics.sorted(), files)
    }

    /// The batch of the atelier's administrator: every file without errors rendered (HTML, its
    /// délibération, ODT and DOCX) into one zip archive laid out as `cadre strategie` lays out
    /// `Output/strategies/`, each data file beside its document; the names of the files left
    /// out because they have errors.
    public func archive(_ files: [(slug: String, text: String)], jobs: Int = 2) async throws -> (data: Data, failed: [String]) {
        let rendered = await Concurrently.map(files.count, limit: jobs) { index in
            await render(files[index].text, file: "\(files[index].slug).yml", slug: files[index].slug, editable: [.odt, .docx])
        }
        var package = ZipPackage()
        var failed: [String] = []
        var assetsAdded = false
        for (file, result) in zip(files, rendered) {
            guard !result.files.isEmpty else {
                failed.append(file.slug)
                continue
            }
            for made in result.files where !made.path.hasPrefix("\(StrategyBatch.folder)/assets/") || !assetsAdded {
                package.add(made.path, made.data)
            }
            assetsAdded = true
            package.add("\(StrategyBatch.folder)/\(file.slug)/\(file.slug).yml", text: file.text)
        }
        return (try package.data(), failed)
    }

    /// A value a field of the file may take, with its label in the guide's words.
    public struct Choice: Sendable, Equatable {
        public var value: String
        public var label: String

        public init(value: String, label: String) {
            self.value = value
            self.label = label
        }
    }

    /// The lists of values the file's fields accept: the same enumerations and shared data
    /// (`Content/data/`) that `cadre strategie` checks against.
    public enum ChoiceList: Sendable, CaseIterable {
        case collectiviteType, rattachement, engagement, pouvoir, motif, source, domaine
    }

    public func choices(_ list: ChoiceList) -> [Choice] {
        switch list {
        case .collectiviteType: CollectiviteType.allCases.map { Choice(value: $0.rawValue, label: $0.label) }
        case .rattachement: kit.guide.models.map { Choice(value: $0.id, label: $0.nom) }
        case .engagement: kit.guide.engagementLevels.map { Choice(value: $0.id, label: $0.nom) }
        case .pouvoir: PowerKind.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst()) }
        case .motif: PriorityReason.allCases.map { Choice(value: $0.rawValue, label: $0.label) }
        case .source: FundingSource.allCases.map { Choice(value: $0.rawValue, label: $0.label) }
        case .domaine: kit.guide.onePercent.map { Choice(value: $0.domaine, label: $0.nom) }
        }
    }
}
