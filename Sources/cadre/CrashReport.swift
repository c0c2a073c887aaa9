import Cadre
import Foundation

/// What a user sees when cadre itself fails (a bug, not their content): one French line that
/// says what was being done, and exit status 1 — never a Swift backtrace. `CADRE_TRACE=1`
/// leaves the runtime's own report (with the backtrace) in place, for whoever fixes the bug.
enum CrashReport {
    /// The step in progress, as C bytes: a signal handler may read memory but not allocate.
    /// `nonisolated(unsafe)`: a raw C buffer, written between steps by the command and read by
    /// the signal handler (which can take no lock); the compiler cannot check that boundary.
    private nonisolated(unsafe) static let step = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    private static let capacity = 256
    private static let prefix = Array("cadre : erreur interne pendant « ".utf8)
    private static let suffix = Array(" » — ce n'est pas votre contenu : signalez-le, avec la commande lancée (CADRE_TRACE=1 affiche la trace technique)\n".utf8)

    /// Replaces the runtime's crash handlers by one that prints a French line and exits 1.
    static func install(command: String) {
        record(command)
        guard ProcessInfo.processInfo.environment["CADRE_TRACE"] == nil else { return }
        // A stack overflow leaves no stack to run the handler on: give it its own.
        let size = 1 << 16
        var alternate = stack_t(ss_sp: UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16), ss_flags: 0, ss_size: size)
        sigaltstack(&alternate, nil)
        for signal in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _ in
                _ = CrashReport.prefix.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count) }
                _ = write(STDERR_FILENO, CrashReport.step, strnlen(CrashReport.step, CrashReport.capacity))
                _ = CrashReport.suffix.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count) }
                _exit(1)
            }
            action.sa_flags = SA_ONSTACK
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }

    /// Remembers the step in progress (a publication, a batch), for the crash line.
    static func record(_ text: String) {
        let bytes = Array(Diagnostic.escaped(text).utf8.prefix(capacity - 1))
        // The terminator first: a crash while copying shows a shorter name, never garbage.
        step[0] = 0
        step[bytes.count] = 0
        for (index, byte) in bytes.enumerated().reversed() { step[index] = byte }
    }
}

private func strnlen(_ pointer: UnsafePointer<UInt8>, _ limit: Int) -> Int {
    var count = 0
    while count < limit, pointer[count] != 0 { count += 1 }
    return count
}
