/// `word/theme/theme1.xml`: the charter's colours and fonts as a DrawingML theme (Lato for
/// headings, Charis SIL for text), which Word's colour and font pickers offer first. The Open
/// XML SDK's package rules require a main document to have a theme.
enum DOCXTheme {
    private static func colour(_ slot: String, _ value: String) -> String {
        "<a:\(slot)><a:srgbClr val=\"\(DOCXStyles.hex(value))\"/></a:\(slot)>"
    }

    private static func three(_ element: String) -> String { String(repeating: element, count: 3) }

    static var xml: String {
        let fill = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"
        var xml = XMLText.declaration + "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"cadre\"><a:themeElements>"
        xml += "<a:clrScheme name=\"cadre\">" + colour("dk1", Charter.encre) + colour("lt1", "#ffffff") + colour("dk2", Charter.marine) + colour("lt2", Charter.bleute)
        xml += colour("accent1", Charter.bleu) + colour("accent2", Charter.sarcelle) + colour("accent3", Charter.marine) + colour("accent4", Charter.gris)
        xml += colour("accent5", Charter.filet) + colour("accent6", Charter.sarcelleClair) + colour("hlink", Charter.bleu) + colour("folHlink", Charter.marine) + "</a:clrScheme>"
        xml += "<a:fontScheme name=\"cadre\"><a:majorFont><a:latin typeface=\"\(Charter.sans)\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:majorFont>"
        xml += "<a:minorFont><a:latin typeface=\"\(Charter.serif)\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:minorFont></a:fontScheme>"
        xml += "<a:fmtScheme name=\"cadre\"><a:fillStyleLst>\(three(fill))</a:fillStyleLst>"
        xml += "<a:lnStyleLst>\(three("<a:ln w=\"6350\">\(fill)</a:ln>"))</a:lnStyleLst>"
        xml += "<a:effectStyleLst>\(three("<a:effectStyle><a:effectLst/></a:effectStyle>"))</a:effectStyleLst>"
        xml += "<a:bgFillStyleLst>\(three(fill))</a:bgFillStyleLst></a:fmtScheme>"
        return xml + "</a:themeElements></a:theme>\n"
    }
}
