import Foundation

/// A cadre project folder: its publications, its shared data and where its templates are.
public struct Project: Sendable {
    /// The project folder.
    public var root: URL
    /// Its publications, one per folder of `Content/`.
    public var publications: [Publication]
    /// The shared data of `Content/data/`.
    public var data: SharedData

    /// `Content/`.
    public var contentFolder: URL { root.appendingPathComponent("Content") }
    /// `Templates/`.
    public var templatesFolder: URL { root.appendingPathComponent("Templates") }

    /// Folders of `Content/` that hold something other than a publication.
    static let reservedFolders: Set<String> = ["data", "collectivites"]

    /// Reads and validates the whole project; every problem goes to `sink`.
    public static func load(root: URL, into sink: DiagnosticSink) async -> Project {
        let root = root.standardizedFileURL
        var project = Project(root: root, publications: [], data: .empty)
        guard FileLister.isFolder(project.contentFolder) else {
            sink.report(SourceLocation(file: "Content", line: 1).error("dossier Content/ introuvable dans \(root.path)", hint: "lancez cadre à la racine du projet ou indiquez-la avec --root"))
            return project
        }
        ProjectBoundary.check(root: root, into: sink)
        project.data = SharedData.load(folder: project.contentFolder.appendingPathComponent("data"), relativeTo: root, into: sink)
        for folder in FileLister.folders(in: project.contentFolder) where !reservedFolders.contains(folder.lastPathComponent) {
            if let publication = await loadPublication(folder: folder, root: root, into: sink) {
                project.publications.append(publication)
            }
        }
        return project
    }

    static func loadPublication(folder: URL, root: URL, into sink: DiagnosticSink) async -> Publication? {
        let settingsURL = folder.appendingPathComponent("publication.yml")
        let settingsPath = FileLister.relativePath(of: settingsURL, to: root)
        guard FileManager.default.fileExists(atPath: settingsURL.path) else {
            sink.report(SourceLocation(file: FileLister.relativePath(of: folder, to: root), line: 1).error("publication.yml manquant", hint: "chaque dossier de Content/ est une publication décrite par un fichier publication.yml"))
            return nil
        }
        let settingsText = FileLister.read(settingsURL, path: settingsPath, into: sink)
        let decoded = settingsText.flatMap {
            YAMLDecoding.decode(PublicationSettings.self, from: YAMLSource(text: $0, file: settingsPath), into: sink)
        }
        // With broken settings the chapters are still checked, so that one run reports everything.
        let settings = decoded ?? PublicationSettings(titre: folder.lastPathComponent, langue: "fr")
        let files = FileLister.files(in: folder, extensions: ["md"])
        var chapters = await Concurrently.map(files.count) { loadChapter(files[$0], root: root, into: sink) }.compactMap { $0 }
        chapters = ordered(chapters, by: settings.chapitres, settingsPath: settingsPath, settingsText: settingsText ?? "", into: sink)
        var number = 0
        for index in chapters.indices where chapters[index].frontMatter.nature == .chapitre {
            number += 1
            chapters[index].number = number
        }
        let name = folder.lastPathComponent
        var publication = Publication(name: name, settings: settings, chapters: chapters, settingsPath: settingsPath, settingsKeyLines: Publication.keyLines(of: settingsText ?? ""))
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("Templates/print/\(name).mustache").path) {
            publication.printLayout = "print/\(name)"
        }
        if decoded != nil { validate(publication, into: sink) }
        return publication
    }

    static func loadChapter(_ url: URL, root: URL, into sink: DiagnosticSink) -> Chapter? {
        let path = FileLister.relativePath(of: url, to: root)
        let name = url.lastPathComponent
        guard name.range(of: #"^[0-9]{2,3}-[a-z0-9-]+\.md$"#, options: .regularExpression) != nil else {
            sink.report(SourceLocation(file: path, line: 1).error("nom de chapitre « \(name) » non conforme", hint: "nommez le fichier NN-titre-en-minuscules.md, par exemple 03-diagnostic.md"))
            return nil
        }
        guard let text = FileLister.read(url, path: path, into: sink) else { return nil }
        guard let split = FrontMatterSplit(text) else {
            sink.report(SourceLocation(file: path, line: 1).error("en-tête YAML manquant ou non fermé", hint: "commencez le fichier par une ligne « --- », les champs (titre: …), puis une ligne « --- »"))
            return nil
        }
        let chapter = LoadCache.value(for: path, texts: [text], into: sink) { sink -> Chapter? in
            let source = YAMLSource(text: split.yaml, file: path, lineOffset: split.yamlLine - 1)
            guard let frontMatter = YAMLDecoding.decode(FrontMatter.self, from: source, into: sink) else { return nil }
            return Chapter(path: path, fileName: name, slug: Chapter.slug(fromFileName: name), frontMatter: frontMatter, body: split.body, bodyLine: split.bodyLine)
        }
        // Checked at every load: an image may appear in Templates/assets/ while the chapter stays as it is.
        if let chapter { sink.report(ChapterImages.problems(in: chapter, root: root)) }
        return chapter
    }

    /// Chapters in the order `publication.yml` gives, or by file name.
    private static func ordered(_ chapters: [Chapter], by order: [String]?, settingsPath: String, settingsText: String, into sink: DiagnosticSink) -> [Chapter] {
        guard let order else { return chapters }
        let byName = Dictionary(chapters.map { ($0.fileName, $0) }, uniquingKeysWith: { first, _ in first })
        let lines = settingsText.split(separator: "\n", omittingEmptySubsequences: false)
        var result: [Chapter] = []
        for name in order {
            if let chapter = byName[name] {
                result.append(chapter)
            } else {
                let line = (lines.firstIndex { $0.contains(name) } ?? 0) + 1
                sink.report(SourceLocation(file: settingsPath, line: line).error("chapitre « \(name) » introuvable", hint: Suggestion.hint(for: name, in: Array(byName.keys), noun: "fichiers")))
            }
        }
        for chapter in chapters where !order.contains(chapter.fileName) {
            sink.report(SourceLocation(file: chapter.path, line: 1).warning("chapitre absent de la liste « chapitres » de publication.yml : il n'est pas publié", hint: "ajoutez « \(chapter.fileName) » à la liste ou supprimez le fichier"))
        }
        return result
    }

    private static func validate(_ publication: Publication, into sink: DiagnosticSink) {
        let settings = publication.settings
        let location = publication.settingsLocation(of:)
        if settings.budgetPages != nil, settings.pagesExactes != nil {
            sink.report(location("pages_exactes").error("budget_pages et pages_exactes sont exclusifs", hint: "gardez budget_pages (maximum) ou pages_exactes (nombre exact)"))
        }
        for (key, value) in [("budget_pages", settings.budgetPages), ("pages_exactes", settings.pagesExactes)] {
            if let value, value < 1 { sink.report(location(key).error("\(key) doit être un nombre de pages positif", hint: "par exemple \(key): 30")) }
        }
        if settings.langue != "fr" {
            sink.report(location("langue").warning("langue « \(settings.langue) » : la typographie appliquée est la typographie française", hint: "écrivez langue: fr"))
        }
    }
}
