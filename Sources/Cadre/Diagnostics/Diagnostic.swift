/// A problem found in the project, pointing at a file, a line and a column.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// Whether the problem stops the build.
    public enum Severity: Sendable, Hashable {
        case error, warning

        var label: String { self == .error ? "erreur" : "avertissement" }
    }

    public var severity: Severity
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    /// What the user should do about it, in French.
    public var hint: String?

    public init(_ severity: Severity = .error, file: String, line: Int, column: Int = 1, message: String, hint: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.message = message
        self.hint = hint
    }

    /// `path:line:col: erreur: message. Conseil : hint` — the format editors and CI annotate.
    public var description: String {
        var text = "\(file):\(line):\(column): \(severity.label): \(message)"
        if let hint { text += " — \(hint)" }
        return text
    }
}

extension Diagnostic: Comparable {
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.message) < (rhs.file, rhs.line, rhs.column, rhs.message)
    }
}

/// A place in a source file, used to build diagnostics.
public struct SourceLocation: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    func error(_ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, file: file, line: line, column: column, message: message, hint: hint)
    }

    func warning(_ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, column: column, message: message, hint: hint)
    }
}
