import Cadre
import Foundation

/// What a user sees when cadre itself fails (a bug, not their content): one French line that
/// says what was being done and names the file where the backtrace was written, and exit
/// status 1 — never a Swift backtrace on the terminal. `CADRE_TRACE=1` leaves the runtime's
/// own report (with the backtrace) in place, for whoever fixes the bug.
enum CrashReport {
    /// The step in progress, as C bytes: a signal handler may read memory but not allocate.
    /// `nonisolated(unsafe)`: a raw C buffer, written between steps by the command and read by
    /// the signal handler (which can take no lock); the compiler cannot check that boundary.
    private nonisolated(unsafe) static let step = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    private static let capacity = 256
    private static let prefix = Array("cadre : erreur interne pendant « ".utf8)
    private static let suffix = Array(" » — ce n'est pas votre contenu : signalez-le, avec la commande lancée (CADRE_TRACE=1 affiche la trace technique)\n".utf8)
    private static let traceSuffix = Array(" » — ce n'est pas votre contenu : signalez-le, avec la commande lancée et la trace technique écrite dans ".utf8)
    /// The trace file's path, a C string made before any crash (the handler cannot build one):
    /// `cadre-panne-<pid>.txt` in the temporary folder, created only by a crash.
    private nonisolated(unsafe) static var tracePath: [CChar] = []
    /// Room for the return addresses of the crashed thread, allocated before any crash.
    private nonisolated(unsafe) static let frames = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: frameCapacity)
    private static let frameCapacity = 128
    /// glibc's `backtrace` and `backtrace_symbols_fd` (execinfo.h, which Swift's Glibc module
    /// does not import), looked up once at start.
    private typealias Backtrace = @convention(c) (UnsafeMutablePointer<UnsafeMutableRawPointer?>?, Int32) -> Int32
    private typealias BacktraceSymbols = @convention(c) (UnsafePointer<UnsafeMutableRawPointer?>?, Int32, Int32) -> Void
    private nonisolated(unsafe) static var backtrace: Backtrace?
    private nonisolated(unsafe) static var backtraceSymbols: BacktraceSymbols?

    /// Replaces the runtime's crash handlers by one that prints a French line and exits 1.
    static func install(command: String) {
        record(command)
        guard ProcessInfo.processInfo.environment["CADRE_TRACE"] == nil else { return }
        tracePath = Array(FileManager.default.temporaryDirectory.appendingPathComponent("cadre-panne-\(getpid()).txt").path.utf8CString)
        let process = dlopen(nil, RTLD_NOW)
        if let address = dlsym(process, "backtrace"), let symbols = dlsym(process, "backtrace_symbols_fd") {
            backtrace = unsafeBitCast(address, to: Backtrace.self)
            backtraceSymbols = unsafeBitCast(symbols, to: BacktraceSymbols.self)
            // glibc loads its unwinder on the first call, which allocates: done now, not in the handler.
            _ = backtrace?(frames, Int32(frameCapacity))
        }
        // A stack overflow leaves no stack to run the handler on: give it its own.
        let size = 1 << 16
        var alternate = stack_t(ss_sp: UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16), ss_flags: 0, ss_size: size)
        sigaltstack(&alternate, nil)
        for signal in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                let traced = CrashReport.writeTrace(signal: signal)
                _ = CrashReport.prefix.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count) }
                _ = write(STDERR_FILENO, CrashReport.step, strnlen(CrashReport.step, CrashReport.capacity))
                if traced {
                    _ = CrashReport.traceSuffix.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count) }
                    _ = CrashReport.tracePath.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
                    _ = write(STDERR_FILENO, "\n", 1)
                } else {
                    _ = CrashReport.suffix.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count) }
                }
                _exit(1)
            }
            action.sa_flags = SA_ONSTACK
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }

    /// Writes the signal, the step and the crashed thread's return addresses (glibc's
    /// `backtrace_symbols_fd`: binary, symbol and offset, without allocating) to the trace
    /// file; whether it could. Runs in the signal handler: system calls and no allocation.
    private static func writeTrace(signal: Int32) -> Bool {
        guard !tracePath.isEmpty, let backtrace, let backtraceSymbols else { return false }
        let file = tracePath.withUnsafeBufferPointer { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o600) }
        guard file >= 0 else { return false }
        let header = Array("cadre : erreur interne (signal ".utf8)
        _ = header.withUnsafeBufferPointer { write(file, $0.baseAddress, $0.count) }
        var digits: [UInt8] = [0x30 + UInt8(truncatingIfNeeded: signal / 10 % 10), 0x30 + UInt8(truncatingIfNeeded: signal % 10)]
        if digits[0] == 0x30 { digits.removeFirst() }
        _ = digits.withUnsafeBufferPointer { write(file, $0.baseAddress, $0.count) }
        _ = write(file, ") pendant « ", strlen(") pendant « "))
        _ = write(file, step, strnlen(step, capacity))
        let reading = " »\nadresses : addr2line -f -C -e BINAIRE DÉCALAGE, pour chaque ligne BINAIRE(+DÉCALAGE)\n"
        _ = write(file, reading, strlen(reading))
        let count = backtrace(frames, Int32(frameCapacity))
        backtraceSymbols(frames, count, file)
        close(file)
        return true
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
