/// A problem found in the project, pointing at a file, a line and a column.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// Whether the problem stops the build.
    public enum Severity: Sendable, Hashable {
        case error, warning

        var label: String { self == .error ? "erreur" : "avertissement" }
    }

    /// An error (nothing is produced) or a warning.
    public var severity: Severity
    /// The file, relative to the project root.
    public var file: String
    /// Its line, from 1.
    public var line: Int
    /// Its column, in characters from 1.
    public var column: Int
    /// What is wrong, in French.
    public var message: String
    /// What the user should do about it, in French.
    public var hint: String?

    /// A diagnostic at a place.
    public init(_ severity: Severity = .error, file: String, line: Int, column: Int = 1, message: String, hint: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.message = message
        self.hint = hint
    }

    /// `path:line:col: erreur: message — hint` — the format editors and CI annotate. Always one
    /// line: control characters that came from the input or a file name are shown escaped, so
    /// that no input can forge a second diagnostic line.
    public var description: String {
        var text = "\(Self.escaped(file)):\(line):\(column): \(severity.label): \(Self.escaped(message))"
        if let hint { text += " — \(Self.escaped(hint))" }
        return text
    }

    /// `text` with line breaks, NUL, other control characters and bidirectional overrides
    /// written as escapes (`\n`, `\0`, `\u{1B}`…); unchanged when it has none.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }
}

extension Diagnostic: Comparable {
    /// Ordered by file, then line, then column.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.message) < (rhs.file, rhs.line, rhs.column, rhs.message)
    }
}

/// A place in a source file, used to build diagnostics.
public struct SourceLocation: Sendable, Hashable {
    /// The file, relative to the project root.
    public var file: String
    /// Its line, from 1.
    public var line: Int
    /// Its column, in characters from 1.
    public var column: Int

    /// A place in a file.
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
