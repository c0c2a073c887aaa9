import Foundation
import Subprocess
import SystemPackage

/// WeasyPrint, run as long-lived Python workers fed one job per line over a pipe, so that a
/// batch of documents pays Python's start-up once per worker instead of once per document.
public struct PrintEngine: Sendable {
    /// The Python of the virtual environment that holds WeasyPrint.
    let python: URL
    /// `weasyprint_worker.py`, shipped as a resource of this module.
    let worker: URL

    /// What to tell a user whose machine has no print engine.
    public static let installAdvice = "le moteur PDF (WeasyPrint) n'est pas installé — lancez « scripts/setup » (ou « make ») à la racine du dépôt : il crée .venv/ avec WeasyPrint et installe Pango et les polices"

    /// The engine from `$CADRE_PYTHON`, the project's `.venv/`, or the `.venv/` of the
    /// repository this `cadre` was built in; nil when none is installed.
    public static func locate(root: URL) -> PrintEngine? {
        guard let worker = Bundle.module.url(forResource: "weasyprint_worker", withExtension: "py") else { return nil }
        var candidates: [URL] = []
        if let explicit = ProcessInfo.processInfo.environment["CADRE_PYTHON"], !explicit.isEmpty {
            candidates.append(URL(fileURLWithPath: explicit))
        }
        candidates.append(root.appendingPathComponent(".venv/bin/python3"))
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            candidates.append(folder.appendingPathComponent(".venv/bin/python3"))
            folder = folder.deletingLastPathComponent()
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }.map { PrintEngine(python: $0, worker: worker) }
    }

    /// Renders every job with up to `workers` processes; results come back in the jobs' order.
    /// Throws `PrintEngineError.unavailable` when WeasyPrint cannot start at all.
    func render(_ jobs: [PrintJob], workers: Int) async throws -> [PrintResult] {
        let queue = JobQueue(jobs)
        let count = max(1, min(workers, jobs.count))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<count {
                group.addTask { try await self.runWorker(queue) }
            }
            try await group.waitForAll()
        }
        return await queue.results.map { $0 ?? .failure("le moteur PDF s'est arrêté avant ce document") }
    }

    /// One worker process: takes jobs from `source` until it has none left.
    func runWorker(_ source: some PrintJobSource) async throws {
        let outcome = try await Subprocess.run(
            .path(FilePath(python.path)),
            arguments: ["-I", worker.path],
            environment: .inherit.updating(["PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"]),
            input: .inputWriter,
            output: .sequence,
            error: .sequence
        ) { execution -> Result<Void, PrintEngineError> in
            async let errors = Self.drain(execution.standardError)
            var lines = execution.standardOutput.strings().makeAsyncIterator()
            let decoder = JSONDecoder()
            let greeting = try await lines.next().flatMap { try? decoder.decode(PrintWorkerGreeting.self, from: Data($0.utf8)) }
            guard let greeting, greeting.ready else {
                try? await execution.standardInputWriter.finish()
                let stderr = await errors
                return .failure(.unavailable(greeting?.error ?? String(stderr.suffix(300))))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            while let (index, job) = await source.take() {
                _ = try await execution.standardInputWriter.write(try encoder.encode(job) + Data("\n".utf8))
                guard let line = try await lines.next() else {
                    let stderr = await errors
                    await source.finish(index, .failure("le moteur PDF s'est arrêté : \(stderr.suffix(300))"))
                    break
                }
                await source.finish(index, (try? decoder.decode(PrintResult.self, from: Data(line.utf8))) ?? .failure("réponse illisible du moteur PDF : \(line.prefix(200))"))
            }
            try? await execution.standardInputWriter.finish()
            _ = await errors
            return .success(())
        }
        return try outcome.closureResult.get()
    }

    private static func drain(_ sequence: SubprocessOutputSequence) async -> String {
        var text = ""
        do {
            for try await line in sequence.strings() { text += line + "\n" }
        } catch {}
        return text
    }
}

/// Why no PDF could be made at all.
public enum PrintEngineError: Error, Sendable, CustomStringConvertible {
    /// WeasyPrint could not be imported or started (the detail is Python's message).
    case unavailable(String)

    /// The engine's problem, in French.
    public var description: String {
        switch self {
        case .unavailable(let detail): detail
        }
    }
}

/// Where a worker takes its jobs and leaves their results.
protocol PrintJobSource: Sendable {
    /// The next job and its index, or nil when there is none left.
    func take() async -> (Int, PrintJob)?
    /// The result of the job at `index`.
    func finish(_ index: Int, _ result: PrintResult) async
}

/// The jobs of a run, handed out one at a time to whichever worker is free.
private actor JobQueue: PrintJobSource {
    private var jobs: [PrintJob]
    private var next = 0
    /// Results in the jobs' order; nil for a job no worker finished.
    private(set) var results: [PrintResult?]

    init(_ jobs: [PrintJob]) {
        self.jobs = jobs
        results = Array(repeating: nil, count: jobs.count)
    }

    func take() -> (Int, PrintJob)? {
        guard next < jobs.count else { return nil }
        defer { next += 1 }
        return (next, jobs[next])
    }

    func finish(_ index: Int, _ result: PrintResult) {
        results[index] = result
    }
}
