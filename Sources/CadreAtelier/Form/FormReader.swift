import Foundation

/// A posted step: its fields written into the collectivité's file. Only the step's own keys
/// change; a value the form cannot parse (« douze » for a population) is kept as text so that
/// `cadre strategie`'s checks name it beside its field, as they would in a hand-written file.
struct FormReader {
    /// The posted values, by field name (several for checkboxes).
    let values: [String: [String]]

    func value(_ path: FieldPath) -> String? { values[path.description]?.last }

    /// `tree` with the fields of `step` as posted.
    func apply(_ step: Step, to original: StrategyTree) -> StrategyTree {
        var tree = original
        for field in step.fields {
            let path = FieldPath.key(field.key)
            tree = tree.setting(read(field, at: path, existing: tree.value(at: path)), at: path)
        }
        return Self.placingNewKeys(tree, was: original)
    }

    /// The file's order for keys it did not have: a key the form adds goes before the first
    /// key that the guide's steps ask after it, so that a file filled in any order reads in the
    /// guide's order. Keys already there keep their place.
    static func placingNewKeys(_ tree: StrategyTree, was old: StrategyTree) -> StrategyTree {
        guard case .map(var pairs) = tree else { return tree }
        let order = Steps.all.flatMap(\.fields).map(\.key)
        var before: Set<String> = []
        if case .map(let existing) = old { before = Set(existing.map(\.key)) }
        for key in pairs.map(\.key) where !before.contains(key) {
            guard let rank = order.firstIndex(of: key), let from = pairs.firstIndex(where: { $0.key == key }) else { continue }
            let pair = pairs.remove(at: from)
            let to = pairs.firstIndex { other in (order.firstIndex(of: other.key) ?? -1) > rank } ?? pairs.count
            pairs.insert(pair, at: to)
        }
        return .map(pairs)
    }

    /// The value of `field` at `path`; nil removes it from the file.
    private func read(_ field: Field, at path: FieldPath, existing: StrategyTree?) -> StrategyTree? {
        switch field.kind {
        case .text, .choice, .reference:
            return text(value(path)?.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " "))
        case .paragraph:
            return text(value(path)?.replacingOccurrences(of: "\r\n", with: "\n"))
        case .integer:
            return number(value(path)) { Int($0).map(String.init) }
        case .decimal:
            return number(value(path)) { text in Double(text.replacingOccurrences(of: ",", with: ".")).flatMap { $0.isFinite ? Self.decimal($0) : nil } }
        case .month:
            guard let written = trimmed(value(path)) else { return nil }
            let isDate = written.range(of: #"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$"#, options: .regularExpression) != nil
            return .scalar(written, typed: isDate)
        case .yesNo:
            guard let written = value(path), ["true", "false"].contains(written) else { return existing }
            return .scalar(written, typed: true)
        case .choices:
            let posted = (values[path.description] ?? []).filter { !$0.isEmpty }
            // The file's order first (a set of choices: saving unchanged changes nothing).
            var stored: [String] = []
            if case .list(let items)? = existing {
                for case .scalar(let text, _) in items { stored.append(text) }
            }
            let chosen = stored.filter { posted.contains($0) } + posted.filter { !stored.contains($0) }
            return list(chosen, required: field.required)
        case .lines:
            let lines = (value(path) ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return list(lines, required: field.required)
        case .identifiers:
            let ids = (value(path) ?? "").split(whereSeparator: { ",; \t\n".contains($0) }).map(String.init).filter { !$0.isEmpty }
            return list(ids, required: field.required)
        case .group(let fields):
            var group = existing ?? .empty
            for child in fields {
                let childPath = path.appending(child.key)
                group = group.setting(read(child, at: childPath, existing: group[child.key]), at: .key(child.key))
            }
            if case .map(let pairs) = group, pairs.isEmpty, !field.required { return nil }
            return group
        case .repeated(let fields, _):
            return repeated(fields, at: path, existing: existing)
        }
    }

    /// The items posted for a repeated group, in their chosen order: each item merges into the
    /// stored item of the same index (keys the form does not show survive); a blank new item,
    /// or one marked for removal, is dropped.
    private func repeated(_ fields: [Field], at path: FieldPath, existing: StrategyTree?) -> StrategyTree {
        var stored: [StrategyTree] = []
        if case .list(let items)? = existing { stored = items }
        let prefix = path.description + "."
        var indices: Set<Int> = []
        for name in values.keys where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            if let index = Int(rest.prefix { $0.isNumber }), rest.dropFirst(String(index).count).first == "." { indices.insert(index) }
        }
        var items: [(position: Double, item: StrategyTree)] = []
        for index in indices.sorted() {
            let itemPath = path.appending(index)
            if value(itemPath.appending("_supprimer")) != nil { continue }
            let base = index < stored.count ? stored[index] : StrategyTree.empty
            var item = base
            var filled = false
            for child in fields {
                let childPath = itemPath.appending(child.key)
                let read = read(child, at: childPath, existing: base[child.key])
                if hasContent(read, of: child) { filled = true }
                item = item.setting(read, at: .key(child.key))
            }
            // A new item left blank is not an item.
            if index >= stored.count, !filled { continue }
            let position = value(itemPath.appending("_position")).flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } ?? Double(index + 1)
            items.append((position, item))
        }
        // Stable: equal positions keep the form's order.
        let ordered = items.enumerated().sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }.map(\.element.item)
        return .list(ordered)
    }

    private func hasContent(_ value: StrategyTree?, of field: Field) -> Bool {
        switch (value, field.kind) {
        case (nil, _): false
        case (_, .yesNo): false
        case (.list(let items)?, _): !items.isEmpty
        case (.map(let pairs)?, _): !pairs.isEmpty
        case (.scalar(let text, _)?, _): !text.isEmpty
        }
    }

    private func trimmed(_ text: String?) -> String? {
        // A byte-order mark pasted with a text would not survive YAML: it goes.
        guard let text = text?.replacingOccurrences(of: "\u{FEFF}", with: "").trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    private func text(_ text: String?) -> StrategyTree? { trimmed(text).map { .scalar($0, typed: false) } }

    /// A number as YAML writes it, or the text as typed when it is not one.
    private func number(_ text: String?, parse: (String) -> String?) -> StrategyTree? {
        guard let written = trimmed(text) else { return nil }
        let compact = written.filter { !" \u{00A0}\u{202F}".contains($0) }
        if let number = parse(compact) { return .scalar(number, typed: true) }
        return .scalar(written, typed: false)
    }

    private func list(_ texts: [String], required: Bool) -> StrategyTree? {
        if texts.isEmpty { return required ? .list([]) : nil }
        return .list(texts.map { .scalar($0, typed: false) })
    }

    static func decimal(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

extension FormReader {
    /// The fields of an `application/x-www-form-urlencoded` body.
    init(urlEncoded body: String) {
        var values: [String: [String]] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String { String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            let name = decode(parts[0])
            values[name, default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
        self.values = values
    }
}
