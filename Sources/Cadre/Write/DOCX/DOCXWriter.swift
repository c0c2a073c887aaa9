import Foundation

/// Writes an `EditableDocument` as a Word document (Office Open XML): named styles, real
/// tables, notes (numbered from 1 in each chapter, as the HTML does) and links, the charts as
/// PNG with their SVG for the readers that draw it, the charter's fonts embedded.
/// The same document gives the same bytes.
public struct DOCXWriter: Sendable {
    /// A writer; charts get their PNG from `rsvg-convert` when it is installed.
    public init() {}

    /// The `.docx` file of `document`.
    public func write(_ document: EditableDocument) throws -> Data {
        try write(document, pictures: PictureSet.render(document.chapters, rasterizer: Rasterizer.locate()))
    }

    func write(_ document: EditableDocument, pictures: PictureSet) throws -> Data {
        var body = DOCXBody(pictures: pictures)
        // One section per chapter: Word restarts note numbers at each section, never at a heading.
        for (index, chapter) in AcronymExpansion.expandFirstUses(document.chapters).enumerated() {
            if index > 0 { body.sectionBreak(DOCXDocument.section(first: index == 1)) }
            body.chapter(chapter)
        }
        let media = body.relationships.media
        var package = ZipPackage()
        package.add("[Content_Types].xml", text: DOCXParts.contentTypes(hasSVG: !media.isEmpty, hasPNG: media.contains { $0.picture.png != nil },
                                                                      hasFonts: !EmbeddedFont.installed.isEmpty))
        package.add("_rels/.rels", text: DOCXParts.packageRelationships)
        package.add("docProps/core.xml", text: DOCXParts.core(document))
        package.add("docProps/app.xml", text: DOCXParts.app)
        package.add("word/_rels/document.xml.rels", text: body.relationships.xml)
        package.add("word/document.xml", text: DOCXDocument.xml(document, body: body.xml, sections: max(1, document.chapters.count)))
        package.add("word/styles.xml", text: DOCXStyles.xml)
        package.add("word/settings.xml", text: DOCXParts.settings)
        package.add("word/numbering.xml", text: body.numbering.xml)
        package.add("word/footnotes.xml", text: DOCXParts.footnotes(body.footnotes))
        package.add("word/header1.xml", text: DOCXParts.header(title: document.runningTitle))
        package.add("word/footer1.xml", text: DOCXParts.footer)
        package.add("word/fontTable.xml", text: DOCXParts.fontTable)
        package.add("word/theme/theme1.xml", text: DOCXTheme.xml)
        if !EmbeddedFont.installed.isEmpty {
            package.add("word/_rels/fontTable.xml.rels", text: DOCXParts.fontRelationships)
            for (index, font) in EmbeddedFont.installed.enumerated() { package.add("word/\(DOCXParts.fontPath(index))", stored: font.docxEntry) }
        }
        for (number, picture) in media {
            package.add("word/media/graphique-\(number).svg", picture.svg)
            if let png = picture.png { package.add("word/media/graphique-\(number).png", png, compressed: false) }
        }
        return try package.data()
    }
}
