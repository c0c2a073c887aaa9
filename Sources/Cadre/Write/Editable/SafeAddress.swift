/// The safe address of an outside link, or nil for a scheme that runs code or reads local files.
enum SafeAddress {
    static func external(_ url: String) -> String? {
        let lower = url.prefix(20).lowercased()
        for scheme in ["javascript:", "vbscript:", "file:", "data:"] where lower.hasPrefix(scheme) { return nil }
        return url
    }
}
