import Foundation
import Testing
@testable import Cadre

/// What the ODT and DOCX formats promise beyond their text: valid against their schemas, the
/// charter's fonts embedded (a computer without them still shows Lato and Charis SIL), notes
/// numbered from 1 in each chapter as in the HTML.
@Suite(.serialized)
struct EditableFormatTests {
    /// A two-chapter document, each chapter with a section heading (Lato), text (Charis SIL)
    /// and one note.
    static let twoChapters: EditableDocument = {
        let chapters = (1...2).map { number in
            var document = DocumentReader.read("""
            ## Section \(number)

            Un texte *en italique* et **en gras**, avec sa note[^n].

            [^n]: La note du chapitre \(number).
            """)
            FrenchTypography.mark(&document)
            return EditableChapter(title: "Chapitre \(number)", number: number, anchor: "chapitre-\(number)", document: document)
        }
        return EditableDocument(title: "Essai", subtitle: "Commune de Test", chapters: chapters)
    }()

    /// `document` written in both formats into a new folder; the folder, then the two files.
    static func written(_ document: EditableDocument) throws -> (folder: URL, odt: URL, docx: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-format-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let odt = folder.appendingPathComponent("essai.odt"), docx = folder.appendingPathComponent("essai.docx")
        try ODTWriter().write(document).write(to: odt)
        try DOCXWriter().write(document).write(to: docx)
        return (folder, odt, docx)
    }

    /// jing with OASIS's OpenDocument 1.3 RELAX NG schema for the ODT, openxml-audit (the
    /// OOXML schemas and the Open XML SDK's rules) for the DOCX: no error.
    static func expectValid(_ files: [URL]) throws {
        let script = Repository.root.appendingPathComponent("Tests/Python/editable_schemas.py")
        let result = try runProgram(EditableDocumentTests.readback, [script.path] + files.map(\.path))
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    // MARK: Schemas

    @Test func theGuideIsValidAgainstTheODFAndOOXMLSchemas() async throws {
        let project = try ScratchProject(repositoryContent: ["data", "guide"])
        defer { project.remove() }
        let (outcome, diagnostics) = await project.build(publications: ["guide"], format: [.odt, .docx])
        #expect(outcome.succeeded, "\(diagnostics)")
        let folder = project.output.appendingPathComponent("guide")
        try Self.expectValid([folder.appendingPathComponent("guide.odt"), folder.appendingPathComponent("guide.docx")])
    }

    @Test func aStrategyDocumentAndItsDeliberationAreValidAgainstTheSchemas() async throws {
        let (project, _) = try await EditableDocumentTests.strategy(StrategyDocumentTests.clean)
        defer { project.remove() }
        let folder = project.output.appendingPathComponent("strategies/commune")
        try Self.expectValid(["commune.odt", "commune.docx", "commune-deliberation.odt", "commune-deliberation.docx"].map { folder.appendingPathComponent($0) })
    }

    @Test func theValidatorsReportAnInvalidPart() throws {
        // The check is real: a part out of the schema's order is reported.
        let (folder, odt, docx) = try Self.written(Self.twoChapters)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = Repository.root.appendingPathComponent("Tests/Python/editable_schemas.py")
        let work = folder.appendingPathComponent("parties")
        for (package, part, from, to) in [(odt, "styles.xml", "svg:string=\"truetype\"", "svg:chaine=\"truetype\""),
                                          (docx, "word/settings.xml", "<w:embedTrueTypeFonts/><w:mirrorMargins/>", "<w:mirrorMargins/><w:embedTrueTypeFonts/>")] {
            try? FileManager.default.removeItem(at: work)
            #expect(try runProgram(URL(fileURLWithPath: "/usr/bin/unzip"), ["-q", package.path, "-d", work.path]).status == 0)
            let file = work.appendingPathComponent(part)
            let xml = try String(contentsOf: file, encoding: .utf8)
            #expect(xml.contains(from))
            try xml.replacingOccurrences(of: from, with: to).write(to: file, atomically: true, encoding: .utf8)
            // Re-zipped with the part changed, the mimetype still first and stored.
            let broken = folder.appendingPathComponent("casse." + package.pathExtension)
            try? FileManager.default.removeItem(at: broken)
            let entries = try runProgram(URL(fileURLWithPath: "/usr/bin/unzip"), ["-Z1", package.path]).stdout.split(separator: "\n").map(String.init)
            try Self.zip(entries, from: work, to: broken)
            let result = try runProgram(EditableDocumentTests.readback, [script.path, broken.path])
            #expect(result.status == 1 && result.stdout.contains(package.pathExtension == "odt" ? "svg:chaine" : "embedTrueTypeFonts"), "\(result.stdout)\(result.stderr)")
        }
    }

    /// `entries` of `folder`, zipped in that order with Python's zipfile (the first stored).
    static func zip(_ entries: [String], from folder: URL, to archive: URL) throws {
        let script = """
        import sys, zipfile
        folder, archive, names = sys.argv[1], sys.argv[2], sys.argv[3:]
        with zipfile.ZipFile(archive, "w") as z:
            for index, name in enumerate(names):
                z.write(f"{folder}/{name}", name, zipfile.ZIP_STORED if index == 0 else zipfile.ZIP_DEFLATED)
        """
        let result = try runProgram(EditableDocumentTests.readback, ["-c", script, folder.path, archive.path] + entries)
        #expect(result.status == 0, "\(result.stderr)")
    }

    // MARK: Fonts

    @Test func theCharterFontsAreEmbeddedInBothPackages() throws {
        let (folder, odt, docx) = try Self.written(Self.twoChapters)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lato = try Data(contentsOf: URL(fileURLWithPath: "/usr/share/fonts/truetype/lato/Lato-Regular.ttf"))
        let manifest = try EditableDocumentTests.part(odt, "META-INF/manifest.xml")
        #expect(manifest.contains("<manifest:file-entry manifest:full-path=\"Fonts/Lato-Regular.ttf\" manifest:media-type=\"application/x-font-ttf\"/>"))
        #expect(manifest.contains("manifest:full-path=\"Fonts/CharisSIL-BoldItalic.ttf\""))
        let styles = try EditableDocumentTests.part(odt, "styles.xml")
        #expect(styles.contains("<svg:font-face-uri xlink:href=\"Fonts/Lato-Regular.ttf\" xlink:type=\"simple\"><svg:font-face-format svg:string=\"truetype\"/></svg:font-face-uri>"))
        #expect(try EditableDocumentTests.part(odt, "settings.xml").contains("<config:config-item config:name=\"EmbedFonts\" config:type=\"boolean\">true</config:config-item>"))
        #expect(try Self.bytes(odt, "Fonts/Lato-Regular.ttf") == lato)

        // Word's obfuscation (ECMA-376 §17.8.1): the first 32 bytes XORed with the GUID's bytes,
        // last pair first; undone here from the key the font table gives.
        let fonts = try EditableDocumentTests.part(docx, "word/fontTable.xml")
        let embed = try #require(fonts.firstMatch(of: #/<w:font w:name="Lato">.*?<w:embedRegular r:id="(rId\d+)" w:fontKey="(\{[0-9A-F-]{36}\})"\/>/#))
        let relationships = try EditableDocumentTests.part(docx, "word/_rels/fontTable.xml.rels")
        let target = try #require(relationships.firstMatch(of: try Regex("Id=\"\(embed.output.1)\" Type=\"[^\"]+/font\" Target=\"([^\"]+)\"")))
        var obfuscated = try Self.bytes(docx, "word/" + String(target.output[1].substring!))
        let hex = Array(embed.output.2.filter(\.isHexDigit))
        let key = (0..<16).map { UInt8(String(hex[(30 - 2 * $0)...(31 - 2 * $0)]), radix: 16)! }
        #expect(obfuscated != lato)
        for index in 0..<32 { obfuscated[index] ^= key[index % 16] }
        #expect(obfuscated == lato)
        #expect(try EditableDocumentTests.part(docx, "word/settings.xml").contains("<w:embedTrueTypeFonts/>"))
        #expect(try EditableDocumentTests.part(docx, "[Content_Types].xml").contains("<Default Extension=\"odttf\" ContentType=\"application/vnd.openxmlformats-officedocument.obfuscatedFont\"/>"))
    }

    /// The proof that the fonts travel with the documents: LibreOffice, on a system whose only
    /// fonts are DejaVu's, prints both documents in Lato and Charis SIL (without the embedded
    /// files it falls back to DejaVu).
    @Test func libreOfficeWithoutTheFontsInstalledPrintsInTheEmbeddedOnes() throws {
        let (folder, odt, docx) = try Self.written(Self.twoChapters)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("fonts.conf")
        try """
        <?xml version="1.0"?>
        <fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>\(folder.path)/cache</cachedir></fontconfig>
        """.write(to: config, atomically: true, encoding: .utf8)
        for file in [odt, docx] {
            let output = folder.appendingPathComponent("pdf-\(file.pathExtension)")
            let result = try runProgram(EditableDocumentTests.libreOffice, ["-env:UserInstallation=file://\(folder.path)/profil", "--headless", "--convert-to", "pdf", "--outdir", output.path, file.path],
                                        environment: ["FONTCONFIG_FILE": config.path])
            #expect(result.status == 0, "\(result.stderr)")
            let fonts = try poppler("pdffonts", output.appendingPathComponent("essai.pdf").path)
            #expect(fonts.contains("Lato-Regular") && fonts.contains("Lato-Bold") && fonts.contains("CharisSIL") && fonts.contains("CharisSIL-Italic"), "\(file.lastPathComponent) : \(fonts)")
        }
    }

    static func bytes(_ package: URL, _ path: String) throws -> Data {
        let extracted = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-partie-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: extracted) }
        #expect(try runProgram(URL(fileURLWithPath: "/usr/bin/unzip"), ["-q", package.path, path, "-d", extracted.path]).status == 0)
        return try Data(contentsOf: extracted.appendingPathComponent(path))
    }

    // MARK: Notes

    @Test func docxNotesRestartInEachChapterAsInTheHTML() throws {
        let (folder, odt, docx) = try Self.written(Self.twoChapters)
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = try EditableDocumentTests.part(docx, "word/document.xml")
        // One section per chapter, each restarting its notes: the first ends after chapter 1
        // (its first page, the title page, without running head), the second follows on.
        let sections = document.matches(of: #/<w:sectPr>.*?<\/w:sectPr>/#).map { String($0.output) }
        #expect(sections.count == 2)
        #expect(sections.allSatisfy { $0.contains("<w:footnotePr><w:numFmt w:val=\"decimal\"/><w:numRestart w:val=\"eachSect\"/></w:footnotePr>") })
        #expect(sections[0].contains("<w:titlePg/>") && !sections[0].contains("continuous"))
        #expect(sections[1].contains("<w:type w:val=\"continuous\"/>") && !sections[1].contains("titlePg"))
        let breakAt = try #require(document.range(of: sections[0])), chapter2 = try #require(document.range(of: "Chapitre 2</w:t>", options: .backwards))
        #expect(document.range(of: "La note du chapitre 1") == nil && breakAt.upperBound < chapter2.lowerBound)
        #expect(try EditableDocumentTests.part(docx, "word/settings.xml").contains("<w:footnotePr><w:numRestart w:val=\"eachSect\"/>"))
        // The ODT numbers notes per chapter (outline level 1) in its notes configuration.
        #expect(try EditableDocumentTests.part(odt, "styles.xml").contains("text:start-numbering-at=\"chapter\""))
    }
}
