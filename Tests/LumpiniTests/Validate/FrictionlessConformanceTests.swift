import Foundation
import Lumpini
import XCTest

/// Every case of `../shared/fixtures/frictionless/cases` gives the reference tool's verdict and
/// the same ordered list of (type, rowNumber, fieldNumber).
final class FrictionlessConformanceTests: XCTestCase {
    static let casesFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/fixtures/frictionless/cases").standardizedFileURL

    struct Expected: Decodable {
        struct Error: Decodable {
            var type: String
            var rowNumber: Int?
            var fieldNumber: Int?
        }
        var command: String
        var valid: Bool
        var errors: [Error]
    }

    struct Outcome: Equatable, CustomStringConvertible {
        var type: String
        var rowNumber: Int?
        var fieldNumber: Int?
        var description: String { "(\(type), \(rowNumber.map(String.init) ?? "nil"), \(fieldNumber.map(String.init) ?? "nil"))" }
    }

    func testEveryCaseMatchesTheReferenceTool() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.casesFolder.path).sorted()
        XCTAssertGreaterThanOrEqual(names.count, 30, "the fixture cases should be there: \(Self.casesFolder.path)")
        for name in names {
            let folder = Self.casesFolder.appendingPathComponent(name)
            let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))
            var arguments = expected.command.split(separator: " ").map(String.init).dropFirst(3)[...]
            var schema: TableSchema?
            var options = ValidationOptions()
            var target = ""
            while let argument = arguments.popFirst() {
                switch argument {
                case "--schema": schema = try TableSchema.load(contentsOf: folder.appendingPathComponent(arguments.popFirst()!))
                case "--encoding": options.encoding = arguments.popFirst()
                default: target = argument
                }
            }
            let report = try Validator.validate(file: folder.appendingPathComponent(target).path, schema: schema, options: options)
            let found = report.tasks.flatMap(\.errors).map { Outcome(type: $0.type, rowNumber: $0.rowNumber, fieldNumber: $0.fieldNumber) }
            let wanted = expected.errors.map { Outcome(type: $0.type, rowNumber: $0.rowNumber, fieldNumber: $0.fieldNumber) }
            XCTAssertEqual(report.valid, expected.valid, "\(name): valid")
            XCTAssertEqual(found, wanted, "\(name): errors")
        }
    }
}
