import Foundation

/// Checks, before rendering, that every variable a Mustache template names exists in its
/// context: Mustache itself renders a missing variable as an empty string, which would
/// silently drop figures from a document.
///
/// The check follows Mustache's own lookup: sections push their value as the innermost scope
/// (for a list, the union of its elements' keys), names are looked up from the innermost
/// scope outwards, and dotted names descend from there. Partials are checked where included.
struct TemplateCheck {
    var templates: [String: String] = [:]
    /// Whether `{{{x}}}` and `{{& x}}` are allowed (layouts: yes; chapters: no, values must be escaped).
    var allowsUnescaped = true

    /// Every problem of `text`, located in `file` with `lineOffset` lines before the text.
    func problems(in text: String, context: Any, file: String, lineOffset: Int = 0) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var scopes: [Any] = [context]
        var sections: [Section] = []
        check(text, file: file, lineOffset: lineOffset, scopes: &scopes, sections: &sections, depth: 0, into: &diagnostics)
        return diagnostics
    }

    private func check(_ text: String, file: String, lineOffset: Int, scopes: inout [Any], sections: inout [Section], depth: Int, into diagnostics: inout [Diagnostic]) {
        for tag in MustacheTag.scan(text) {
            let location = SourceLocation(file: file, line: tag.line + lineOffset, column: tag.column)
            // Inside a section that does not render here, names cannot be checked: only nesting is followed.
            if sections.last?.skipped == true {
                if tag.kind == .section || tag.kind == .inverted { sections.append(Section(pushed: false, skipped: true)) }
                if tag.kind == .close { sections.removeLast() }
                continue
            }
            switch tag.kind {
            case .comment, .pragma:
                continue
            case .delimiters:
                diagnostics.append(location.error("changement de délimiteurs Mustache non pris en charge", hint: "gardez {{ et }}"))
            case .partial:
                guard let partial = templates[tag.name] else {
                    diagnostics.append(location.error("gabarit partiel « \(tag.name) » introuvable", hint: Suggestion.hint(for: tag.name, in: Array(templates.keys), noun: "gabarits")))
                    continue
                }
                if depth < 8 {
                    var inner: [Section] = []
                    check(partial, file: "Templates/\(tag.name).mustache", lineOffset: 0, scopes: &scopes, sections: &inner, depth: depth + 1, into: &diagnostics)
                }
            case .variable, .unescaped:
                if tag.kind == .unescaped, !allowsUnescaped {
                    diagnostics.append(location.error("insertion non échappée {{{\(tag.name)}}} interdite dans un texte", hint: "écrivez {{\(tag.name)}} : la valeur sera insérée comme texte"))
                }
                _ = resolve(tag, in: scopes, location: location, into: &diagnostics)
            case .section, .inverted:
                guard let value = resolve(tag, in: scopes, location: location, into: &diagnostics) else {
                    sections.append(Section(pushed: false, skipped: true))
                    continue
                }
                let renders = tag.transformed || Self.isTruthy(value) == (tag.kind == .section)
                if tag.kind == .section, renders, !tag.transformed {
                    scopes.append(Self.scope(of: value))
                    sections.append(Section(pushed: true, skipped: false))
                } else {
                    sections.append(Section(pushed: false, skipped: !renders))
                }
            case .close:
                guard let open = sections.popLast() else { continue }
                if open.pushed { scopes.removeLast() }
            }
        }
    }

    struct Section {
        var pushed: Bool
        var skipped: Bool
    }

    private static func isTruthy(_ value: Any) -> Bool {
        switch value {
        case let flag as Bool: return flag
        case let list as [Any]: return !list.isEmpty
        // Objects and texts are asked first: asking an object whether it is an NSNull converts
        // it to an NSDictionary (half of this check's time on the HTML benchmark).
        case is [String: Any], is String: return true
        case is NSNull: return false
        default: return true
        }
    }

    /// The value the tag's name denotes, or nil after reporting why it does not exist.
    private func resolve(_ tag: MustacheTag, in scopes: [Any], location: SourceLocation, into diagnostics: inout [Diagnostic]) -> Any? {
        let name = tag.name, parts = tag.path
        if name == "." { return scopes.last }
        guard let first = parts.first else { return nil }
        var found: Any?
        for scope in scopes.reversed() {
            if let value = Self.child(first, of: scope) { found = value; break }
        }
        guard var value = found else {
            let known = scopes.reversed().flatMap { Self.keys(of: $0) }
            diagnostics.append(location.error("variable « \(name) » absente des données", hint: Suggestion.hint(for: first, in: Array(Set(known)), noun: "variables")))
            return nil
        }
        for (index, part) in parts.enumerated().dropFirst() {
            guard let child = Self.child(part, of: value) else {
                let prefix = parts[..<index].joined(separator: ".")
                diagnostics.append(location.error("variable « \(name) » absente des données : « \(prefix) » n'a pas de champ « \(part) »", hint: Suggestion.hint(for: part, in: Self.keys(of: value), noun: "champs")))
                return nil
            }
            value = child
        }
        return value
    }

    private static func child(_ key: String, of value: Any) -> Any? {
        (value as? [String: Any])?[key]
    }

    private static func keys(of value: Any) -> [String] {
        (value as? [String: Any]).map { Array($0.keys) } ?? []
    }

    /// What a section pushes: a list stands for its elements, merged so that any element's key is known.
    private static func scope(of value: Any) -> Any {
        guard let list = value as? [Any] else { return value }
        var merged: [String: Any] = [:]
        for element in list {
            guard let object = element as? [String: Any] else { return element }
            merged.merge(object) { current, _ in current }
        }
        return merged
    }
}
