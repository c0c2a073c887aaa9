import Cadre
import Foundation

/// The site the preview serves, held in memory: the last good files of every publication and
/// strategy document, and the diagnostics of their sources now.
actor Site {
    let preview: Preview
    private(set) var targets: [Preview.Target] = []
    /// Path (relative to the site root, `guide/cadre-logique.html`) → bytes.
    private var files: [String: Data] = [:]
    private var owners: [Preview.Target: Set<String>] = [:]
    private var diagnostics: [Preview.Target: [Diagnostic]] = [:]
    private(set) var budgets: [String: Int] = [:]
    /// Counts rebuilds; pages compare it with the one they were served with.
    private(set) var version = 0

    /// Which targets are served (`cadre serve guide` serves the guide alone).
    private let keep: @Sendable (Preview.Target) -> Bool

    init(preview: Preview, keep: @escaping @Sendable (Preview.Target) -> Bool = { _ in true }) {
        self.preview = preview
        self.keep = keep
    }

    func file(_ path: String) -> Data? { files[path] }

    /// The files of `publication` (for a print preview).
    func files(of publication: String) -> [RenderedFile] {
        (owners[.publication(publication)] ?? []).sorted().compactMap { path in files[path].map { RenderedFile(path: path, data: $0) } }
    }

    /// The last print preview of each address, kept while the site has not changed (the
    /// preview page and the PDF it shows are asked one after the other).
    private var proofs: [String: (version: Int, proof: PreviewPrinter.Proof)] = [:]

    func proof(_ key: String) -> PreviewPrinter.Proof? {
        proofs[key].flatMap { $0.version == version ? $0.proof : nil }
    }

    func keep(_ proof: PreviewPrinter.Proof, for key: String) {
        proofs = proofs.filter { $0.value.version == version }
        proofs[key] = (version, proof)
    }

    /// Builds everything, at start.
    func buildAll() async -> Change {
        targets = await preview.targets().filter(keep)
        return await rebuild(targets)
    }

    /// Rebuilds what the changes to `paths` affect; `done` hears each step's change: the
    /// publications first (the page an editor is looking at), then the strategy documents.
    func update(_ paths: [String], done: @Sendable (Change) -> Void) async {
        var affected = Set<Preview.Target>()
        // A file added or removed may add or remove a target.
        if paths.contains(where: Self.mayChangeTargets) {
            let now = await preview.targets().filter(keep)
            for gone in Set(targets).subtracting(now) { remove(gone) }
            affected.formUnion(Set(now).subtracting(targets))
            targets = now
        }
        for path in paths { affected.formUnion(Preview.affected(by: path, among: targets)) }
        let publications = affected.filter { if case .publication = $0 { true } else { false } }
        for step in [publications, affected.subtracting(publications)] where !step.isEmpty {
            done(await rebuild(step.sorted()))
        }
    }

    private static func mayChangeTargets(_ path: String) -> Bool {
        path.hasPrefix("Content/collectivites/") || path.hasSuffix("/publication.yml") || path.split(separator: "/").count == 2
    }

    private func rebuild(_ selected: [Preview.Target]) async -> Change {
        let renderings = await preview.render(selected)
        var changed: Set<String> = []
        for (target, rendering) in renderings {
            diagnostics[target] = rendering.diagnostics
            if case .publication(let name) = target, let budget = rendering.pageBudget { budgets[name] = budget }
            // While its sources have errors, a target keeps its last good pages.
            guard !rendering.failed else { continue }
            let fresh = Dictionary(rendering.files.map { ($0.path, $0.data) }, uniquingKeysWith: { $1 })
            for (path, data) in fresh where files[path] != data {
                files[path] = data
                changed.insert(path)
            }
            let stale = (owners[target] ?? []).subtracting(fresh.keys)
            owners[target] = Set(fresh.keys)
            changed.formUnion(drop(stale))
        }
        version += 1
        return Change(version: version, changed: changed.sorted(), status: status())
    }

    private func remove(_ target: Preview.Target) {
        diagnostics[target] = nil
        _ = drop(owners.removeValue(forKey: target) ?? [])
    }

    /// Forgets files no target owns any more; returns them.
    private func drop(_ paths: Set<String>) -> Set<String> {
        let kept = owners.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        let gone = paths.subtracting(kept)
        for path in gone { files[path] = nil }
        return gone
    }

    /// What the pages show: every error and warning of the sources, in order.
    func status() -> Status {
        let all = Set(diagnostics.values.joined()).sorted()
        return Status(version: version,
                      errors: all.filter { $0.severity == .error }.map(Status.Item.init),
                      warnings: all.filter { $0.severity != .error }.map(Status.Item.init))
    }

    /// The index of the preview: every publication and strategy document.
    func index() -> [(title: String, path: String)] {
        targets.compactMap { target in
            switch target {
            case .publication(let name):
                return files["\(name)/index.html"] == nil ? nil : (name, "/\(name)/")
            case .strategy(let path):
                let slug = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
                return files["strategies/\(slug)/index.html"] == nil ? nil : ("stratégie : \(slug)", "/strategies/\(slug)/")
            }
        }
    }
}

/// The result of a rebuild, sent to the open pages.
struct Change: Codable, Sendable {
    var version: Int
    /// Site paths whose bytes changed.
    var changed: [String]
    var status: Status
}

/// The diagnostics the pages show: errors in the overlay, warnings in the badge.
struct Status: Codable, Sendable {
    struct Item: Codable, Sendable, Hashable {
        /// `fichier:ligne:colonne`.
        var location: String
        var message: String
        var hint: String?

        init(_ diagnostic: Diagnostic) {
            location = "\(diagnostic.file):\(diagnostic.line):\(diagnostic.column)"
            message = diagnostic.message
            hint = diagnostic.hint
        }
    }

    var version: Int
    var errors: [Item]
    var warnings: [Item]
}
