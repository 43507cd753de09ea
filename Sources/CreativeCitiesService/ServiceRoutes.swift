import CreativeCities
import Foundation
import GraphAlgorithms
import Hummingbird

/// The routes of `uccn serve` (the contract is `docs/service.md` and
/// ``OpenAPIDocument``): the page at `/`, `/healthz`, and the JSON API under `/api/v1`.
public enum ServiceRoutes {
    /// Every route: method and path pattern (`{id}`: a city id or name). A path that
    /// matches a pattern with another method is answered 405 with an `Allow` header.
    static let table: [(method: HTTPRequest.Method, pattern: String)] = [
        (.get, "/"),
        (.get, "/healthz"),
        (.get, "/api/v1/openapi.json"),
        (.get, "/api/v1/cities"),
        (.get, "/api/v1/cities/{id}"),
        (.get, "/api/v1/cities/{id}/partners"),
        (.get, "/api/v1/cities/{id}/partners.csv"),
        (.post, "/api/v1/cities/{id}/what-if"),
        (.get, "/api/v1/cities/{id}/map.svg"),
        (.get, "/api/v1/cities/{id}/report.html"),
        (.get, "/api/v1/cities/{id}/metrics.csv"),
        (.get, "/api/v1/map.svg"),
    ]

    /// The page and the OpenAPI document, encoded once.
    static let pageBody = ByteBuffer(string: WebPage.html)
    static let openAPIBody = ByteBuffer(string: OpenAPIDocument.json)

    /// The methods `path` answers to (empty when no route has this shape).
    static func methods(forPath path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        return table.filter { route in
            let pattern = route.pattern.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            guard pattern.count == segments.count else { return false }
            return zip(pattern, segments).allSatisfy { p, s in p == "{id}" ? !s.isEmpty : p == s }
        }.map(\.method)
    }

    /// A router answering every route from `service`, logging each request through `log`.
    public static func router(
        service: PlannerService, log: @escaping @Sendable (String) -> Void
    ) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: AccessLogMiddleware(log: log))
        router.add(middleware: APIErrorMiddleware())

        router.get("/") { _, _ in
            respond(pageBody, type: "text/html; charset=utf-8", cache: "no-cache")
        }
        router.get("/healthz") { request, _ in
            _ = try QueryParameters(query: request.uri.query ?? "", allowed: [])
            return respond(Data(#"{"status":"ok"}"#.utf8))
        }
        router.get("/api/v1/openapi.json") { request, _ in
            _ = try QueryParameters(query: request.uri.query ?? "", allowed: [])
            return respond(openAPIBody, cache: "public, max-age=3600")
        }
        router.get("/api/v1/cities") { request, _ in
            let p = try QueryParameters(query: request.uri.query ?? "", allowed: ["q", "limit"])
            let limit = p["limit"] == nil ? nil : try p.integer("limit", in: 1...10_000, default: 10)
            return respond(try service.cities(query: p["q"], limit: limit))
        }
        router.get("/api/v1/cities/:id") { request, context in
            _ = try QueryParameters(query: request.uri.query ?? "", allowed: [])
            return respond(try service.cityDetail(try service.city(context.parameters.get("id") ?? "")))
        }
        router.get("/api/v1/cities/:id/partners") { request, context in
            let city = try service.city(context.parameters.get("id") ?? "")
            let p = try QueryParameters(query: request.uri.query ?? "", allowed: PlannerService.partnerParameters)
            return respond(try await service.partners(try service.partnerRequest(city: city, p, format: .json)))
        }
        router.get("/api/v1/cities/:id/partners.csv") { request, context in
            let city = try service.city(context.parameters.get("id") ?? "")
            let p = try QueryParameters(query: request.uri.query ?? "", allowed: PlannerService.partnerParameters)
            let id = service.dataset.cities[city].id
            return respond(
                try await service.partners(try service.partnerRequest(city: city, p, format: .csv)),
                type: "text/csv; charset=utf-8", download: "\(id)-partners.csv")
        }
        router.post("/api/v1/cities/:id/what-if") { request, context in
            let city = try service.city(context.parameters.get("id") ?? "")
            _ = try QueryParameters(query: request.uri.query ?? "", allowed: [])
            let body = try await collectBody(request, limit: PlannerService.maxBodyBytes)
            return respond(try await service.whatIf(city: city, body: body))
        }
        router.get("/api/v1/cities/:id/map.svg") { request, context in
            let city = try service.city(context.parameters.get("id") ?? "")
            let p = try QueryParameters(query: request.uri.query ?? "", allowed: ["radius", "suggest"])
            let id = service.dataset.cities[city].id
            // Without `suggest`, the default of `uccn map --city` (5 for a city with no link).
            let suggest = try p.integer(
                "suggest", in: 0...20, default: NetworkMapRequest.defaultSuggestCount(forCity: id, in: service.dataset))
            let scope = NetworkMapRequest.Scope.city(
                id: id, radius: try p.integer("radius", in: 1...4, default: 1), suggest: suggest)
            return respond(
                try await service.mapSVG(NetworkMapRequest(scope: scope)), type: "image/svg+xml; charset=utf-8",
                cache: "public, max-age=300")
        }
        router.get("/api/v1/map.svg") { request, _ in
            let p = try QueryParameters(query: request.uri.query ?? "", allowed: ["geo"])
            let scope: NetworkMapRequest.Scope = try p.boolean("geo", default: false) ? .geographic : .whole
            return respond(
                try await service.mapSVG(NetworkMapRequest(scope: scope)), type: "image/svg+xml; charset=utf-8",
                cache: "public, max-age=300")
        }
        router.get("/api/v1/cities/:id/report.html") { request, context in
            let city = try service.city(context.parameters.get("id") ?? "")
            _ = try QueryParameters(query: request.uri.query ?? "", allowed: [])
            return respond(
                try await service.report(city: city, file: .html), type: "text/html; charset=utf-8",
                cache: "public, max-age=300")
        }
        router.get("/api/v1/cities/:id/metrics.csv") { request, context in
            let city = try service.city(context.parameters.get("id") ?? "")
            _ = try QueryParameters(query: request.uri.query ?? "", allowed: [])
            return respond(
                try await service.report(city: city, file: .metricsCSV), type: "text/csv; charset=utf-8",
                download: "\(service.dataset.cities[city].id)-metrics.csv")
        }
        return router
    }

    /// The request body, or a 413 when its declared length or the bytes received pass
    /// `limit` (the rest is not read); a body that breaks off is a 400.
    static func collectBody(_ request: Request, limit: Int) async throws(APIError) -> Data {
        let tooLarge = APIError(.contentTooLarge, "the request body is larger than \(limit) bytes")
        if let declared = request.headers[.contentLength], let length = Int(declared), length > limit {
            throw tooLarge
        }
        var data = Data()
        do {
            for try await chunk in request.body {
                guard data.count + chunk.readableBytes <= limit else { throw tooLarge }
                data.append(contentsOf: chunk.readableBytesView)
            }
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError(.badRequest, "the request body could not be read: it ended early or was malformed")
        }
        return data
    }

    static func respond(
        _ answer: PlannerService.Cached, type: String = "application/json; charset=utf-8",
        cache: String = "no-cache", download: String? = nil
    ) -> Response {
        var response = respond(answer.body, type: type, cache: cache, download: download)
        response.headers[.init("X-Cache")!] = answer.hit ? "hit" : "miss"
        return response
    }

    static func respond(
        _ data: Data, type: String = "application/json; charset=utf-8", cache: String = "no-cache",
        download: String? = nil
    ) -> Response {
        respond(ByteBuffer(bytes: data), type: type, cache: cache, download: download)
    }

    static func respond(
        _ body: ByteBuffer, type: String = "application/json; charset=utf-8", cache: String = "no-cache",
        download: String? = nil
    ) -> Response {
        var headers: HTTPFields = [.contentType: type, .cacheControl: cache]
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        if let download { headers[.contentDisposition] = "attachment; filename=\"\(download)\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
    }
}

/// Turns every failure into the API's JSON error: ``APIError`` as it is; Hummingbird's own
/// errors (no route: 404, or 405 when the path exists with another method; a body over
/// the limit: 413) with their status; anything else as 500 with its description.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPError {
            return try translate(error, request: request).response(from: request, context: context)
        } catch {
            return try APIError(.internalServerError, "\(error)").response(from: request, context: context)
        }
    }

    func translate(_ error: HTTPError, request: Request) -> APIError {
        switch error.status {
        case .notFound:
            let methods = ServiceRoutes.methods(forPath: request.uri.path)
            if !methods.isEmpty {
                let allow = methods.map(\.rawValue).joined(separator: ", ")
                return APIError(
                    .methodNotAllowed, "\(request.method.rawValue) is not allowed on \(request.uri.path); use \(allow)",
                    headers: [.allow: allow])
            }
            return APIError(.notFound, "no such page or API route; the API is described at /api/v1/openapi.json")
        case .contentTooLarge:
            return APIError(
                .contentTooLarge, "the request body is larger than \(PlannerService.maxBodyBytes) bytes")
        default:
            return APIError(error.status, error.body ?? error.status.reasonPhrase)
        }
    }
}

/// Writes one line per request: method, path, status and milliseconds.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let log: @Sendable (String) -> Void

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            write(request, status: response.status.code, since: start)
            return response
        } catch {
            write(request, status: (error as? HTTPResponseError)?.status.code ?? 500, since: start)
            throw error
        }
    }

    private func write(_ request: Request, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let ms = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
        log("\(request.method.rawValue) \(request.uri.path) \(status) \(String(format: "%.2f", ms)) ms")
    }
}
