import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation
@testable import Cadre

/// `cadre export`: ICML stories and the IDML document are well-formed XML whatever the text
/// says, the same input gives the same bytes, pages follow the print stylesheet and
/// publication.yml, and a missing piece is a French error at its source, with nothing written.
@Suite(.serialized)
struct ExportTests {
    /// A chapter with what authors write: sections, lists, a table, notes, code, hostile text.
    static func chapter(_ markdown: String = """
        ## Section <b>&amp;</b>

        Un appel[^n] et un second[^n], « guillemets » & \\<script>alert(1)\\</script> \u{1}fin.

        1. premier
        2. second

        | Colonne | Valeur |
        |---|---|
        | a < b | 1 & 2 |

        ```
        code  "brut"
        ```

        [^n]: La note, *en italique*.
        """) -> EditableChapter {
        var document = DocumentReader.read(markdown)
        FrenchTypography.mark(&document)
        return EditableChapter(title: "Titre & <sous-titre>", number: 2, anchor: "titre", summary: "Résumé", document: document)
    }

    static func parse(_ xml: String) throws -> XMLDocument {
        try XMLDocument(xmlString: xml, options: [])
    }

    @Test func anICMLStoryIsWellFormedWithTablesNotesAndStyles() throws {
        let icml = ICMLWriter(figureNames: [:]).write(Self.chapter(), storyID: "histoire_titre")
        let document = try Self.parse(icml)
        let story = try #require(try document.nodes(forXPath: "/Document/Story").first as? XMLElement)
        #expect(story.attribute(forName: "Self")?.stringValue == "histoire_titre")
        let table = try #require(try story.nodes(forXPath: ".//Table").first as? XMLElement)
        #expect(table.attribute(forName: "HeaderRowCount")?.stringValue == "1")
        #expect(table.attribute(forName: "ColumnCount")?.stringValue == "2")
        #expect(try story.nodes(forXPath: ".//Cell").count == 4)
        // One note for two calls: the second call repeats its number.
        #expect(try story.nodes(forXPath: ".//Footnote").count == 1)
        let styles = try document.nodes(forXPath: "/Document/RootParagraphStyleGroup/ParagraphStyle/@Name").compactMap(\.stringValue)
        for used in try story.nodes(forXPath: ".//ParagraphStyleRange/@AppliedParagraphStyle").compactMap(\.stringValue) {
            #expect(styles.contains(String(used.dropFirst("ParagraphStyle/".count))), "style non défini : \(used)")
        }
        let text = try story.nodes(forXPath: ".//Content").compactMap(\.stringValue).joined()
        #expect(text.contains("<script>alert(1)</script>"))
        #expect(text.contains("Titre & <sous-titre>"))
        #expect(!text.contains("\u{1}"))
        #expect(text.contains("a < b") && text.contains("code  \"brut\""))
    }

    @Test func aCrossReferenceShowsItsTargetsNumberAfterItsText() throws {
        let link = Inline.link(Link(target: .anchor(publication: nil, page: "titre", anchor: "section"), content: [.text("la section")]))
        let chapter = EditableChapter(title: "Titre", number: 2, anchor: "titre",
                                      document: Document(blocks: [.heading(Heading(level: 2, content: [.text("Section")], id: "section", number: "2.1")),
                                                                  .paragraph([.text("Voir "), link, .text(".")])]))
        var writer = ICMLWriter(figureNames: [:])
        writer.targets = ICMLStory.targets([chapter])
        let story = try Self.parse(writer.write(chapter, storyID: "histoire"))
        let numbers = try story.nodes(forXPath: "//CharacterStyleRange[@AppliedCharacterStyle='CharacterStyle/renvoi-numero']/Content").compactMap(\.stringValue)
        #expect(numbers == ["\u{00A0}(2.1)"])
    }

    @Test func theIDMLPackageIsWellFormedAndTheSameBytesTwice() throws {
        let document = EditableDocument(title: "Essai", chapters: [Self.chapter(), Self.chapter("Deux.")])
        let layout = IDMLLayout(pages: 3, starts: [2, 3])
        let writer = IDMLWriter(layout: layout, figureNames: [:])
        let first = try writer.write(document, storyIDs: ["histoire_un", "histoire_deux"])
        #expect(try writer.write(document, storyIDs: ["histoire_un", "histoire_deux"]) == first)
        let archive = try Archive(data: first, accessMode: .read)
        let names = archive.map(\.path)
        #expect(names.first == "mimetype")
        #expect(names.contains("designmap.xml") && names.contains("Stories/Story_histoire_un.xml") && names.contains("Stories/Story_cadre_couverture.xml"))
        #expect(names.filter { $0.hasPrefix("Spreads/") }.count == 3)
        for entry in archive where entry.path.hasSuffix(".xml") {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            _ = try XMLDocument(data: data, options: [])
        }
        var designmap = Data()
        _ = try archive.extract(try #require(archive["designmap.xml"])) { designmap.append($0) }
        #expect(String(decoding: designmap, as: UTF8.self).contains("StoryList=\"cadre_couverture histoire_un histoire_deux\""))
    }

    @Test func framesAreThreadedOnTheProofsPagesAndShareAPageChaptersShare() {
        let layout = IDMLLayout(pages: 4, starts: IDMLLayout.starts(pages: 4, chapterPages: [2, 0, 2], chapters: 3))
        #expect(layout.starts == [1, 3, 3])
        let frames = layout.frames
        #expect(frames.filter { $0.chapter == 0 }.map(\.page) == [1, 2])
        #expect(frames.filter { $0.page == 3 }.map(\.chapter) == [1, 2])
        #expect(frames.filter { $0.chapter == 2 }.map(\.page) == [3, 4])
        // Two chapters on one page: one above the other, each half the text area.
        let shared = frames.filter { $0.page == 3 }
        #expect(abs(shared[1].y - (shared[0].y + shared[0].height)) < 0.001)
    }

    @Test func marginsComeFromThePrintStylesheetAndBleedFromPublicationYML() async throws {
        let project = try ScratchProject(repositoryContent: ["data", "plaquette"])
        defer { project.remove() }
        let loaded = await Project.load(root: project.root, into: DiagnosticSink())
        let plaquette = try #require(loaded.publications.first { $0.name == "plaquette" })
        let layout = ExportPageSetup.layout(for: plaquette, templates: loaded.templatesFolder, pages: 4, starts: [1, 2, 3, 4])
        #expect(abs(layout.top - IDMLLayout.points(millimetres: 15)) < 0.001)
        #expect(abs(layout.bottom - IDMLLayout.points(millimetres: 17)) < 0.001)
        #expect(abs(layout.bleed - IDMLLayout.points(millimetres: 3)) < 0.001)
    }

    @Test func swatchesAreTheProofsCMYK() throws {
        // The printer's stylesheet is the one source of the CMYK values: the swatches must be its.
        let css = try String(contentsOf: Repository.templates.appendingPathComponent("print/imprimeur.css"), encoding: .utf8)
        var printer: [String: [Int]] = [:]
        for match in css.matches(of: #/--([a-z-]+): device-cmyk\(([0-9.]+) ([0-9.]+) ([0-9.]+) ([0-9.]+)\)/#) {
            printer[String(match.output.1)] = [match.output.2, match.output.3, match.output.4, match.output.5].map { Int((Double($0)! * 100).rounded()) }
        }
        for colour in ICMLStyles.colours {
            #expect(printer[colour.name == "papier" ? "blanc" : colour.name] == colour.cmyk, "\(colour.name)")
        }
        #expect(ICMLStyles.swatches.contains("Color/marine\" Model=\"Process\" Space=\"CMYK\" ColorValue=\"96 78 0 47\""))
    }

    // MARK: The command

    @Test func anUnknownPublicationIsAUsageErrorInFrench() throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        let result = try runProgram(CommandLineTests.executable, ["export", "guidee", "--root", project.root.path])
        #expect(result.status == 2 && result.stderr.contains("publication « guidee » inconnue"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: project.output.path))
    }

    @Test func aBrokenChapterIsAnErrorAtItsLineAndNothingIsWritten() throws {
        let project = try ScratchProject(repositoryContent: ["data", "plaquette"])
        defer { project.remove() }
        try project.write("Content/plaquette/02-quatre-etapes.md", try project.read("Content/plaquette/02-quatre-etapes.md") + "\n{{variable_inconnue}}\n")
        let result = try runProgram(CommandLineTests.executable, ["export", "plaquette", "--root", project.root.path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("Content/plaquette/02-quatre-etapes.md:") && result.stderr.contains("erreur"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: project.output.appendingPathComponent("plaquette").path))
    }

    @Test func thePackageHoldsEveryPieceAndIsTheSameTwice() throws {
        let project = try ScratchProject(repositoryContent: ["data", "plaquette"])
        defer { project.remove() }
        let zip = project.output.appendingPathComponent("plaquette/plaquette-maquette.zip")
        let first = try runProgram(CommandLineTests.executable, ["export", "plaquette", "--root", project.root.path])
        #expect(first.status == 0, "\(first.stderr)")
        let bytes = try Data(contentsOf: zip)
        let again = try runProgram(CommandLineTests.executable, ["export", "plaquette", "--root", project.root.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Data(contentsOf: zip) == bytes)
        let names = try Archive(data: bytes, accessMode: .read).map(\.path)
        for expected in ["LISEZMOI.txt", "manifest.json", "plaquette.idml", "plaquette-epreuve.pdf", "textes/01-pourquoi-une-strategie.icml",
                         "figures/schema-etapes.svg", "figures/schema-etapes.pdf"] {
            #expect(names.contains(expected), "\(expected) absent du paquet")
        }
        // The rest of the publication is there too: the export swaps the whole folder in.
        #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("plaquette/plaquette.pdf").path))
        #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("plaquette/index.html").path))
    }
}
