import Foundation

/// swift-argument-parser's usage errors, said in French: the library writes them in English
/// (`Error: Unknown option '--formt'`), with `Usage:` and `See '…' for more information.`.
enum UsageMessage {
    /// English phrasings of the library and their French versions (`$1`, `$2`: the quoted parts).
    private static let phrases: [(pattern: String, french: String)] = [
        (#"^Error: "#, "cadre : erreur d'utilisation : "),
        (#"Unknown option '([^']*)'"#, "option inconnue « $1 »"),
        (#"Unexpected arguments? (.*)$"#, "argument inattendu $1"),
        (#"Missing expected argument '([^']*)'"#, "argument obligatoire manquant « $1 »"),
        (#"Missing value for '([^']*)'"#, "valeur manquante pour « $1 »"),
        (#"The value '([^']*)' is invalid for '([^']*)'"#, "la valeur « $1 » n'est pas valable pour « $2 »"),
        (#"Please provide at most one value for '([^']*)'"#, "une seule valeur pour « $1 »"),
        (#"Did you mean '([^']*)'\?"#, "vouliez-vous dire « $1 » ?"),
        (#"^Help: "#, "Aide : "),
        (#"^Usage: "#, "Utilisation : "),
        (#"See '([^']*)' for more information\."#, "« $1 » donne l'aide."),
        (#"Please provide one of (.*)$"#, "valeurs possibles : $1"),
        (#"'([^' ]+)'"#, "« $1 »"),
        (#"» or «"#, "» ou «"),
    ]

    /// The message, line by line, with every known English phrase translated.
    static func french(_ message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var text = String(line)
            for (pattern, french) in phrases {
                text = text.replacingOccurrences(of: pattern, with: french, options: .regularExpression)
            }
            return text
        }.joined(separator: "\n")
    }
}
