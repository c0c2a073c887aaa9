import Foundation

/// Failed sign-ins by email and by address: after `limit` failures in `window` seconds, the
/// next attempts are refused (HTTP 429) until the window has passed, whatever the password.
actor LoginThrottle {
    static let limit = 5
    static let window: Double = 15 * 60

    private var failures: [String: [Double]] = [:]

    /// Seconds to wait before trying again, or nil when an attempt is allowed.
    func wait(for keys: [String]) -> Double? {
        let now = Date().timeIntervalSince1970
        var longest: Double?
        for key in keys {
            let recent = (failures[key] ?? []).filter { now - $0 < Self.window }
            failures[key] = recent.isEmpty ? nil : recent
            if recent.count >= Self.limit, let oldest = recent.first { longest = max(longest ?? 0, Self.window - (now - oldest)) }
        }
        return longest
    }

    func fail(_ keys: [String]) {
        let now = Date().timeIntervalSince1970
        for key in keys { failures[key, default: []].append(now) }
    }

    func succeed(_ keys: [String]) {
        for key in keys { failures[key] = nil }
    }
}
