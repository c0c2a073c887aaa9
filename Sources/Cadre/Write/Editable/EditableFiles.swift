import Foundation

extension EditableDocument {
    /// A publication's chapters after the passes, as one editable document.
    init(publication: Publication, pages: [ChapterPage], subject: String? = nil) {
        let settings = publication.settings
        let typography = { (text: String?) in text.map { FrenchTypography.apply($0) } }
        let authors = settings.auteurs.flatMap { $0.isEmpty ? nil : $0.joined(separator: ", ") }
        self.init(title: FrenchTypography.apply(settings.titre), subtitle: typography(settings.sousTitre),
                  author: typography(settings.editeur ?? authors), subject: typography(subject ?? settings.sousTitre ?? settings.titre),
                  date: typography(settings.date),
                  chapters: pages.map { page in
                      EditableChapter(title: FrenchTypography.apply(page.chapter.frontMatter.titre), number: page.chapter.number,
                                      anchor: page.chapter.slug,
                                      summary: page.chapter.frontMatter.resume.map { FrenchTypography.apply($0) }, document: page.document)
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
