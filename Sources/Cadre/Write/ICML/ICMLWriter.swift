/// Writes a chapter as an InCopy document (ICML): the story with the swatches and styles it
/// names, so that InDesign's File › Place brings in text already styled. The same chapter
/// gives the same bytes.
struct ICMLWriter {
    /// The file name (without extension) of each schema, keyed by its SVG.
    let figureNames: [String: String]
    /// Where the schemas' PDFs are, relative to the `.icml`.
    var figureFolder = "../figures/"
    /// The numbers cross-references show (`ICMLStory.targets` of the whole publication).
    var targets: [String: String] = [:]

    /// The `.icml` of `chapter`, its story identified as `storyID`.
    func write(_ chapter: EditableChapter, storyID: String) -> String {
        var story = ICMLStory(id: storyID, figureNames: figureNames, figureFolder: figureFolder)
        story.targets = targets
        story.chapter(chapter)
        var xml = XMLText.declaration
        xml += "<?aid style=\"50\" type=\"snippet\" readerVersion=\"6.0\" featureSet=\"513\" product=\"8.0(370)\" ?>\n"
        xml += "<?aid SnippetType=\"InCopyInterchange\"?>\n"
        xml += "<Document DOMVersion=\"8.0\" Self=\"cadre_document\">\n"
        xml += ICMLStyles.swatches
        xml += ICMLStyles.xml
        xml += story.story(title: chapter.heading)
        xml += "</Document>\n"
        return xml
    }
}
