import Foundation
import XCTest
import TestSupport

/// The reference validators of the Python virtual environment (`ReferenceTools`: pyshacl, jsonschema),
/// run on files, with the fixtures of `../shared/fixtures/dcat` read in place.
struct ReferenceValidator {
    let venv: URL
    let scratch: URL

    static let dcatFixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/fixtures/dcat", isDirectory: true)

    /// - Throws: as `ReferenceTools.tool` does, when pyshacl is not there.
    init(scratch: URL) throws {
        venv = try ReferenceTools.tool("pyshacl").deletingLastPathComponent().deletingLastPathComponent()
        self.scratch = scratch
    }

    struct Verdict {
        var conforms: Bool
        var output: String
    }

    /// pyshacl on a data file against shape files concatenated (their Turtle stays valid: each declares its prefixes).
    func shacl(_ data: URL, format: String, shapes: [String], rdfsInference: Bool = false, allowWarnings: Bool = false) throws -> Verdict {
        let shapesFile = scratch.appendingPathComponent("shapes-\(UUID().uuidString).ttl")
        var combined = Data()
        for shape in shapes { combined += try Data(contentsOf: Self.dcatFixtures.appendingPathComponent(shape)) + Data("\n".utf8) }
        try combined.write(to: shapesFile)
        var arguments = ["-s", shapesFile.path, "-df", format]
        if rdfsInference { arguments += ["-i", "rdfs"] }
        if allowWarnings { arguments.append("-w") }
        return try run(venv.appendingPathComponent("bin/pyshacl"), arguments + [data.path])
    }

    /// jsonschema (draft 4) on a data.json against the schema folder `schemas` (relative to the DCAT fixtures).
    func dataJSON(_ data: URL, schemas: String) throws -> Verdict {
        let script = scratch.appendingPathComponent("validate-data-json.py")
        try Data("""
            import json, sys, pathlib
            from jsonschema import Draft4Validator
            from referencing import Registry, Resource
            from referencing.jsonschema import DRAFT4
            schema_dir, data_file = pathlib.Path(sys.argv[1]), sys.argv[2]
            res = {p.name: json.loads(p.read_text()) for p in schema_dir.glob('*.json')}
            reg = Registry().with_resources((s['id'].rstrip('#'), Resource.from_contents(s, default_specification=DRAFT4)) for s in res.values())
            v = Draft4Validator(res['catalog.json'], registry=reg, format_checker=Draft4Validator.FORMAT_CHECKER)
            errs = sorted(v.iter_errors(json.load(open(data_file))), key=lambda e: list(e.absolute_path))
            for e in errs: print('INVALID at', '/'.join(map(str, e.absolute_path)) or '<root>', ':', e.message[:300])
            print('VALID' if not errs else f'{len(errs)} error(s)'); sys.exit(1 if errs else 0)

            """.utf8).write(to: script)
        return try run(venv.appendingPathComponent("bin/python"), [script.path, Self.dcatFixtures.appendingPathComponent(schemas).path, data.path])
    }

    private func run(_ executable: URL, _ arguments: [String]) throws -> Verdict {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus <= 1 else {
            XCTFail("\(executable.lastPathComponent) failed to run (exit \(process.terminationStatus)): \(output)")
            return Verdict(conforms: false, output: output)
        }
        return Verdict(conforms: process.terminationStatus == 0, output: output)
    }
}
