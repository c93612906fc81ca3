import Foundation
import XCTest
import TestSupport
@testable import Lumpini

/// `schemas/dataset.schema.json` stays in step with the loader and the recipe steps, and accepts
/// every sample's dataset.yaml (checked with Python's jsonschema, `ReferenceTools`).
final class DatasetJSONSchemaTests: XCTestCase {
    let schemaURL = RecipeHarness.packageRoot.appendingPathComponent("schemas/dataset.schema.json")

    func testStepNamesAreExactlyTheEngines() throws {
        let schema = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
        let defs = try XCTUnwrap(schema["$defs"] as? [String: Any])
        let step = try XCTUnwrap(defs["step"] as? [String: Any])
        let names = try XCTUnwrap(((step["properties"] as? [String: Any])?["step"] as? [String: Any])?["enum"] as? [String])
        XCTAssertEqual(Set(names), Set(RecipeStepInfo.all.map(\.name)))
    }

    func testSamplesValidateWithJSONSchema() throws {
        let python = try ReferenceTools.tool("python")
        let script = """
            import glob, json, sys, datetime, yaml, jsonschema
            def norm(o):
                if isinstance(o, dict): return {str(k): norm(x) for k, x in o.items()}
                if isinstance(o, list): return [norm(x) for x in o]
                if isinstance(o, (datetime.date, datetime.datetime)): return o.isoformat()
                return o
            v = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
            bad = 0
            for p in sorted(glob.glob(sys.argv[2] + "/datasets/*/dataset.yaml")):
                for e in v.iter_errors(norm(yaml.safe_load(open(p, encoding="utf-8")))):
                    print(p, e.message); bad += 1
            sys.exit(1 if bad else 0)
            """
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script, schemaURL.path, RecipeHarness.packageRoot.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, output)
    }
}
