import Foundation

/// Folders left in an output folder by runs that were killed before they could clean up:
/// `.cadre-staging-<pid>` of processes that no longer exist, and `.cadre-previous-*` (old
/// versions a commit had moved aside). Removed by the next run, which holds the folder's lock.
enum StaleStaging {
    static let stagingPrefix = ".cadre-staging-"
    static let previousPrefix = ".cadre-previous-"

    /// Removes the leftovers of dead runs from `output`; the caller holds the output lock.
    static func remove(in output: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        for name in names where isStale(name) {
            try? FileManager.default.removeItem(at: output.appendingPathComponent(name))
        }
    }

    static func isStale(_ name: String) -> Bool {
        if name.hasPrefix(previousPrefix) { return true }
        guard name.hasPrefix(stagingPrefix), let pid = Int32(name.dropFirst(stagingPrefix.count)) else { return false }
        return pid != getpid() && !isAlive(pid)
    }

    /// Whether a process with this id exists (a process of another user counts as alive).
    private static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
