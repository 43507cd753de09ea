import Foundation
import Hummingbird
import Logging

/// Runs `uccn serve`: answers on `host:port` until SIGINT or SIGTERM, then stops accepting,
/// finishes the requests in flight and returns.
public enum ServiceServer {
    public struct Configuration: Sendable {
        public var host: String
        /// 0 picks a free port (printed when listening).
        public var port: Int

        public init(host: String = "127.0.0.1", port: Int = 8080) {
            self.host = host
            self.port = port
        }
    }

    /// Serves `service` until a shutdown signal.
    ///
    /// - Parameters:
    ///   - listening: called once with the address (`http://127.0.0.1:8080`) when accepting.
    ///   - log: receives one line per request.
    public static func run(
        _ service: PlannerService, configuration: Configuration,
        listening: @escaping @Sendable (String) -> Void,
        log: @escaping @Sendable (String) -> Void
    ) async throws {
        let router = ServiceRoutes.router(service: service, log: log)
        var logger = Logger(label: "uccn-serve")
        logger.logLevel = .warning
        let host = configuration.host
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: "uccn"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                let shown = host.contains(":") ? "[\(host)]" : host
                listening("http://\(shown):\(port)")
            },
            logger: logger)
        try await app.runService()
    }
}
