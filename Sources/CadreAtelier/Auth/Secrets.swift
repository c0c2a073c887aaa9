import Crypto
import Foundation
import HummingbirdBcrypt

/// Tokens and passwords. A token (session, invitation) is 32 random bytes given to the browser
/// once; the database keeps only its SHA-256, so that a copy of the database opens no session.
/// Passwords are hashed with bcrypt, off the server's event loops.
enum Secrets {
    /// A new random token, URL-safe.
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// What the database keeps of `token`.
    static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Equal strings, compared in a time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// bcrypt's cost: 2^11 rounds, about 0.1 s here.
    static let cost: UInt8 = 11

    static let minimumPasswordLength = 12

    static func hash(password: String) async -> String {
        await offLoop { Bcrypt.hash(password, cost: cost) }
    }

    static func verify(password: String, hash: String?) async -> Bool {
        // An unknown address, or an account with no password yet, still costs a real hash: no
        // timing tells them apart from a wrong password.
        await offLoop { Bcrypt.verify(password, hash: hash ?? unusable) }
    }

    /// A hash no password typed matches (its password is random and forgotten).
    private static let unusable = Bcrypt.hash(token(), cost: cost)

    /// Slow work on a dispatch thread, not on the threads that serve requests.
    private static func offLoop<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}
