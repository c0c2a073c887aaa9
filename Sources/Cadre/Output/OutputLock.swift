import Foundation
import Synchronization

/// An exclusive lock on an output folder, held from staging to commit, so that two runs
/// writing into the same folder take turns instead of swapping folders under each other.
/// The folder itself is locked (`flock` on its descriptor): no lock file is left behind, and
/// the kernel releases the lock when the process dies, even by `kill -9`.
public final class OutputLock: Sendable {
    private let descriptor: Int32

    /// Called once when a run has to wait for another (the command line says so, in French).
    public static var waiting: (@Sendable (URL) -> Void)? {
        get { hook.withLock { $0 } }
        set { hook.withLock { $0 = newValue } }
    }
    private static let hook = Mutex<(@Sendable (URL) -> Void)?>(nil)

    /// Waits until no other run holds the folder, then holds it until released.
    init(folder: URL) throws {
        descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemCallError(path: folder.path, code: errno) }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
        if errno == EWOULDBLOCK { Self.waiting?(folder) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let error = SystemCallError(path: folder.path, code: errno)
                close(descriptor)
                throw error
            }
        }
    }

    deinit { close(descriptor) }
}
