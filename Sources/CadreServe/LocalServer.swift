import Hummingbird
import Logging
import ServiceLifecycle

/// What `cadre serve` and `cadre atelier` share: a Hummingbird server on `host:port` beside a
/// service of their own, until Ctrl-C or SIGTERM. Services stop in reverse order: the
/// companion first (its streams and workers end), then the HTTP server.
public enum LocalServer {
    /// The port is taken by another program.
    public struct PortInUse: Error {}

    /// Serves `router` until stopped; `ready` hears the port once the server listens.
    public static func run(_ router: Router<BasicRequestContext>, host: String, port: Int, label: String,
                           beside companion: some Service, ready: @escaping @Sendable (Int) async -> Void) async throws {
        var logger = Logger(label: label)
        // The server's own messages are for developers (a page that closes its connection is
        // logged as an error); what a user must know is said in French by the command.
        logger.logLevel = .critical
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "cadre"),
            onServerRunning: { server in await ready(server.localAddress?.port ?? 0) },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [.init(service: app), .init(service: companion)],
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch where "\(error)".contains("Address already in use") {
            throw PortInUse()
        }
    }
}
