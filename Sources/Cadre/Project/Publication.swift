/// A publication of the project (`Content/<name>/`): settings and ordered chapters.
public struct Publication: Sendable {
    public var name: String
    public var settings: PublicationSettings
    public var chapters: [Chapter]
    /// Path of `publication.yml`, relative to the project root.
    public var settingsPath: String
}
