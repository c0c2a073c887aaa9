/// The small rules of written French that generated sentences need: a collectivité's name with
/// its article (« la Ville de Valmont », « le Département du Haut-Vérant », « Lys-Aure
/// Agglomération »), numbers under ten in letters, and counts that agree with their noun.
enum FrenchWording {
    /// The article a name takes, from its first word: « Ville de… » is feminine, « Département
    /// du… » masculine; a name that is not a common noun (« Lys-Aure Agglomération ») takes none.
    static func article(of name: String) -> String {
        let first = name.split(separator: " ").first.map(String.init) ?? ""
        switch first {
        case "Ville", "Commune", "Communauté", "Métropole", "Eurométropole", "Région", "Collectivité", "Agglomération", "Mairie":
            return "la "
        case "Département", "Conseil", "Territoire", "Pays":
            return "le "
        default:
            return ""
        }
    }

    /// « la Ville de Valmont », or the name alone.
    static func withArticle(_ name: String) -> String { article(of: name) + name }

    /// « La Ville de Valmont », at the start of a sentence.
    static func subject(_ name: String) -> String { capitalized(withArticle(name)) }

    /// « de la Ville de Valmont », « du Département du Haut-Vérant », « de Lys-Aure Agglomération ».
    static func of(_ name: String) -> String {
        switch article(of: name) {
        case "le ": return "du " + name
        case "la ": return "de la " + name
        default: return (name.first.map { "AEIOUYÉÈÊÂÎÔ".contains($0) } ?? false) ? "d’" + name : "de " + name
        }
    }

    /// The text with its first letter in capitals.
    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    private static let units = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"]

    /// A number as French typesetting wants it in running text: in letters under ten
    /// (« une » for a feminine noun), in figures from ten on (grouped by thousands).
    static func number(_ value: Int, feminine: Bool = false) -> String {
        guard (0..<10).contains(value) else { return Money.grouped(value) }
        return value == 1 && feminine ? "une" : units[value]
    }

    /// « deux objectifs spécifiques », « une activité », « aucune partie prenante ».
    static func count(_ value: Int, _ singular: String, _ plural: String, feminine: Bool = false) -> String {
        if value == 0 { return (feminine ? "aucune " : "aucun ") + singular }
        return number(value, feminine: feminine) + " " + (value == 1 ? singular : plural)
    }
}
