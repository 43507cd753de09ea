import CreativeCities
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CreativeCitiesService

@Suite struct ServiceAPITests {
    @Test func healthz() async throws {
        try await serviceApplication().test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
                try OpenAPISchema.shared.validate(try json(response), against: "Health")
            }
        }
    }

    @Test(arguments: ["ha%20noi", "Ha+Noi", "hanoi-vn", "h%C3%A0%20n%E1%BB%99i", "HANOI"])
    func citySearchPutsHanoiFirst(query: String) async throws {
        try await serviceApplication().test(.router) { client in
            try await client.execute(uri: "/api/v1/cities?q=\(query)", method: .get) { response in
                #expect(response.status == .ok)
                let body = try json(response)
                try OpenAPISchema.shared.validate(
                    body, OpenAPISchema.shared.responseSchema(path: "/api/v1/cities", method: "get"), at: "cities")
                #expect(ids(body["matches"]).first == "hanoi-vn")
                #expect(body["query"]?.string == QueryParametersTestHelper.decoded(query))
            }
        }
    }

    @Test func citySearchWithoutQueryListsEveryCity() async throws {
        try await serviceApplication().test(.router) { client in
            try await client.execute(uri: "/api/v1/cities", method: .get) { response in
                #expect(response.status == .ok)
                let body = try json(response)
                #expect(body["query"] == .null)
                let matches = ids(body["matches"])
                #expect(matches.count == sharedService.dataset.cities.count)
                #expect(matches == matches.sorted())
                let first = try #require(body["matches"]?.array?.first?.object)
                #expect(Set(first.keys) == ["id", "name", "country", "field", "region", "year"])
            }
        }
    }

    @Test func citySearchOffersEveryGranadaAndCloseNames() async throws {
        try await serviceApplication().test(.router) { client in
            try await client.execute(uri: "/api/v1/cities?q=granada", method: .get) { response in
                let matches = ids(try json(response)["matches"])
                #expect(Array(matches.prefix(2)).sorted() == ["granada-es", "granada-ni"])
            }
            try await client.execute(uri: "/api/v1/cities?q=kob&limit=3", method: .get) { response in
                let matches = ids(try json(response)["matches"])
                #expect(matches.count <= 3)
                #expect(matches.contains("kobe-jp"))
            }
        }
    }

    @Test(arguments: ["hanoi-vn", "Ha%20Noi", "h%C3%A0%20n%E1%BB%99i", "hanoi"])
    func cityDetailResolvesNames(segment: String) async throws {
        try await serviceApplication().test(.router) { client in
            try await client.execute(uri: "/api/v1/cities/\(segment)", method: .get) { response in
                #expect(response.status == .ok)
                let body = try json(response)
                try OpenAPISchema.shared.validate(body, against: "CityDetail")
                #expect(body["city"]?["id"]?.string == "hanoi-vn")
                #expect(body["cityCount"]?.int == 405)
                let measures = body["measures"]?.array ?? []
                let keys = measures.compactMap { $0["key"]?.string }
                #expect(keys.first == "links")
                #expect(keys.contains("betweenness") && keys.contains("closeness") && keys.contains("pagerank"))
                // The link count and its rank agree with the dataset.
                let i = try #require(sharedService.dataset.index(ofCity: "hanoi-vn"))
                let degree = sharedService.graph.degree(of: i)
                #expect(measures.first?["value"]?.double == Double(degree))
                let betweenness = try #require(measures.first { $0["key"]?.string == "betweenness" })
                // Betweenness on the sister-city and partnership graph, as the partner what-if computes it.
                let analysis = PartnerWhatIfAnalysis(graph: sharedService.graph)
                #expect(betweenness["rank"]?.int == CentralityRank.rank(of: i, in: analysis.betweenness))
                let links = body["links"]?.array ?? []
                #expect(links.count == sharedService.dataset.links(of: "hanoi-vn").count)
                #expect(links.contains { $0["city"]?["id"]?.string == "kobe-jp" && $0["kind"]?.string == "proposed" })
                #expect(links.allSatisfy { $0["evidence"]?.string?.isEmpty == false })
            }
        }
    }

    @Test func ambiguousCityIs409WithCandidates() async throws {
        try await serviceApplication().test(.router) { client in
            for uri in ["/api/v1/cities/granada", "/api/v1/cities/granada/partners", "/api/v1/cities/Granada/map.svg"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .conflict, "\(uri)")
                    let detail = try errorDetail(response)
                    #expect(ids(detail["candidates"]).sorted() == ["granada-es", "granada-ni"])
                }
            }
        }
    }

    @Test(arguments: [
        "atlantis", "hanoii-vn", "..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%2Fetc%2Fpasswd",
    ])
    func unknownCityIs404WithSuggestions(segment: String) async throws {
        try await serviceApplication().test(.router) { client in
            try await client.execute(uri: "/api/v1/cities/\(segment)", method: .get) { response in
                #expect(response.status == .notFound)
                let detail = try errorDetail(response)
                #expect(detail["suggestions"]?.array != nil)
            }
        }
    }

    /// A path segment with no letter or digit names no city at all: 400.
    @Test(arguments: ["..", "%2e%2e", "%20", "---"])
    func emptyCityNameIs400(segment: String) async throws {
        try await serviceApplication().test(.router) { client in
            try await client.execute(uri: "/api/v1/cities/\(segment)/partners", method: .get) { response in
                #expect(response.status == .badRequest)
                _ = try errorDetail(response)
            }
        }
    }

    @Test func unknownCityNamesCloseOnes() async throws {
        try await serviceApplication().test(.router) { client in
            try await client.execute(uri: "/api/v1/cities/hanoii/partners", method: .get) { response in
                #expect(response.status == .notFound)
                let detail = try errorDetail(response)
                #expect(ids(detail["suggestions"]).contains("hanoi-vn"))
            }
        }
    }

    /// The partners route answers exactly what `uccn partners CITY --format json` prints:
    /// the JSON of `PartnerRequest.suggestions(in:)`, the command's entry point, with the
    /// same options.
    @Test(arguments: [
        ("", PartnerRequest(city: "hanoi-vn")),
        (
            "top=5&field=Design&region=europe",
            PartnerRequest(city: "hanoi-vn", top: 5, field: "Design", region: "europe")
        ),
        (
            "country=JP&include-linked=true&what-if=0",
            PartnerRequest(city: "hanoi-vn", country: "JP", includeLinked: true, whatIf: 0)
        ),
        ("goal=cooperation&top=3&what-if=2", PartnerRequest(city: "hanoi-vn", top: 3, whatIf: 2)),
        ("goal=twinning&top=4", PartnerRequest(city: "hanoi-vn", goal: .twinning, top: 4)),
        (
            "layers=sister-city,partnership&top=3",
            PartnerRequest(city: "hanoi-vn", layers: [.sisterCity, .partnership], top: 3)
        ),
        ("field=media%20arts&include-linked=false", PartnerRequest(city: "hanoi-vn", field: "media arts")),
    ])
    func partnersMatchTheCommandJSON(parameters: String, request: PartnerRequest) async throws {
        let suggestions = try request.suggestions(in: sharedService.dataset)
        let expected = try PartnerSuggestionsOutput.render(suggestions, as: .json)
        let expectedCSV = try PartnerSuggestionsOutput.render(suggestions, as: .csv)
        try await serviceApplication().test(.router) { client in
            try await client.execute(uri: "/api/v1/cities/Ha%20Noi/partners?\(parameters)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == expected)
                try OpenAPISchema.shared.validate(try json(response), against: "PartnerSuggestions")
            }
            try await client.execute(uri: "/api/v1/cities/hanoi-vn/partners.csv?\(parameters)", method: .get) {
                response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
                #expect(String(buffer: response.body) == expectedCSV)
            }
        }
    }

    @Test(arguments: [
        "top=0", "top=abc", "top=100000", "field=Cooking", "region=Atlantis", "country=Narnia", "goal=fame",
        "what-if=-1", "include-linked=maybe", "weights=%2Fetc%2Fpasswd", "top=1&top=2", "q=%E", "field=%FF%FE",
        "layers=telepathy", "goal=friendship",
    ])
    func badPartnerParametersAre400(parameters: String) async throws {
        try await serviceApplication().test(.router) { client in
            try await client.execute(uri: "/api/v1/cities/hanoi-vn/partners?\(parameters)", method: .get) { response in
                #expect(response.status == .badRequest, "\(parameters)")
                _ = try errorDetail(response)
            }
        }
    }

    @Test func whatIfWithKobeMatchesThePartnerWhatIf() async throws {
        let service = sharedService
        let hanoi = try #require(service.dataset.index(ofCity: "hanoi-vn"))
        let kobe = try #require(service.dataset.index(ofCity: "kobe-jp"))
        let single = PartnerWhatIfAnalysis(graph: service.graph).ifLinked(hanoi, kobe)
        try await serviceApplication().test(.router) { client in
            try await client.execute(
                uri: "/api/v1/cities/Ha%20Noi/what-if", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"partners": ["Kobe"]}"#)
            ) { response in
                #expect(response.status == .ok)
                let body = try json(response)
                try OpenAPISchema.shared.validate(body, against: "WhatIf")
                #expect(ids(body["partners"]) == ["kobe-jp"])
                #expect(body["alreadyLinked"]?.array?.isEmpty == true)
                let measures = body["measures"]?.array ?? []
                let betweenness = try #require(measures.first { $0["key"]?.string == "betweenness" })
                let closeness = try #require(measures.first { $0["key"]?.string == "closeness" })
                #expect(betweenness["before"]?["rank"]?.int == single.betweenness.before)
                #expect(betweenness["after"]?["rank"]?.int == single.betweenness.after)
                #expect(closeness["before"]?["rank"]?.int == single.closeness.before)
                #expect(closeness["after"]?["rank"]?.int == single.closeness.after)
                let links = try #require(measures.first { $0["key"]?.string == "links" })
                #expect(links["after"]?["value"]?.double == (links["before"]?["value"]?.double ?? 0) + 1)
            }
        }
    }

    @Test func whatIfWithSeveralPartnersAndAnExistingOne() async throws {
        try await serviceApplication().test(.router) { client in
            try await client.execute(
                uri: "/api/v1/cities/hanoi-vn/what-if", method: .post,
                body: ByteBuffer(string: #"{"partners": ["kobe-jp", "Shanghai", "seoul-kr", "kobe-jp"]}"#)
            ) { response in
                #expect(response.status == .ok)
                let body = try json(response)
                #expect(ids(body["partners"]) == ["kobe-jp", "shanghai-cn", "seoul-kr"])
                #expect(ids(body["alreadyLinked"]) == ["seoul-kr"])
                let links = try #require(body["measures"]?.array?.first)
                #expect(links["after"]?["value"]?.double == (links["before"]?["value"]?.double ?? 0) + 2)
            }
        }
    }

    @Test(arguments: [
        (#"{"partners": ["kobe-jp""#, HTTPResponse.Status.badRequest),
        (#"not json"#, .badRequest),
        (#"{"partners": []}"#, .badRequest),
        (#"{"partners": "kobe-jp"}"#, .badRequest),
        (#"{"cities": ["kobe-jp"]}"#, .badRequest),
        (#"[]"#, .badRequest),
        (#""#, .badRequest),
        (#"{"partners": ["hanoi-vn"]}"#, .badRequest),
        (#"{"partners": ["atlantis"]}"#, .badRequest),
        (#"{"partners": ["granada"]}"#, .conflict),
    ])
    func badWhatIfBodies(body: String, status: HTTPResponse.Status) async throws {
        try await serviceApplication().test(.router) { client in
            try await client.execute(
                uri: "/api/v1/cities/hanoi-vn/what-if", method: .post, body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == status, "\(body)")
                _ = try errorDetail(response)
            }
        }
    }

    @Test func whatIfLimits() async throws {
        let thousand = (0..<1000).map { "\"city-\($0)\"" }.joined(separator: ",")
        let tooMany = sharedService.dataset.cities.prefix(21).map { "\"\($0.id)\"" }.joined(separator: ",")
        let huge = "{\"partners\": [\"" + String(repeating: "a", count: PlannerService.maxBodyBytes) + "\"]}"
        try await serviceApplication().test(.router) { client in
            for (body, status) in [
                ("{\"partners\": [\(thousand)]}", HTTPResponse.Status.badRequest),
                ("{\"partners\": [\(tooMany)]}", .badRequest),
                (huge, .contentTooLarge),
            ] {
                try await client.execute(
                    uri: "/api/v1/cities/hanoi-vn/what-if", method: .post, body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == status)
                    let detail = try errorDetail(response)
                    if status == .badRequest { #expect(detail["message"]?.string?.contains("at most 20") == true) }
                }
            }
        }
    }

    @Test func cityMapIsSVGWithTheCityAndCached() async throws {
        try await serviceApplication().test(.router) { client in
            var first = ""
            try await client.execute(uri: "/api/v1/cities/Ha%20Noi/map.svg?radius=1&suggest=3", method: .get) {
                response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("image/svg+xml") == true)
                first = String(buffer: response.body)
                #expect(first.contains("<svg"))
                #expect(first.contains(svgGroupID("hanoi-vn")))
            }
            let before = sharedService.maps.statistics.hits
            try await client.execute(uri: "/api/v1/cities/hanoi-vn/map.svg?suggest=3&radius=1", method: .get) {
                response in
                #expect(String(buffer: response.body) == first)
            }
            #expect(sharedService.maps.statistics.hits > before)
        }
    }

    @Test(arguments: ["radius=0", "radius=9", "suggest=-1", "suggest=21", "geo=true", "radius=one"])
    func badMapParametersAre400(parameters: String) async throws {
        try await serviceApplication().test(.router) { client in
            try await client.execute(uri: "/api/v1/cities/hanoi-vn/map.svg?\(parameters)", method: .get) { response in
                #expect(response.status == .badRequest)
                _ = try errorDetail(response)
            }
        }
    }

    @Test func networkMaps() async throws {
        try await serviceApplication().test(.router) { client in
            for geo in ["false", "true"] {
                try await client.execute(uri: "/api/v1/map.svg?geo=\(geo)", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType]?.hasPrefix("image/svg+xml") == true)
                    let svg = String(buffer: response.body)
                    #expect(svg.contains(svgGroupID("hanoi-vn")))
                }
            }
            try await client.execute(uri: "/api/v1/map.svg?geo=perhaps", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func concurrentMapRequestsAllSucceed() async throws {
        let cities = ["kobe-jp", "seoul-kr", "bandung-id", "berlin-de", "helsinki-fi", "montreal-ca"]
        try await serviceApplication().test(.router) { client in
            try await withThrowingTaskGroup(of: (String, HTTPResponse.Status, String).self) { group in
                for city in cities + cities {
                    group.addTask {
                        try await client.execute(uri: "/api/v1/cities/\(city)/map.svg?suggest=2", method: .get) {
                            (city, $0.status, String(buffer: $0.body))
                        }
                    }
                }
                var bodies: [String: String] = [:]
                for try await (city, status, body) in group {
                    #expect(status == .ok)
                    #expect(body.contains(svgGroupID(city)))
                    if let earlier = bodies[city] { #expect(earlier == body) }
                    bodies[city] = body
                }
                #expect(bodies.count == cities.count)
            }
        }
    }

    @Test func reportAndMetricsCSV() async throws {
        try await serviceApplication().test(.router) { client in
            try await client.execute(uri: "/api/v1/cities/Ha%20Noi/report.html", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                let html = String(buffer: response.body)
                #expect(html.hasPrefix("<!DOCTYPE html>") || html.hasPrefix("<!doctype html>"))
                #expect(html.contains("Hanoi"))
            }
            try await client.execute(uri: "/api/v1/cities/hanoi-vn/metrics.csv", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition]?.contains("hanoi-vn-metrics.csv") == true)
                let csv = String(buffer: response.body)
                #expect(csv.hasPrefix("Id,Label,"))
                #expect(csv.split(separator: "\n").count == sharedService.dataset.cities.count + 1)
            }
        }
    }

    @Test func openAPIDescribesEveryRoute() async throws {
        try await serviceApplication().test(.router) { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                let body = try json(response)
                #expect(body["openapi"]?.string?.hasPrefix("3.") == true)
                let paths = Set(body["paths"]?.object?.keys.map { $0 } ?? [])
                let routes = Set(ServiceRoutes.table.map(\.pattern)).subtracting(["/"])
                #expect(paths == routes)
                for route in ServiceRoutes.table where route.pattern != "/" {
                    let method = route.method.rawValue.lowercased()
                    #expect(body["paths"]?[route.pattern]?[method] != nil, "\(route.method) \(route.pattern)")
                }
            }
        }
    }

    @Test(arguments: [
        ("/nope", HTTPRequest.Method.get, HTTPResponse.Status.notFound),
        ("/api/v1/../../etc/passwd", .get, .notFound),
        ("/api/v1/cities/hanoi-vn/../../../etc/passwd", .get, .notFound),
        ("/%2e%2e/%2e%2e/etc/passwd", .get, .notFound),
        ("/api/v2/cities", .get, .notFound),
        ("/api/v1/cities/hanoi-vn", .delete, .methodNotAllowed),
        ("/api/v1/cities/hanoi-vn/what-if", .get, .methodNotAllowed),
        ("/api/v1/cities/hanoi-vn/partners", .post, .methodNotAllowed),
        ("/healthz", .put, .methodNotAllowed),
        ("/healthz?verbose=1", .get, .badRequest),
        ("/api/v1/cities?q=%FF", .get, .badRequest),
        ("/api/v1/cities?q=%C3%28", .get, .badRequest),
        ("/api/v1/cities?q=%", .get, .badRequest),
        ("/api/v1/cities?limit=0", .get, .badRequest),
        ("/api/v1/cities/hanoi-vn?x=1", .get, .badRequest),
    ])
    func errorsHaveTheirStatus(uri: String, method: HTTPRequest.Method, status: HTTPResponse.Status) async throws {
        try await serviceApplication().test(.router) { client in
            try await client.execute(uri: uri, method: method) { response in
                #expect(response.status == status, "\(method) \(uri)")
                _ = try errorDetail(response)
                if status == .methodNotAllowed { #expect(response.headers[.allow]?.isEmpty == false) }
            }
        }
    }

    @Test func pageIsSelfContained() async throws {
        try await serviceApplication().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = String(buffer: response.body)
                for external in ["src=\"http", "href=\"http", "src=\"//", "href=\"//", "@import", "url(http", "url(//"]
                {
                    #expect(!html.contains(external), "\(external)")
                }
                #expect(html.contains(#"<label for="city-input">"#))
                #expect(html.contains(#"role="combobox""#))
                #expect(html.contains(#"name="viewport""#))
                for field in CreativeField.allCases { #expect(html.contains(">\(field.rawValue)</option>")) }
            }
        }
    }
}

/// The `id` attribute of a city's group as Graphviz writes it (`-` as `&#45;`).
func svgGroupID(_ cityID: String) -> String {
    "<g id=\"\(cityID.replacingOccurrences(of: "-", with: "&#45;"))\" class=\"node"
}

enum QueryParametersTestHelper {
    /// `text` percent-decoded with `+` as a space.
    static func decoded(_ text: String) -> String {
        (text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding) ?? text
    }
}
