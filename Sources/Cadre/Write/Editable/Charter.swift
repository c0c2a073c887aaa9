/// The charter's colours and fonts (Templates/assets/charte.css), for the word-processor styles.
enum Charter {
    static let marine = "#142a61"
    static let bleu = "#1f4e8c"
    static let sarcelle = "#0b7a75"
    static let sarcelleClair = "#dcefed"
    static let bleute = "#eef3f8"
    static let encre = "#1d2430"
    static let gris = "#596170"
    static let filet = "#c9d1dc"
    /// Headings, tables, running heads.
    static let sans = "Lato"
    /// Body text.
    static let serif = "Charis SIL"
    /// Code.
    static let mono = "DejaVu Sans Mono"
}
