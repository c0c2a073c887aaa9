import Cadre

/// A review's diagnostics placed on the form: each beside the field it concerns (the deepest
/// question of the form above the value it points at), the others on the overview.
struct RuleFindings {
    struct Finding {
        var diagnostic: Diagnostic
        var rule: String?
        /// The field it is shown beside; nil when it concerns the file as a whole.
        var anchor: FieldPath?
        /// The step of that field.
        var step: Int?
    }

    private(set) var findings: [Finding] = []
    private var byAnchor: [FieldPath: [Finding]] = [:]

    init() {}

    init(review: StrategyDesk.Review, locator: FieldLocator, tree: StrategyTree) {
        var shown: [FieldPath: Int] = [:]
        for step in Steps.all {
            for field in step.fields {
                for path in field.paths(under: nil, count: { tree.items(at: $0).count + 1 }) { shown[path] = step.number }
            }
        }
        for diagnostic in review.diagnostics {
            var anchor = locator.path(of: diagnostic)
            while let candidate = anchor, shown[candidate] == nil { anchor = candidate.parent }
            let finding = Finding(diagnostic: diagnostic, rule: FieldLocator.rule(of: diagnostic), anchor: anchor, step: anchor.flatMap { shown[$0] })
            findings.append(finding)
            if let anchor { byAnchor[anchor, default: []].append(finding) }
        }
    }

    func has(_ path: FieldPath) -> Bool { byAnchor[path] != nil }

    /// The field of an item a rule about the whole item means: an objective without échéance is
    /// shown on the objective, and its échéance field is the one marked invalid and described by it.
    static let ruleField: [String: String] = [
        "objectif-date": "echeance", "objectif-mesurable": "indicateurs", "indicateurs-peu-nombreux": "indicateurs",
        "activite-responsable": "responsable", "activite-duree": "debut",
    ]

    /// The item's findings that concern the field at `path` (its key is what the rule means).
    func itemFindings(for path: FieldPath) -> Bool {
        guard let item = path.parent, case .key(let key)? = path.steps.last else { return false }
        return (byAnchor[item] ?? []).contains { $0.rule.flatMap { Self.ruleField[$0] } == key }
    }

    /// The ids of the fields marked invalid on `step`: fields with a finding of their own, and
    /// the field of an item that a rule about the item means.
    func invalidFields(step: Int) -> [String] {
        findings.filter { $0.step == step }.compactMap { finding -> String? in
            guard let anchor = finding.anchor else { return nil }
            if let key = finding.rule.flatMap({ Self.ruleField[$0] }), case .index? = anchor.steps.last { return anchor.appending(key).id }
            return anchor.id
        }
    }

    /// The findings shown beside `path`.
    func html(for path: FieldPath) -> String {
        (byAnchor[path] ?? []).map(Self.html).joined()
    }

    static func html(_ finding: Finding) -> String {
        let diagnostic = finding.diagnostic
        let kind = diagnostic.severity == .error ? "erreur" : "avertissement"
        let label = diagnostic.severity == .error ? "Erreur" : "Conseil du guide"
        var message = diagnostic.message
        if let rule = finding.rule { message = String(message.dropFirst(rule.count + 2)).trimmingCharacters(in: .whitespaces) }
        // A missing field: the form's words, not the file's (« ajoutez « vision: … » »).
        let missing = FieldLocator.missingField(diagnostic.message)
        if let missing { message = "« \(Steps.label(of: missing) ?? missing.description) » est obligatoire" }
        let hint = (missing != nil ? "Remplissez-le pour que le document puisse être produit." : diagnostic.hint).map { " <span class=\"conseil\">\(escape($0))</span>" } ?? ""
        let rule = finding.rule.map { " data-regle=\"\(escape($0))\"" } ?? ""
        return "<p class=\"regle \(kind)\"\(rule)><strong>\(label) :</strong> \(escape(message)).\(hint)</p>"
    }

    /// The list at the top of a step (or of the overview): every finding, linked to its field.
    func summary(slug: String, step current: Int?) -> String {
        guard !findings.isEmpty else {
            return "<div class=\"resume ok\" id=\"resume-regles\" aria-live=\"polite\"><p>Aucune erreur et aucun conseil du guide en attente.</p></div>"
        }
        let errors = findings.filter { $0.diagnostic.severity == .error }.count
        let advice = findings.count - errors
        var html = "<div class=\"resume\" id=\"resume-regles\" aria-live=\"polite\" role=\"region\" aria-labelledby=\"titre-resume\"><h2 id=\"titre-resume\">"
        html += [errors > 0 ? "\(errors) erreur\(errors > 1 ? "s" : "") à corriger avant de produire le document" : nil,
                 advice > 0 ? "\(advice) conseil\(advice > 1 ? "s" : "") du guide" : nil].compactMap { $0 }.joined(separator: " et ")
        html += "</h2><ul>"
        for finding in findings {
            let text = Self.html(finding)
            if let anchor = finding.anchor, let step = finding.step {
                let link = step == current ? "#\(anchor.id)" : "/strategies/\(slug)/etape/\(step)#\(anchor.id)"
                html += "<li>\(text) <a href=\"\(escape(link))\">Aller au champ (étape \(step))</a></li>"
            } else {
                html += "<li>\(text)</li>"
            }
        }
        return html + "</ul></div>"
    }
}
