/// The values Mustache tags and components read (`donnees`, `publication`, `collectivite`):
/// dictionaries, arrays, strings, numbers and booleans, built once from YAML and never changed
/// after. `[String: Any]` is what swift-mustache renders; it is not `Sendable` because `Any`
/// could hold anything, so this wrapper vouches that it holds only those immutable values, and
/// lets chapters of one publication be expanded on several tasks.
struct TemplateData: @unchecked Sendable {
    let values: [String: Any]

    init(_ values: [String: Any]) { self.values = values }
}
