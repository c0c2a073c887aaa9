import Foundation
import GRDB

/// The atelier's database: one SQLite file (`atelier.sqlite` in the data folder) through GRDB.
/// SQLite because the atelier is one process on one machine — the network's server or a
/// laptop — and a single file is what such a host backs up; the strategies themselves are
/// stored as the YAML text `cadre strategie` reads, so that export and import are exact.
final class Store: Sendable {
    let pool: DatabasePool

    static let fileName = "atelier.sqlite"

    init(folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        pool = try DatabasePool(path: folder.appendingPathComponent(Self.fileName).path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE collectivite (
                    id INTEGER PRIMARY KEY,
                    slug TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    createdAt DOUBLE NOT NULL);
                CREATE TABLE account (
                    id INTEGER PRIMARY KEY,
                    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
                    passwordHash TEXT,
                    role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
                    collectiviteId INTEGER REFERENCES collectivite(id),
                    createdAt DOUBLE NOT NULL);
                CREATE TABLE invitation (
                    tokenHash TEXT PRIMARY KEY,
                    accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                    expiresAt DOUBLE NOT NULL);
                CREATE TABLE session (
                    tokenHash TEXT PRIMARY KEY,
                    accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                    csrf TEXT NOT NULL,
                    expiresAt DOUBLE NOT NULL);
                CREATE TABLE version (
                    id INTEGER PRIMARY KEY,
                    collectiviteId INTEGER NOT NULL REFERENCES collectivite(id),
                    text TEXT NOT NULL,
                    authorId INTEGER NOT NULL REFERENCES account(id),
                    savedAt DOUBLE NOT NULL,
                    kind TEXT NOT NULL);
                CREATE INDEX version_by_collectivite ON version(collectiviteId, id);
                """)
        }
        return migrator
    }
}

// MARK: Records

struct Collectivite: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    var id: Int64?
    var slug: String
    var name: String
    var createdAt: Double

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct Account: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    enum Role: String, Codable, Sendable { case admin, member }
    var id: Int64?
    var email: String
    var passwordHash: String?
    var role: Role
    var collectiviteId: Int64?
    var createdAt: Double

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Whether this account may read and edit `collectivite`'s strategy.
    func mayOpen(_ collectivite: Collectivite) -> Bool { role == .admin || collectiviteId == collectivite.id }
}

struct Invitation: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    var tokenHash: String
    var accountId: Int64
    var expiresAt: Double
}

struct Session: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    var tokenHash: String
    var accountId: Int64
    var csrf: String
    var expiresAt: Double
}

struct Version: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    /// How a version came: typed in the form (autosaved, then closed by « Enregistrer »),
    /// imported from a file, restored from an earlier version, or the model of a new collectivité.
    enum Kind: String, Codable, Sendable { case autosave, save, importFile = "import", restore, creation }
    var id: Int64?
    var collectiviteId: Int64
    var text: String
    var authorId: Int64
    var savedAt: Double
    var kind: Kind

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
