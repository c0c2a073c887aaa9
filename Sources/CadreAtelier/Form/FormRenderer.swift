import Cadre

/// A step's form as HTML, filled from the collectivité's file, each field with its label, the
/// guide's help and the rules it breaks now. Works without JavaScript: a repeated group shows
/// one blank item to fill, a position to reorder and a box to remove each item.
struct FormRenderer {
    let tree: StrategyTree
    let desk: StrategyDesk
    /// The rules each field breaks, as HTML, by field path (see `RuleFindings`).
    let findings: RuleFindings

    func render(_ step: Step) -> String {
        step.fields.map { field(field: $0, at: .key($0.key)) }.joined(separator: "\n")
    }

    private func field(field: Field, at path: FieldPath) -> String {
        let id = path.id
        let help = field.help.map { "<p class=\"aide\" id=\"\(id)-aide\">\(escape($0))</p>" } ?? ""
        let described = (field.help == nil ? "" : "\(id)-aide ") + "\(id)-regles"
        let rules = "<div class=\"regles\" id=\"\(id)-regles\" aria-live=\"polite\">\(findings.html(for: path))</div>"
        let required = field.required ? " <abbr title=\"obligatoire\" class=\"obligatoire\">*</abbr>" : ""
        let name = escape(path.description)
        switch field.kind {
        case .group(let fields):
            let inner = fields.map { self.field(field: $0, at: path.appending($0.key)) }.joined(separator: "\n")
            return "<fieldset class=\"groupe\" id=\"\(id)\"><legend>\(escape(field.label))</legend>\(help)\(rules)\(inner)</fieldset>"
        case .repeated(let fields, let item):
            return repeated(field, fields: fields, item: item, at: path, help: help, rules: rules)
        case .yesNo:
            let value = tree.text(at: path)
            let radios = [("true", "Oui"), ("false", "Non")].map { option, label in
                "<label class=\"choix\"><input type=\"radio\" name=\"\(name)\" value=\"\(option)\"\(value == option ? " checked" : "")> \(label)</label>"
            }.joined()
            return "<fieldset class=\"champ\" id=\"\(id)\" aria-describedby=\"\(described)\"><legend>\(escape(field.label))\(required)</legend>\(help)\(radios)\(rules)</fieldset>"
        case .choices(let list):
            let chosen = Set(tree.items(at: path).compactMap { if case .scalar(let text, _) = $0 { text } else { nil } })
            let boxes = desk.choices(list).map { choice in
                "<label class=\"choix\"><input type=\"checkbox\" name=\"\(name)\" value=\"\(escape(choice.value))\"\(chosen.contains(choice.value) ? " checked" : "")> \(escape(choice.label))</label>"
            }.joined()
            // An unchecked box posts nothing: this empty value says the question was on the page.
            return "<fieldset class=\"champ\" id=\"\(id)\" aria-describedby=\"\(described)\"><legend>\(escape(field.label))\(required)</legend>\(help)<input type=\"hidden\" name=\"\(name)\" value=\"\">\(boxes)\(rules)</fieldset>"
        default:
            let label = "<label for=\"\(id)\">\(escape(field.label))\(required)</label>"
            return "<div class=\"champ\" id=\"bloc-\(id)\">\(label)\(help)\(control(field, at: path, id: id, described: described))\(rules)</div>"
        }
    }

    private func control(_ field: Field, at path: FieldPath, id: String, described: String) -> String {
        let name = escape(path.description)
        let common = "id=\"\(id)\" name=\"\(name)\" aria-describedby=\"\(described)\"" + (findings.has(path) ? " aria-invalid=\"true\"" : "")
        switch field.kind {
        case .paragraph:
            return "<textarea \(common) rows=\"3\">\(escape(tree.text(at: path)))</textarea>"
        case .lines:
            let count = max(3, tree.items(at: path).count + 1)
            return "<textarea \(common) rows=\"\(min(count, 10))\">\(escape(tree.text(at: path)))</textarea>"
        case .identifiers:
            return "<input type=\"text\" \(common) value=\"\(escape(tree.text(at: path, separator: ", ")))\" autocomplete=\"off\">"
        case .choice, .reference:
            let value = tree.text(at: path)
            var options: [StrategyDesk.Choice]
            if case .choice(let list) = field.kind {
                options = desk.choices(list)
            } else if case .reference(let group) = field.kind {
                options = tree.items(at: .key(group)).compactMap { item in
                    let id = item.text(at: .key("id"))
                    return id.isEmpty ? nil : StrategyDesk.Choice(value: id, label: "\(id) — \(item.text(at: .key("intitule")))")
                }
            } else {
                options = []
            }
            // A value the list does not know (hand-written) stays, so that saving keeps it and the check names it.
            if !value.isEmpty, !options.contains(where: { $0.value == value }) { options.append(.init(value: value, label: value)) }
            let rendered = ["<option value=\"\"\(value.isEmpty ? " selected" : "")>— choisir —</option>"] + options.map { choice in
                "<option value=\"\(escape(choice.value))\"\(choice.value == value ? " selected" : "")>\(escape(choice.label))</option>"
            }
            return "<select \(common)>\(rendered.joined())</select>"
        case .integer, .decimal:
            return "<input type=\"text\" inputmode=\"decimal\" \(common) value=\"\(escape(tree.text(at: path)))\" autocomplete=\"off\">"
        case .month:
            return "<input type=\"text\" inputmode=\"numeric\" placeholder=\"AAAA-MM\" \(common) value=\"\(escape(tree.text(at: path)))\" autocomplete=\"off\">"
        default:
            return "<input type=\"text\" \(common) value=\"\(escape(tree.text(at: path)))\">"
        }
    }

    private func repeated(_ field: Field, fields: [Field], item: String, at path: FieldPath, help: String, rules: String) -> String {
        let items = tree.items(at: path)
        var html = "<fieldset class=\"groupe-repete\" id=\"\(path.id)\" data-chemin=\"\(escape(path.description))\" data-suivant=\"\(items.count + 1)\"><legend>\(escape(field.label))</legend>\(help)\(rules)"
        for index in items.indices {
            html += self.item(fields, item: item, at: path.appending(index), number: index + 1, isNew: false)
        }
        html += self.item(fields, item: item, at: path.appending(items.count), number: items.count + 1, isNew: true)
        // For JavaScript: another blank item, its index written __i__.
        let template = FormRenderer(tree: .empty, desk: desk, findings: RuleFindings()).item(fields, item: item, at: path.appending(9999), number: 0, isNew: true)
            .replacingOccurrences(of: "9999", with: "__i__")
        html += "<template class=\"modele-element\">\(template)</template>"
        return html + "</fieldset>"
    }

    fileprivate func item(_ fields: [Field], item: String, at path: FieldPath, number: Int, isNew: Bool) -> String {
        let id = path.id
        let title = isNew ? "Ajouter : \(item.lowercased())" : "\(item) \(number)"
        var html = "<fieldset class=\"element\(isNew ? " nouveau" : "")\" id=\"\(id)\"><legend>\(escape(title))</legend>"
        html += "<div class=\"regles\" id=\"\(id)-regles\" aria-live=\"polite\">\(findings.html(for: path))</div>"
        html += fields.map { self.field(field: $0, at: path.appending($0.key)) }.joined(separator: "\n")
        if !isNew {
            html += "<div class=\"ordre\"><label for=\"\(id)-_position\">Position</label><input type=\"text\" inputmode=\"numeric\" id=\"\(id)-_position\" name=\"\(escape(path.description))._position\" value=\"\(number)\" size=\"3\">"
            html += "<label class=\"choix\"><input type=\"checkbox\" name=\"\(escape(path.description))._supprimer\" value=\"1\"> Supprimer cet élément</label></div>"
        }
        return html + "</fieldset>"
    }
}
