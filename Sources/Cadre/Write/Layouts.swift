import Foundation
import Mustache

/// The page layouts of `Templates/` (`site/page.mustache`, `print/publication.mustache`…),
/// named by their path without extension; values are escaped for HTML.
struct Layouts {
    private var library = MustacheLibrary()
    private var check = TemplateCheck()

    /// Loads every `.mustache` file under `folder`; a malformed template is an error.
    static func load(folder: URL, root: URL, into sink: DiagnosticSink) -> Layouts {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var names: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".mustache") { names.append(path) }
        }
        let templates = names.sorted().compactMap { path -> (name: String, file: String, text: String)? in
            let relative = FileLister.relativePath(of: folder.appendingPathComponent(path), to: root)
            return FileLister.read(folder.appendingPathComponent(path), path: relative, into: sink).map { (String(path.dropLast(".mustache".count)), relative, $0) }
        }
        return LoadCache.value(for: FileLister.relativePath(of: folder, to: root), texts: templates.flatMap { [$0.file, $0.text] }, into: sink) { sink in
            var layouts = Layouts()
            for (name, relative, text) in templates {
                do {
                    layouts.library.register(try MustacheTemplate.escaping(HTMLContentType.self, text), named: name)
                    layouts.check.templates[name] = text
                } catch let error as MustacheTemplate.ParserError {
                    sink.report(SourceLocation(file: relative, line: error.context.lineNumber, column: error.column(escaping: HTMLContentType.self)).error("gabarit Mustache mal formé (\(error.error))", hint: "vérifiez que chaque {{#section}} est fermée"))
                } catch {
                    sink.report(SourceLocation(file: relative, line: 1).error("gabarit Mustache mal formé (\(error))"))
                }
            }
            return layouts
        }
    }

    /// Whether `Templates/<name>.mustache` exists.
    func has(_ name: String) -> Bool { check.templates[name] != nil }

    /// The layout rendered with `context`, or nil when it is missing or names a variable the context lacks.
    func render(_ name: String, context: [String: Any], into sink: DiagnosticSink) -> String? {
        guard let text = check.templates[name] else {
            sink.report(SourceLocation(file: "Templates/\(name).mustache", line: 1).error("gabarit introuvable", hint: "créez Templates/\(name).mustache"))
            return nil
        }
        let problems = check.problems(in: text, context: context, file: "Templates/\(name).mustache")
        sink.report(problems)
        guard problems.isEmpty else { return nil }
        return library.render(context, withTemplate: name)
    }
}
