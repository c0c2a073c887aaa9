import Foundation
import GRDB

/// Accounts, invitations and sessions.
extension Store {
    static let invitationLifetime: Double = 7 * 24 * 3600
    static let sessionLifetime: Double = 12 * 3600

    private static var now: Double { Date().timeIntervalSince1970 }

    /// Creates the administrator `email` (or, when it exists, gives it a new set-up link) and
    /// returns the one-time token of its set-up link.
    func setUpAdmin(email: String) throws -> String {
        let token = Secrets.token()
        try pool.write { db in
            var account = try Account.filter(Column("email") == email).fetchOne(db) ?? Account(id: nil, email: email, passwordHash: nil, role: .admin, collectiviteId: nil, createdAt: Self.now)
            account.role = .admin
            account.collectiviteId = nil
            try account.save(db)
            var invitation = Invitation(tokenHash: Secrets.digest(token), accountId: account.id!, expiresAt: Self.now + Self.invitationLifetime)
            try invitation.insert(db)
        }
        return token
    }

    enum InvitationProblem: Error { case emailTaken }

    /// An account for `email` in the collectivité named `name`, with a one-time set-up link (the
    /// token is returned). A new collectivité starts with `model` (its name alone) as its first version; an
    /// existing one gains a member; a member already invited gets a new link (a forgotten
    /// password). An address that belongs to another collectivité, or to the administrator, is refused.
    func invite(collectivite name: String, slug: String, email: String, model: String, by admin: Account) throws -> (Collectivite, String) {
        let token = Secrets.token()
        let collectivite = try pool.write { db -> Collectivite in
            var collectivite: Collectivite
            if let existing = try Collectivite.filter(Column("slug") == slug).fetchOne(db) {
                collectivite = existing
            } else {
                collectivite = Collectivite(id: nil, slug: slug, name: name, createdAt: Self.now)
                try collectivite.insert(db)
                var version = Version(id: nil, collectiviteId: collectivite.id!, text: model, authorId: admin.id!, savedAt: Self.now, kind: .creation)
                try version.insert(db)
            }
            var account: Account
            if let existing = try Account.filter(Column("email") == email).fetchOne(db) {
                guard existing.role == .member, existing.collectiviteId == collectivite.id else { throw InvitationProblem.emailTaken }
                account = existing
            } else {
                account = Account(id: nil, email: email, passwordHash: nil, role: .member, collectiviteId: collectivite.id, createdAt: Self.now)
                try account.insert(db)
            }
            // The new link replaces any earlier one.
            try Invitation.filter(Column("accountId") == account.id!).deleteAll(db)
            var invitation = Invitation(tokenHash: Secrets.digest(token), accountId: account.id!, expiresAt: Self.now + Self.invitationLifetime)
            try invitation.insert(db)
            return collectivite
        }
        return (collectivite, token)
    }

    /// The account a set-up link opens, while the link is valid.
    func invitedAccount(token: String) throws -> Account? {
        try pool.read { db in
            guard let invitation = try Invitation.fetchOne(db, key: Secrets.digest(token)), invitation.expiresAt > Self.now else { return nil }
            return try Account.fetchOne(db, key: invitation.accountId)
        }
    }

    /// Sets the password of the account a set-up link opens and spends the link.
    func activate(token: String, passwordHash: String) throws -> Account? {
        try pool.write { db in
            guard let invitation = try Invitation.fetchOne(db, key: Secrets.digest(token)), invitation.expiresAt > Self.now,
                  var account = try Account.fetchOne(db, key: invitation.accountId) else { return nil }
            account.passwordHash = passwordHash
            try account.update(db)
            try Invitation.filter(Column("accountId") == account.id!).deleteAll(db)
            return account
        }
    }

    func account(email: String) throws -> Account? {
        try pool.read { db in try Account.filter(Column("email") == email).fetchOne(db) }
    }

    // MARK: Sessions

    /// A new session for `account`: the cookie's token and the session's CSRF token.
    func openSession(for account: Account) throws -> (token: String, csrf: String) {
        let token = Secrets.token(), csrf = Secrets.token()
        try pool.write { db in
            try Session.filter(Column("expiresAt") < Self.now).deleteAll(db)
            var session = Session(tokenHash: Secrets.digest(token), accountId: account.id!, csrf: csrf, expiresAt: Self.now + Self.sessionLifetime)
            try session.insert(db)
        }
        return (token, csrf)
    }

    /// The session of a cookie's token, with its account, while it is valid.
    func session(token: String) throws -> (Session, Account)? {
        try pool.read { db in
            guard let session = try Session.fetchOne(db, key: Secrets.digest(token)), session.expiresAt > Self.now,
                  let account = try Account.fetchOne(db, key: session.accountId) else { return nil }
            return (session, account)
        }
    }

    func closeSession(token: String) throws {
        _ = try pool.write { db in try Session.deleteOne(db, key: Secrets.digest(token)) }
    }

    // MARK: Collectivités

    func collectivite(slug: String) throws -> Collectivite? {
        try pool.read { db in try Collectivite.filter(Column("slug") == slug).fetchOne(db) }
    }

    func collectivite(id: Int64) throws -> Collectivite? {
        try pool.read { db in try Collectivite.fetchOne(db, key: id) }
    }

    func collectivites() throws -> [Collectivite] {
        try pool.read { db in try Collectivite.order(Column("name")).fetchAll(db) }
    }

    /// The members of `collectivite`, and whether each has set a password.
    func members(of collectivite: Collectivite) throws -> [Account] {
        try pool.read { db in try Account.filter(Column("collectiviteId") == collectivite.id!).order(Column("email")).fetchAll(db) }
    }
}
