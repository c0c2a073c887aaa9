import Yams

/// A YAML text with the place it comes from, so that every problem in it can be located.
public struct YAMLSource: Sendable {
    public var text: String
    public var file: String
    /// Lines before the YAML inside its file (a front matter starts after the `---` line).
    public var lineOffset: Int

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
        case .duplicatedKeysInMapping(let duplicates, let context):
            return location(context.mark).error("clé\(duplicates.count > 1 ? "s" : "") \(duplicates.map { "« \($0) »" }.joined(separator: ", ")) en double dans cet objet", hint: "chaque clé ne doit apparaître qu'une fois")
        default:
            return location(nil).error("YAML illisible : \(error)", hint: hint)
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
        ]
        return translations[problem] ?? problem
    }
}
