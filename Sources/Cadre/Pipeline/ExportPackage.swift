import Foundation

/// The contents of `<publication>-maquette.zip`, in a fixed order with a fixed date:
///
///     LISEZMOI.txt            what each file is, the styles, what to do when the text changes
///     manifest.json           chapters, stories, figures, styles, fonts, colours, page budget
///     <publication>.idml      the document assembling the stories
///     <publication>-epreuve.pdf   the proof: the print PDF
///     textes/<chapitre>.icml  one InCopy story per chapter
///     figures/<id>.svg|.pdf   each schema, vector
enum ExportPackage {
    /// The zip's bytes, or nil when a piece is missing (each problem reported to `sink`).
    static func make(_ document: EditableDocument, publication: Publication, proof: Data, pagination: Pagination,
                     templates: URL, into sink: DiagnosticSink) -> Data? {
        let name = publication.name
        let settings = SourceLocation(file: publication.settingsPath, line: 1)
        let figures = ExportFigures.collect(document.chapters, sources: publication.chapters, settings: settings, into: sink)
        guard !sink.hasErrors else { return nil }
        let storyIDs = document.chapters.map { "histoire_" + ExportFigures.safeName($0.anchor).replacingOccurrences(of: "-", with: "_") }
        let storyFiles = publication.chapters.map { "textes/\(($0.fileName as NSString).deletingPathExtension).icml" }
        let chapterPages = pagination.chapitres.count == document.chapters.count ? pagination.chapitres.map(\.pages) : nil
        let starts = IDMLLayout.starts(pages: pagination.pages, chapterPages: chapterPages, chapters: document.chapters.count)
        let layout = ExportPageSetup.layout(for: publication, templates: templates, pages: pagination.pages, starts: starts)

        var package = ZipPackage()
        let manifest = ExportManifest(document: document, publication: publication, pagination: pagination, layout: layout,
                                      storyIDs: storyIDs, storyFiles: storyFiles, figures: figures.figures)
        package.add("LISEZMOI.txt", text: ExportReadme.text(manifest))
        do {
            package.add("manifest.json", try manifest.json())
            package.add("\(name).idml", try IDMLWriter(layout: layout, figureNames: figures.names).write(document, storyIDs: storyIDs), compressed: false)
        } catch {
            sink.report(settings.error("le document IDML de « \(name) » n'a pas pu être écrit : \(error)", hint: "signalez-le avec la commande lancée"))
            return nil
        }
        package.add("\(name)-epreuve.pdf", proof)
        var writer = ICMLWriter(figureNames: figures.names)
        writer.targets = ICMLStory.targets(document.chapters)
        for (index, chapter) in document.chapters.enumerated() {
            package.add(storyFiles[index], text: writer.write(chapter, storyID: storyIDs[index]))
        }
        for figure in figures.figures {
            package.add("figures/\(figure.name).svg", figure.svg)
            package.add("figures/\(figure.name).pdf", figure.pdf)
        }
        do {
            return try package.data()
        } catch {
            sink.report(settings.error("le paquet de maquette de « \(name) » n'a pas pu être écrit : \(error)", hint: "signalez-le avec la commande lancée"))
            return nil
        }
    }
}
