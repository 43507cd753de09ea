import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CreativeCitiesService

/// Hostile requests through the service's router: each gets its 4xx JSON error, and the
/// service keeps answering afterwards. (The same over a real socket, with malformed raw HTTP
/// besides, is `Tests/browser/page_test.py`, against a running `uccn serve`.)
@Suite(.timeLimit(.minutes(2))) struct HostileRequestTests {
    static let thousandIDs =
        "{\"partners\": [" + (0..<1000).map { "\"city-\($0)\"" }.joined(separator: ",") + "]}"

    static let requests: [(String, HTTPRequest.Method, String?, HTTPResponse.Status)] = [
        ("/api/v1/cities/hanoi-vn/what-if", .post, "{\"partners\": [", .badRequest),
        ("/api/v1/cities/hanoi-vn/what-if", .post, "\u{0}\u{1}\u{2}garbage", .badRequest),
        (
            "/api/v1/cities/hanoi-vn/what-if", .post, "{\"partners\": [[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]}",
            .badRequest
        ),
        ("/api/v1/cities/hanoi-vn/what-if", .post, thousandIDs, .badRequest),
        ("/api/v1/cities/hanoi-vn/what-if", .post, String(repeating: "x", count: 5 << 20), .contentTooLarge),
        (
            "/api/v1/cities/hanoi-vn/what-if", .post,
            "{\"partners\": [\"" + String(repeating: "é", count: 40_000) + "\"]}", .contentTooLarge
        ),
        ("/wp-admin/install.php", .get, nil, .notFound),
        ("/api/v1/cities/..%2f..%2f..%2fetc%2fpasswd", .get, nil, .notFound),
        ("/api/v1/cities/%2e%2e/report.html", .get, nil, .badRequest),
        ("/api/v1/cities?q=%FF%FE%FD", .get, nil, .badRequest),
        ("/api/v1/cities?q=%ED%A0%80", .get, nil, .badRequest),
        ("/api/v1/cities?q=" + String(repeating: "a", count: 5000), .get, nil, .badRequest),
        ("/api/v1/cities/hanoi-vn/partners?top=99999999999999999999999", .get, nil, .badRequest),
        ("/api/v1/cities/hanoi-vn/map.svg?radius=1000000", .get, nil, .badRequest),
        ("/api/v1/cities/" + String(repeating: "z", count: 2000), .get, nil, .notFound),
        ("/api/v1/cities/hanoi-vn", .patch, "{}", .methodNotAllowed),
    ]

    @Test func eachHostileRequestGetsItsStatusAndTheServerKeepsAnswering() async throws {
        try await serviceApplication().test(.router) { client in
            for (uri, method, body, status) in Self.requests {
                try await client.execute(
                    uri: uri, method: method, body: body.map { ByteBuffer(string: $0) }
                ) { response in
                    #expect(response.status == status, "\(method) \(uri.prefix(80))")
                    #expect(response.status.code < 500)
                    _ = try errorDetail(response)
                }
                try await client.execute(uri: "/healthz", method: .get) { response in
                    #expect(response.status == .ok, "after \(method) \(uri.prefix(80))")
                }
            }
            try await client.execute(uri: "/api/v1/cities/hanoi-vn/partners?top=3", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
