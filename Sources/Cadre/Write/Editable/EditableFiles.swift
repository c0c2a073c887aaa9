import Foundation

extension EditableDocument {
    /// A publication's chapters after the passes, as one editable document.
    init(publication: Publication, pages: [ChapterPage], subject: String? = nil) {
        // Texts arrive set by the typography pass (settings and front matter included).
        let settings = publication.settings
        let authors = settings.auteurs.flatMap { $0.isEmpty ? nil : $0.joined(separator: ", ") }
        self.init(title: settings.titre, subtitle: settings.sousTitre,
                  author: settings.editeur ?? authors, subject: subject ?? settings.sousTitre ?? settings.titre,
                  date: settings.date,
                  chapters: pages.map { page in
                      EditableChapter(title: page.chapter.frontMatter.titre, number: page.chapter.number,
                                      anchor: page.chapter.slug, summary: page.chapter.frontMatter.resume, document: page.document)
                  })
    }

    /// The `.odt` and `.docx` files asked for, at `path` + extension (relative to the output
    /// folder); the charts are rendered once for both. A writer's failure is a diagnostic.
    func files(_ formats: OutputFormat, at path: String, reportingTo location: SourceLocation, into sink: DiagnosticSink) -> [RenderedFile] {
        guard !formats.editable.isEmpty else { return [] }
        let pictures = PictureSet.render(chapters, rasterizer: Rasterizer.locate())
        var files: [RenderedFile] = []
        let writers: [(OutputFormat, String, (EditableDocument, PictureSet) throws -> Data)] = [
            (.odt, "odt", { try ODTWriter().write($0, pictures: $1) }),
            (.docx, "docx", { try DOCXWriter().write($0, pictures: $1) }),
        ]
        for (format, fileExtension, write) in writers where formats.contains(format) {
            do {
                files.append(RenderedFile(path: "\(path).\(fileExtension)", data: try write(self, pictures)))
            } catch {
                sink.report(location.error("le document \(fileExtension.uppercased()) n'a pas pu être écrit : \(error)", hint: "signalez-le avec le fichier qui l'a provoqué"))
            }
        }
        return files
    }
}
