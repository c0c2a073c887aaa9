import Foundation
import GRDB

/// The versions of each strategy: every save is kept, with who saved it.
extension Store {
    /// How long a run of autosaves by one person stays one version (typing, then a pause).
    static let autosaveWindow: Double = 10 * 60

    func latestVersion(of collectivite: Collectivite) throws -> Version? {
        try pool.read { db in try Self.latest(db, collectivite.id!) }
    }

    private static func latest(_ db: Database, _ collectivite: Int64) throws -> Version? {
        try Version.filter(Column("collectiviteId") == collectivite).order(Column("id").desc).fetchOne(db)
    }

    /// A version of `collectivite` by its id; nil when the id belongs to another collectivité.
    func version(_ id: Int64, of collectivite: Collectivite) throws -> Version? {
        try pool.read { db in try Version.filter(Column("id") == id && Column("collectiviteId") == collectivite.id!).fetchOne(db) }
    }

    /// The version before `version`, to show what changed.
    func previous(_ version: Version) throws -> Version? {
        try pool.read { db in
            try Version.filter(Column("collectiviteId") == version.collectiviteId && Column("id") < version.id!).order(Column("id").desc).fetchOne(db)
        }
    }

    /// Every version of `collectivite`, newest first, with its author's email.
    func history(of collectivite: Collectivite) throws -> [(version: Version, author: String)] {
        try pool.read { db in
            let versions = try Version.filter(Column("collectiviteId") == collectivite.id!).order(Column("id").desc).fetchAll(db)
            let authors = try Dictionary(Account.fetchAll(db, keys: Set(versions.map(\.authorId))).map { ($0.id!, $0.email) }, uniquingKeysWith: { a, _ in a })
            return versions.map { ($0, authors[$0.authorId] ?? "?") }
        }
    }

    /// Saves `text` as `collectivite`'s strategy. An autosave that follows the same person's
    /// autosave within `autosaveWindow` updates it (one version per sitting, nothing lost);
    /// « Enregistrer » closes the sitting's version. Saving the same text again changes nothing.
    @discardableResult
    func save(_ text: String, of collectivite: Collectivite, by author: Account, kind: Version.Kind) throws -> Version {
        try pool.write { db in
            let now = Date().timeIntervalSince1970
            if var latest = try Self.latest(db, collectivite.id!) {
                let sitting = latest.kind == .autosave && latest.authorId == author.id! && now - latest.savedAt < Self.autosaveWindow
                if latest.text == text && (kind == .autosave || !sitting) { return latest }
                if sitting && (kind == .autosave || kind == .save) {
                    latest.text = text
                    latest.savedAt = now
                    latest.kind = kind
                    try latest.update(db)
                    return latest
                }
            }
            var version = Version(id: nil, collectiviteId: collectivite.id!, text: text, authorId: author.id!, savedAt: now, kind: kind)
            try version.insert(db)
            return version
        }
    }
}
