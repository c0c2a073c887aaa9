import Foundation

/// Writes an `EditableDocument` as an OpenDocument text (ODT 1.3), the French
/// administration's reference format: named styles, real tables, notes and links, the charts
/// as SVG with a 300 dpi PNG fallback, the charter's fonts embedded. The same document gives the
/// same bytes.
public struct ODTWriter: Sendable {
    /// A writer; charts get their PNG from `rsvg-convert` when it is installed.
    public init() {}

    /// The `.odt` file of `document`.
    public func write(_ document: EditableDocument) throws -> Data {
        try write(document, pictures: PictureSet.render(document.chapters, rasterizer: Rasterizer.locate()))
    }

    func write(_ document: EditableDocument, pictures: PictureSet) throws -> Data {
        var body = ODTBody(pictures: pictures)
        for chapter in AcronymExpansion.expandFirstUses(document.chapters) { body.chapter(chapter) }
        var package = ZipPackage()
        // The mimetype first and stored: readers identify the file by its first bytes.
        package.add("mimetype", text: ODTPackage.mimetype, compressed: false)
        var parts: [(path: String, type: String)] = []
        for (index, picture) in body.embedded.enumerated() {
            parts.append(("Pictures/graphique-\(index + 1).svg", "image/svg+xml"))
            if picture.png != nil { parts.append(("Pictures/graphique-\(index + 1).png", "image/png")) }
        }
        // The media type LibreOffice gives the fonts it embeds.
        for font in EmbeddedFont.installed { parts.append((ODTPackage.fontPath(font), "application/x-font-ttf")) }
        package.add("META-INF/manifest.xml", text: ODTPackage.manifest(pictures: parts))
        package.add("meta.xml", text: ODTPackage.meta(document))
        package.add("styles.xml", text: ODTStyles.xml(title: document.runningTitle, chapterField: document.front))
        package.add("settings.xml", text: ODTPackage.settings)
        package.add("content.xml", text: ODTContent.xml(document, body: body.xml))
        for (index, picture) in body.embedded.enumerated() {
            package.add("Pictures/graphique-\(index + 1).svg", picture.svg)
            if let png = picture.png { package.add("Pictures/graphique-\(index + 1).png", png, compressed: false) }
        }
        for font in EmbeddedFont.installed { package.add(ODTPackage.fontPath(font), stored: font.odtEntry) }
        return try package.data()
    }
}
