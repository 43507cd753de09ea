import CreativeCities
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CreativeCitiesService

/// The service on the bundled data, built once for every test (loading and the partner
/// model take a moment).
let sharedService: PlannerService = {
    let directory = CreativeCitiesDataset.defaultDirectory()
    do {
        return try PlannerService(dataDirectory: directory, dataLabel: "Graphs/")
    } catch {
        fatalError("the bundled data does not load: \(error)")
    }
}()

/// The application `uccn serve` runs, without a log.
func serviceApplication() -> some ApplicationProtocol {
    Application(router: ServiceRoutes.router(service: sharedService, log: { _ in }))
}

/// A parsed JSON value: booleans, whole numbers and other numbers kept apart.
indirect enum JSON: Decodable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int.self) {
            self = .int(i)
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSON].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSON].self))
        }
    }

    static func parse(_ data: Data) throws -> JSON { try JSONDecoder().decode(JSON.self, from: data) }

    subscript(key: String) -> JSON? {
        guard case let .object(members) = self else { return nil }
        return members[key]
    }
    var string: String? {
        if case let .string(s) = self { return s }
        return nil
    }
    var int: Int? {
        if case let .int(i) = self { return i }
        return nil
    }
    var double: Double? {
        switch self {
        case let .int(i): return Double(i)
        case let .number(d): return d
        default: return nil
        }
    }
    var array: [JSON]? {
        if case let .array(a) = self { return a }
        return nil
    }
    var object: [String: JSON]? {
        if case let .object(o) = self { return o }
        return nil
    }
    var description: String {
        switch self {
        case .null: "null"
        case let .bool(b): "\(b)"
        case let .int(i): "\(i)"
        case let .number(d): "\(d)"
        case let .string(s): "\"\(s)\""
        case let .array(a): "[" + a.map(\.description).joined(separator: ",") + "]"
        case let .object(o): "{" + o.keys.sorted().map { "\"\($0)\":\(o[$0]!)" }.joined(separator: ",") + "}"
        }
    }
}

/// The response body parsed as JSON.
func json(_ response: TestResponse) throws -> JSON {
    try JSON.parse(Data(response.body.readableBytesView))
}

/// The `error` member of an error answer, after checking the shape, the schema and that
/// its status matches the HTTP status.
func errorDetail(_ response: TestResponse) throws -> JSON {
    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
    let body = try json(response)
    let detail = try #require(body["error"], "no error member in \(body)")
    #expect(detail["status"]?.int == Int(response.status.code))
    #expect(detail["message"]?.string?.isEmpty == false)
    try OpenAPISchema.shared.validate(body, against: "Error")
    return detail
}

/// Ids of a list of city objects.
func ids(_ value: JSON?) -> [String] {
    (value?.array ?? []).compactMap { $0["id"]?.string }
}

/// A small JSON Schema checker for the subset the service's OpenAPI document uses: `type`
/// (one or a list, `null` included), `required`, `properties`, `items`, `enum`,
/// `minItems`/`maxItems` and `$ref` to `#/components/schemas/…`.
struct OpenAPISchema {
    static let shared: OpenAPISchema = {
        do {
            return try OpenAPISchema(json: Data(OpenAPIDocument.json.utf8))
        } catch {
            fatalError("the OpenAPI document is not JSON: \(error)")
        }
    }()

    let document: JSON
    let schemas: [String: JSON]

    init(json: Data) throws {
        document = try JSON.parse(json)
        schemas = try #require(document["components"]?["schemas"]?.object)
    }

    struct Mismatch: Error, CustomStringConvertible {
        var description: String
    }

    /// Checks `value` against the named component schema.
    func validate(_ value: JSON, against name: String) throws {
        let schema = try #require(schemas[name], "no schema \(name)")
        try validate(value, schema, at: name)
    }

    /// The JSON schema of the answer with `status` to `method path` (as the document writes the path).
    func responseSchema(path: String, method: String, status: String = "200") throws -> JSON {
        var response = try #require(
            document["paths"]?[path]?[method]?["responses"]?[status], "no \(status) answer of \(method) \(path)")
        if let ref = response["$ref"]?.string, let name = ref.split(separator: "/").last {
            response = try #require(document["components"]?["responses"]?[String(name)])
        }
        return try #require(response["content"]?["application/json"]?["schema"])
    }

    func validate(_ value: JSON, _ schema: JSON, at path: String) throws {
        if let ref = schema["$ref"]?.string {
            let name = String(ref.split(separator: "/").last ?? "")
            let target = try #require(schemas[name], "unresolved \(ref)")
            return try validate(value, target, at: path)
        }
        if let type = schema["type"] {
            let allowed = type.array?.compactMap(\.string) ?? [type.string ?? ""]
            guard allowed.contains(where: { Self.matches(value, type: $0) }) else {
                throw Mismatch(description: "\(path): \(value) is not of type \(allowed)")
            }
        }
        if value == .null { return }
        if let options = schema["enum"]?.array?.compactMap(\.string) {
            guard let text = value.string, options.contains(text) else {
                throw Mismatch(description: "\(path): \(value) is not one of \(options)")
            }
        }
        if let object = value.object {
            for key in schema["required"]?.array?.compactMap(\.string) ?? [] where object[key] == nil {
                throw Mismatch(description: "\(path): required \(key) missing")
            }
            for (key, sub) in schema["properties"]?.object ?? [:] {
                if let member = object[key] { try validate(member, sub, at: "\(path).\(key)") }
            }
        }
        if let array = value.array {
            if let min = schema["minItems"]?.int, array.count < min {
                throw Mismatch(description: "\(path): fewer than \(min) items")
            }
            if let max = schema["maxItems"]?.int, array.count > max {
                throw Mismatch(description: "\(path): more than \(max) items")
            }
            if let items = schema["items"] {
                for (i, item) in array.enumerated() { try validate(item, items, at: "\(path)[\(i)]") }
            }
        }
    }

    static func matches(_ value: JSON, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool),
            ("integer", .int), ("number", .int), ("number", .number):
            return true
        default:
            return false
        }
    }
}
