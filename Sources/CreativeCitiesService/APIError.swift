import CreativeCities
import Foundation
import Hummingbird

/// An error answer of the API: `{"error": {"status": N, "message": "…"}}`, with
/// `"candidates"` when a name fits several cities (409) and `"suggestions"` when it fits
/// none (404, or 400 inside a request body). Every failure the service answers is one of
/// these, so no input reaches a 500.
public struct APIError: Error, HTTPResponseError, Sendable, Equatable {
    public let status: HTTPResponse.Status
    public let message: String
    /// Cities an ambiguous name fits.
    public let candidates: [City]?
    /// The closest names to an unknown one.
    public let suggestions: [City]?
    /// Extra response headers (`Allow` on a 405).
    public let headers: HTTPFields

    public init(
        _ status: HTTPResponse.Status, _ message: String, candidates: [City]? = nil, suggestions: [City]? = nil,
        headers: HTTPFields = [:]
    ) {
        self.status = status
        self.message = message
        self.candidates = candidates
        self.suggestions = suggestions
        self.headers = headers
    }

    static func badParameter(_ message: String) -> APIError { APIError(.badRequest, message) }

    /// The answer to a failed city lookup: 409 with candidates, 404 with suggestions (400
    /// for a name inside a request body, where the resource itself exists), 400 for an empty name.
    static func lookup(_ error: CityLookupError, inBody: Bool = false) -> APIError {
        switch error {
        case .empty:
            return APIError(.badRequest, error.description)
        case let .ambiguous(_, candidates):
            return APIError(.conflict, error.description, candidates: candidates)
        case let .unknown(_, suggestions):
            return APIError(inBody ? .badRequest : .notFound, error.description, suggestions: suggestions)
        }
    }

    struct Body: Encodable {
        struct Detail: Encodable {
            let status: Int
            let message: String
            let candidates: [CityMatch]?
            let suggestions: [CityMatch]?
        }
        let error: Detail
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(
            error: .init(
                status: status.code, message: message, candidates: candidates?.map(CityMatch.init),
                suggestions: suggestions?.map(CityMatch.init)))
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        let data = (try? JSONOutput.encode(body)) ?? Data(#"{"error":{"status":500,"message":"encoding"}}"#.utf8)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// A city as a search result: `{"id","name","country","field","region","year"}`.
struct CityMatch: Encodable, Sendable {
    let id, name, country, field, region: String
    let year: Int?

    init(_ c: City) {
        id = c.id
        name = c.name
        country = c.country
        field = c.field.rawValue
        region = c.region.rawValue
        year = c.year
    }

    func encode(to encoder: Encoder) throws {
        var k = encoder.container(keyedBy: CodingKeys.self)
        try k.encode(id, forKey: .id)
        try k.encode(name, forKey: .name)
        try k.encode(country, forKey: .country)
        try k.encode(field, forKey: .field)
        try k.encode(region, forKey: .region)
        try k.encode(year, forKey: .year)
    }
    enum CodingKeys: String, CodingKey { case id, name, country, field, region, year }
}

/// The service's JSON: sorted keys, slashes as written, UTF-8.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
