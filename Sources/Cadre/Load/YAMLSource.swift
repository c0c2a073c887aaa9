import Yams

/// A YAML text with the place it comes from, so that every problem in it can be located.
public struct YAMLSource: Sendable {
    /// The YAML.
    public var text: String
    /// Its file, relative to the project root.
    public var file: String
    /// Lines before the YAML inside its file (a front matter starts after the `---` line).
    public var lineOffset: Int

    /// A text from `file`, starting after `lineOffset` lines of it.
    public init(text: String, file: String, lineOffset: Int = 0) {
        self.text = text
        self.file = file
        self.lineOffset = lineOffset
    }

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    /// Parses the text into a node tree; a syntax error becomes a diagnostic.
    func parse() -> Result<Node, Diagnostic> {
        // Nothing to parse (a component without parameters, most often): an empty object.
        if text.allSatisfy(\.isWhitespace) { return .success(Node.mapping(.init([]))) }
        if let refusal = YAMLLimits.check(self) { return .failure(refusal) }
        // libyaml's events straight into the tree; Yams for the rest (and for every error).
        if case .composed(let node) = YAMLComposer.compose(text) { return .success(node ?? Node.mapping(.init([]))) }
        do {
            // No tag resolution: cadre reads every scalar itself, and resolving tags costs a regex per
            // scalar (Yams hashes keys with their tag to find duplicates).
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else {
                return .success(Node.mapping(.init([])))
            }
            return .success(node)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error))
        } catch {
            return .failure(location(nil).error("YAML illisible : \(error)"))
        }
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        let hint = "vérifiez l'indentation (espaces, pas de tabulations), les deux-points après chaque clé et les guillemets"
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            // The context mark is where the unfinished construct (quote, bracket) starts: the place to fix.
            return location(context?.mark ?? mark).error("syntaxe YAML invalide : \(Self.french(problem))", hint: hint)
        case .reader(let problem, let offset, let value, _):
            // A character YAML refuses (a control character, most often): at its own place.
            var line = 1, column = 1
            for character in text.prefix(offset ?? 0) {
                if character == "\n" { (line, column) = (line + 1, 1) } else { column += 1 }
            }
            let shown = value > 0 ? String(format: " (U+%04X)", value) : ""
            return SourceLocation(file: file, line: line + lineOffset, column: column).error("caractère interdit\(shown) : \(Self.french(problem))", hint: "supprimez ce caractère invisible (copié-collé d'un autre logiciel ?) ou retapez le texte à cet endroit")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return location(context.mark).error("clé\(duplicates.count > 1 ? "s" : "") \(duplicates.map { "« \($0) »" }.joined(separator: ", ")) en double dans cet objet", hint: "chaque clé ne doit apparaître qu'une fois")
        default:
            return location(nil).error("YAML illisible", hint: hint)
        }
    }

    /// libyaml speaks English; the most frequent problems are translated.
    private static func french(_ problem: String) -> String {
        let translations = [
            "mapping values are not allowed in this context": "deux-points inattendus (une valeur contenant « : » doit être entre guillemets)",
            "did not find expected key": "clé attendue introuvable (indentation incohérente ?)",
            "found character that cannot start any token": "caractère interdit en début de valeur (tabulation, @ ou ` ?)",
            "did not find expected '-' indicator": "tiret de liste attendu",
            "found unexpected end of stream": "fin de texte inattendue (guillemet ou crochet non fermé ?)",
            "could not find expected ':'": "deux-points attendus après la clé",
            "did not find expected node content": "valeur attendue",
            "found undefined alias": "alias non défini",
            "did not find expected ',' or ']'": "virgule ou crochet fermant attendu (liste entre crochets non fermée ?)",
            "did not find expected ',' or '}'": "virgule ou accolade fermante attendue (objet entre accolades non fermé ?)",
            "found unexpected end of stream while scanning a quoted scalar": "guillemet non fermé",
            "Maximum nesting level reached, set with yaml_set_max_nest_level())": "listes ou objets imbriqués trop profondément",
            "found a tab character that violates indentation": "tabulation dans l'indentation (indentez avec des espaces)",
            "found a tab character where an indentation space is expected": "tabulation à la place d'une espace d'indentation",
            "control characters are not allowed": "les caractères de contrôle sont interdits",
            "invalid Unicode character": "caractère Unicode invalide",
            "invalid leading UTF-8 octet": "octet UTF-8 invalide",
            "invalid trailing UTF-8 octet": "octet UTF-8 invalide",
            "incomplete UTF-8 octet sequence": "caractère UTF-8 incomplet",
            "invalid length of a UTF-8 sequence": "caractère UTF-8 invalide",
            "block sequence entries are not allowed in this context": "tiret de liste inattendu (indentation incohérente ?)",
            "mapping keys are not allowed in this context": "clé inattendue à cet endroit",
            "found unexpected ':'": "deux-points inattendus",
            "found unknown escape character": "séquence d'échappement inconnue après « \\ » (doublez la barre oblique inverse ou utilisez des guillemets simples)",
            "found invalid Unicode character escape code": "code de caractère invalide après « \\u »",
            "found unexpected document indicator": "ligne « --- » ou « ... » inattendue",
            "did not find expected comment or line break": "fin de ligne attendue (texte en trop après une valeur entre guillemets ?)",
            "did not find expected whitespace or line break": "espace ou fin de ligne attendue",
            "found an indentation indicator equal to 0": "indicateur d'indentation nul",
            "did not find expected alphabetic or numeric character": "nom d'ancre ou d'alias attendu après « & » ou « * »",
            "found undefined tag handle": "étiquette « ! » inconnue",
            "did not find expected <document start>": "début de document attendu",
            "but found another document": "un seul document attendu (ligne « --- » en trop ?)",
            "expected SCALAR, SEQUENCE-START, MAPPING-START, or ALIAS": "valeur attendue",
        ]
        return translations[problem] ?? "erreur de syntaxe (\(problem))"
    }
}
