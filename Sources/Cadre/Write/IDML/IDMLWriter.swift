import Foundation

/// Writes the IDML document that assembles a publication's ICML stories: A4 pages from a
/// master page with the print margins and the bleed, the chapters' threaded text frames on
/// the pages the proof gives them, the same styles, the charter's fonts and CMYK swatches,
/// the schemas anchored in the text as placed PDF. Entries in a fixed order with a fixed date:
/// the same document gives the same bytes.
struct IDMLWriter {
    let layout: IDMLLayout
    /// The file name (without extension) of each schema, keyed by its SVG.
    let figureNames: [String: String]

    static let packaging = "xmlns:idPkg=\"http://ns.adobe.com/AdobeInDesign/idml/1.0/packaging\" DOMVersion=\"8.0\""
    static let mimetype = "application/vnd.adobe.indesign-idml-package"

    /// The `.idml` of `document`, each chapter's story identified by `storyIDs`.
    func write(_ document: EditableDocument, storyIDs: [String]) throws -> Data {
        let frames = layout.frames
        var stories: [(id: String, xml: String)] = []
        // A cover story on page 1 when the chapters start later (title, subtitle, date).
        let coverID = "cadre_couverture"
        let targets = ICMLStory.targets(document.chapters)
        let hasCover = (layout.starts.first ?? 1) > 1
        if hasCover {
            var cover = ICMLStory(id: coverID, figureNames: [:])
            cover.plain([(document.title, "couverture-titre")] + [document.subtitle, document.date].compactMap { $0 }.map { ($0, "sous-titre") })
            stories.append((coverID, cover.story(title: "Couverture")))
        }
        for (chapter, id) in zip(document.chapters, storyIDs) {
            var story = ICMLStory(id: id, figureNames: figureNames)
            story.targets = targets
            story.chapter(chapter)
            stories.append((id, story.story(title: chapter.heading)))
        }

        var package = ZipPackage()
        // The mimetype first and stored, as in every IDML package.
        package.add("mimetype", text: Self.mimetype, compressed: false)
        package.add("META-INF/container.xml", text: XMLText.declaration + "<container xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\" version=\"1.0\"><rootfiles><rootfile full-path=\"designmap.xml\" media-type=\"text/xml\"/></rootfiles></container>\n")
        let spreads = (1...max(layout.pages, 1)).map { "Spreads/Spread_page\($0).xml" }
        package.add("designmap.xml", text: designmap(stories: stories.map(\.id), spreads: spreads))
        package.add("Resources/Graphic.xml", text: wrapped("Graphic", Self.standardSwatches + ICMLStyles.swatches))
        package.add("Resources/Fonts.xml", text: wrapped("Fonts", Self.fonts))
        package.add("Resources/Styles.xml", text: wrapped("Styles", ICMLStyles.xml))
        package.add("Resources/Preferences.xml", text: wrapped("Preferences", preferences))
        package.add("MasterSpreads/MasterSpread_A.xml", text: wrapped("MasterSpread", masterSpread))
        for page in 1...max(layout.pages, 1) {
            var pageFrames = frames.filter { $0.page == page }.map { frame -> (IDMLLayout.Frame, String) in (frame, storyIDs[frame.chapter]) }
            if hasCover && page == 1 {
                pageFrames.insert((IDMLLayout.Frame(page: 1, chapter: -1, x: layout.inside, y: layout.top, width: layout.width - layout.inside - layout.outside, height: layout.height - layout.top - layout.bottom), coverID), at: 0)
            }
            package.add(spreads[page - 1], text: wrapped("Spread", spread(page, frames: pageFrames, all: frames)))
        }
        package.add("XML/BackingStory.xml", text: wrapped("BackingStory", "<XmlStory Self=\"cadre_structure\" AppliedTOCStyle=\"n\" TrackChanges=\"false\" StoryTitle=\"$ID/\" AppliedNamedGrid=\"n\"><ParagraphStyleRange AppliedParagraphStyle=\"ParagraphStyle/$ID/NormalParagraphStyle\"><CharacterStyleRange AppliedCharacterStyle=\"CharacterStyle/$ID/[No character style]\"/></ParagraphStyleRange></XmlStory>\n"))
        for story in stories {
            package.add("Stories/Story_\(story.id).xml", text: wrapped("Story", story.xml))
        }
        return try package.data()
    }

    // MARK: - Parts

    private func wrapped(_ part: String, _ body: String) -> String {
        XMLText.declaration + "<idPkg:\(part) \(Self.packaging)>\n" + body + "</idPkg:\(part)>\n"
    }

    private func designmap(stories: [String], spreads: [String]) -> String {
        var xml = XMLText.declaration
        xml += "<?aid style=\"50\" type=\"document\" readerVersion=\"6.0\" featureSet=\"257\" product=\"8.0(370)\" ?>\n"
        xml += "<Document \(Self.packaging) Self=\"d\" StoryList=\"\(stories.joined(separator: " "))\" ZeroPoint=\"0 0\" ActiveLayer=\"calque_texte\" CMYKProfile=\"Coated FOGRA39 (ISO 12647-2:2004)\" RGBProfile=\"sRGB IEC61966-2.1\" SolidColorIntent=\"UseColorSettings\" AfterBlendingIntent=\"UseColorSettings\" DefaultImageIntent=\"UseColorSettings\" RGBPolicy=\"PreserveEmbeddedProfiles\" CMYKPolicy=\"CombinationOfPreserveAndSafeCmyk\" AccurateLABSpots=\"false\">\n"
        xml += "<Language Self=\"Language/$ID/French\" Name=\"$ID/French\" SingleQuotes=\"‹›\" DoubleQuotes=\"«»\" PrimaryLanguageName=\"$ID/French\" SublanguageName=\"$ID/\" Id=\"13\" HyphenationVendor=\"Hunspell\" SpellingVendor=\"Hunspell\"/>\n"
        xml += "<idPkg:Graphic src=\"Resources/Graphic.xml\"/>\n<idPkg:Fonts src=\"Resources/Fonts.xml\"/>\n<idPkg:Styles src=\"Resources/Styles.xml\"/>\n<idPkg:Preferences src=\"Resources/Preferences.xml\"/>\n"
        xml += "<Layer Self=\"calque_texte\" Name=\"Texte\" Visible=\"true\" Locked=\"false\" IgnoreWrap=\"false\" ShowGuides=\"true\" LockGuides=\"false\" UI=\"true\" Expendable=\"true\" Printable=\"true\"/>\n"
        xml += "<idPkg:MasterSpread src=\"MasterSpreads/MasterSpread_A.xml\"/>\n"
        for spread in spreads { xml += "<idPkg:Spread src=\"\(spread)\"/>\n" }
        xml += "<idPkg:BackingStory src=\"XML/BackingStory.xml\"/>\n"
        for story in stories { xml += "<idPkg:Story src=\"Stories/Story_\(story).xml\"/>\n" }
        xml += "</Document>\n"
        return xml
    }

    private var n: (Double) -> String { ICMLStyles.number }

    private var margins: String {
        "<MarginPreference ColumnCount=\"1\" ColumnGutter=\"12\" Top=\"\(n(layout.top))\" Bottom=\"\(n(layout.bottom))\" Left=\"\(n(layout.inside))\" Right=\"\(n(layout.outside))\" ColumnDirection=\"Horizontal\" ColumnsPositions=\"0 \(n(layout.width - layout.inside - layout.outside))\"/>"
    }

    private var preferences: String {
        let bleed = n(layout.bleed)
        var xml = "<DocumentPreference PageHeight=\"\(n(layout.height))\" PageWidth=\"\(n(layout.width))\" PagesPerDocument=\"\(layout.pages)\" FacingPages=\"false\" DocumentBleedTopOffset=\"\(bleed)\" DocumentBleedBottomOffset=\"\(bleed)\" DocumentBleedInsideOrLeftOffset=\"\(bleed)\" DocumentBleedOutsideOrRightOffset=\"\(bleed)\" DocumentBleedUniformSize=\"true\" SlugTopOffset=\"0\" SlugBottomOffset=\"0\" SlugInsideOrLeftOffset=\"0\" SlugRightOrOutsideOffset=\"0\" DocumentSlugUniformSize=\"false\" PreserveLayoutWhenShuffling=\"true\" AllowPageShuffle=\"true\" OverprintBlack=\"true\" PageBinding=\"LeftToRight\" ColumnDirection=\"Horizontal\" ColumnGuideLocked=\"true\" MasterTextFrame=\"false\" SnippetImportUsesOriginalLocation=\"false\" Intent=\"PrintIntent\"/>\n"
        xml += margins + "\n"
        xml += "<TextDefault AppliedParagraphStyle=\"ParagraphStyle/p\" AppliedCharacterStyle=\"CharacterStyle/$ID/[No character style]\"/>\n"
        return xml
    }

    private var masterSpread: String {
        "<MasterSpread Self=\"maquette_A\" Name=\"A-Maquette\" NamePrefix=\"A\" BaseName=\"Maquette\" ShowMasterItems=\"true\" PageCount=\"1\" OverriddenPageItemProps=\"\" PrimaryTextFrame=\"n\" ItemTransform=\"1 0 0 1 0 0\">\n"
            + page(self: "maquette_A_page", name: "A", master: nil) + "\n</MasterSpread>\n"
    }

    /// A page centred on its spread's origin, as InDesign sets a single page that faces none.
    private func page(self id: String, name: String, master: String?) -> String {
        var xml = "<Page Self=\"\(id)\" Name=\"\(name)\""
        if let master { xml += " AppliedMaster=\"\(master)\"" }
        xml += " GeometricBounds=\"0 0 \(n(layout.height)) \(n(layout.width))\" ItemTransform=\"1 0 0 1 \(n(-layout.width / 2)) \(n(-layout.height / 2))\" MasterPageTransform=\"1 0 0 1 0 0\" OverrideList=\"\" TabOrder=\"\" GridStartingPoint=\"TopOutside\" UseMasterGrid=\"true\">"
        xml += "<Properties><PageColor type=\"enumeration\">UseMasterColor</PageColor></Properties>" + margins + "</Page>"
        return xml
    }

    private func spread(_ number: Int, frames: [(IDMLLayout.Frame, String)], all: [IDMLLayout.Frame]) -> String {
        var xml = "<Spread Self=\"spread_\(number)\" PageCount=\"1\" BindingLocation=\"0\" AllowPageShuffle=\"true\" ItemTransform=\"1 0 0 1 0 \(n(Double(number - 1) * (layout.height + 36)))\" ShowMasterItems=\"true\" PageTransitionType=\"None\" PageTransitionDirection=\"NotApplicable\" PageTransitionDuration=\"Medium\" FlattenerOverride=\"Default\">\n"
        xml += page(self: "page_\(number)", name: String(number), master: "maquette_A") + "\n"
        for (frame, story) in frames {
            // The chain of the chapter's frames, in page order.
            let chain = all.filter { $0.chapter == frame.chapter }
            let index = chain.firstIndex(of: frame)
            let previous = frame.chapter >= 0 ? index.flatMap { $0 > 0 ? Self.frameID(chain[$0 - 1]) : nil } ?? "n" : "n"
            let next = frame.chapter >= 0 ? index.flatMap { $0 + 1 < chain.count ? Self.frameID(chain[$0 + 1]) : nil } ?? "n" : "n"
            let id = frame.chapter >= 0 ? Self.frameID(frame) : "cadre_couverture_cadre"
            // Spread coordinates: the page's top-left corner is at (-width/2, -height/2).
            let left = frame.x - layout.width / 2, top = frame.y - layout.height / 2
            let right = left + frame.width, bottom = top + frame.height
            xml += "<TextFrame Self=\"\(id)\" ParentStory=\"\(story)\" PreviousTextFrame=\"\(previous)\" NextTextFrame=\"\(next)\" ContentType=\"TextType\" ItemLayer=\"calque_texte\" ItemTransform=\"1 0 0 1 0 0\">"
            xml += "<Properties><PathGeometry><GeometryPathType PathOpen=\"false\"><PathPointArray>"
            for (x, y) in [(left, top), (left, bottom), (right, bottom), (right, top)] {
                let point = "\(n(x)) \(n(y))"
                xml += "<PathPointType Anchor=\"\(point)\" LeftDirection=\"\(point)\" RightDirection=\"\(point)\"/>"
            }
            xml += "</PathPointArray></GeometryPathType></PathGeometry></Properties>"
            xml += "<TextFramePreference TextColumnCount=\"1\" TextColumnGutter=\"12\" VerticalJustification=\"TopAlign\"/>"
            xml += "</TextFrame>\n"
        }
        return xml + "</Spread>\n"
    }

    static func frameID(_ frame: IDMLLayout.Frame) -> String { "cadre_ch\(frame.chapter + 1)_p\(frame.page)" }

    /// Black, paper and registration, which every InDesign document has.
    static let standardSwatches = """
        <Color Self="Color/Black" Model="Process" Space="CMYK" ColorValue="0 0 0 100" Name="Black" ColorEditable="false" ColorRemovable="false" Visible="true" SwatchCreatorID="7937"/>
        <Color Self="Color/Paper" Model="Process" Space="CMYK" ColorValue="0 0 0 0" Name="Paper" ColorEditable="true" ColorRemovable="false" Visible="true" SwatchCreatorID="7937"/>
        <Color Self="Color/Registration" Model="Registration" Space="CMYK" ColorValue="100 100 100 100" Name="Registration" ColorEditable="false" ColorRemovable="false" Visible="true" SwatchCreatorID="7937"/>

        """

    /// The fonts the styles use, as fontconfig names them (family, style, PostScript name).
    static var fonts: String {
        let postScript = ["Lato": "Lato-", "Charis SIL": "CharisSIL-", "DejaVu Sans Mono": "DejaVuSansMono-"]
        var xml = ""
        for (index, family) in ICMLStyles.fonts.enumerated() {
            xml += "<FontFamily Self=\"famille\(index + 1)\" Name=\"\(family.family)\">"
            for style in family.styles {
                var name = (postScript[family.family] ?? family.family) + style.replacingOccurrences(of: " ", with: "")
                if style == "Regular" || style == "Book" { name.removeLast(style.count + 1) }
                if family.family == "Lato", style == "Regular" { name = "Lato-Regular" }
                xml += "<Font Self=\"famille\(index + 1)_\(style.replacingOccurrences(of: " ", with: ""))\" FontFamily=\"\(family.family)\" Name=\"\(family.family) \(style)\" PostScriptName=\"\(name)\" Status=\"Installed\" FontStyleName=\"\(style)\" FontType=\"TrueType\" WritingScript=\"0\" FullName=\"\(family.family) \(style)\" FullNameNative=\"\(family.family) \(style)\" FontStyleNameNative=\"\(style)\" PlatformName=\"$ID/\" Version=\"\"/>"
            }
            xml += "</FontFamily>\n"
        }
        return xml
    }
}
