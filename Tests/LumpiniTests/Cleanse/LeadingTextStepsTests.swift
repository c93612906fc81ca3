import Foundation
import GDAL
import XCTest
@testable import Lumpini
@testable import LumpiniCleanse
@testable import LumpiniIngest

/// A CSV's recipe runs in two stages: its leading text steps on the thread that reads the file ahead,
/// the rest where the records are taken. What comes out, row by row, and the report must be what one
/// thread running every step gives: the same rows kept, the same quarantine, the same account.
final class LeadingTextStepsTests: XCTestCase {
    /// Everything a cleansing gave, in order.
    struct Run: Equatable {
        var kept: [[String?]] = []
        var keptRows: [Int] = []
        var geometries: [String?] = []
        var quarantined: [QuarantineEntry] = []
        var report: CleansingReport?
    }

    static func run(_ cleansing: DatasetCleansing) throws -> Run {
        var run = Run()
        while let outcome = try cleansing.next() {
            switch outcome {
            case .kept(let record):
                run.kept.append(record.values)
                run.keptRows.append(record.rowNumber)
                run.geometries.append(record.geometry?.wkt)
            case .quarantined(let entry):
                run.quarantined.append(entry)
            }
        }
        run.report = try cleansing.finish()
        return run
    }

    /// The same dataset cleansed in one thread: its CSV handed over as records that come from no file,
    /// which the cleansing reads where it runs, every step after the other.
    static func runInOneThread(_ description: DatasetDescription, workspace: Workspace) throws -> Run {
        let directory = workspace.datasetDirectory(description.id)
        let path = try XCTUnwrap(description.source?.paths.first)
        let reader = try DatasetCleansing.open(path, description: description, directory: directory)
        let records = SourceReader(name: path, records: RecordsOf(reader), spatialReference: reader.spatialReference)
        XCTAssertNotEqual(records.format, .csv, "only a CSV is read ahead")
        return try run(DatasetCleansing(description: description, directory: directory, vocabularies: RecipeHarness.vocabularies, computed: records))
    }

    /// A `SourceReader`'s records as a source that is no file.
    final class RecordsOf: RecordSource {
        let reader: SourceReader
        init(_ reader: SourceReader) { self.reader = reader }
        var header: [String] { reader.header }
        var fields: [FieldDefinition] { reader.fields }
        var encoding: TextEncoding { reader.encoding }
        var fileSpatialReference: SpatialReference? { nil }
        var geometryType: GeometryType { reader.geometryType }
        func next() throws -> Record? { try reader.next() }
    }

    func testEveryShippedCSVIsCleansedReadAheadAsInOneThread() throws {
        let workspace = Workspace(root: RecipeHarness.packageRoot.path)
        let ids = ["canal-water-quality-sample", "flood-prone-points-sample", "livability-indicators-sample", "pm25-readings-sample", "population-by-district-sample"]
        for id in ids {
            let description = try DatasetLoader.load(id: id, in: workspace)
            let path = try XCTUnwrap(description.source?.paths.first)
            XCTAssertTrue(path.hasSuffix(".csv"), id)
            let readAhead = try Self.run(DatasetCleansing(description: description, workspace: workspace, vocabularies: RecipeHarness.vocabularies))
            let oneThread = try Self.runInOneThread(description, workspace: workspace)
            XCTAssertEqual(readAhead, oneThread, id)
            XCTAssertGreaterThan(readAhead.kept.count, 0, id)
        }
        // The PM2.5 sample sets rows aside in both stages and matches districts by fuzzy spelling ahead.
        let pm25 = try Self.run(DatasetCleansing(
            description: try DatasetLoader.load(id: "pm25-readings-sample", in: workspace), workspace: workspace, vocabularies: RecipeHarness.vocabularies
        ))
        XCTAssertEqual(pm25.report?.quarantineReasons, ["duplicate": 2, "invalid-date": 1, "unmatched-district": 1])
    }

    /// A recipe whose text steps come before and after the geometry steps, with a district spelling
    /// matched by both, rows set aside in both stages and a row with a cell too many.
    func testARecipeSplitAroundItsGeometryStepsKeepsOneAccount() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lumpini-leading-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var rows = ["id,district,note,lon,lat"]
        let spellings = ["บางรัก", "บางรก", "ดินแดก", "ดินแดง", "Nonthaburi", "ปทุมวัน", "ปทุมวน"]
        for index in 1...3_000 {
            let id = index % 97 == 0 ? index - 1 : index
            let lon = index % 251 == 0 ? "99.1" : "100.5\(index % 10)"
            let extra = index % 499 == 0 ? ",stray" : ""
            rows.append("\(id),\(spellings[index % spellings.count]),\"  note   \(index % 13) \",\(lon),13.7\(index % 10)\(extra)")
        }
        let workspace = try Self.workspace(at: root, id: "split", files: ["source/data.csv": rows], recipe: """
              - step: clean-text
              - step: match-districts
                field: district
                maxDistance: 2
                onUnmatched: keep
              - step: remove-duplicates
                key: [id]
              - step: points-from-columns
                x: lon
                y: lat
              - step: require-in-area
              - step: match-districts
                field: district
                maxDistance: 2
                codeField: code_again
                nameTHField: th_again
                nameENField: en_again
              - step: drop-columns
                fields: [note]
            """)
        let description = try DatasetLoader.load(id: "split", in: workspace)
        let readAhead = try Self.run(DatasetCleansing(description: description, workspace: workspace, vocabularies: RecipeHarness.vocabularies))
        let oneThread = try Self.runInOneThread(description, workspace: workspace)
        XCTAssertEqual(readAhead, oneThread)
        let report = try XCTUnwrap(readAhead.report)
        XCTAssertEqual(report.rowsIn, 3_000)
        XCTAssertEqual(report.quarantineReasons, ["duplicate": 30, "extra-cell": 6, "outside-area": 11, "unmatched-district": 422])
        // Both match steps saw each fuzzy spelling: one entry each, counted twice, its first rows in order.
        let fuzzy = report.fuzzyMatches.map { "\($0.value) \($0.count) \($0.rows)" }
        XCTAssertEqual(fuzzy, ["บางรก 851 [2, 2, 9, 9, 16]", "ดินแดก 851 [3, 3, 10, 10, 17]", "ปทุมวน 847 [7, 7, 14, 14, 21]"])
    }

    /// The leading steps remember keys across the files of a dataset, each read on a thread of its own.
    func testADuplicateInALaterFileIsFoundAcrossTheReadingThreads() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lumpini-leading-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let header = "id,name,lon,lat"
        let first = [header] + (1...5_000).map { "\($0),first \($0),100.5,13.7" }
        let second = [header] + (4_990...5_010).map { "\($0),second \($0),100.5,13.7" }
        let workspace = try Self.workspace(at: root, id: "parts", files: ["source/a.csv": first, "source/b.csv": second], recipe: """
              - step: clean-text
              - step: remove-duplicates
                key: [id]
              - step: points-from-columns
                x: lon
                y: lat
            """)
        let run = try Self.run(DatasetCleansing(
            description: try DatasetLoader.load(id: "parts", in: workspace), workspace: workspace, vocabularies: RecipeHarness.vocabularies
        ))
        XCTAssertEqual(run.report?.rowsIn, 5_021)
        XCTAssertEqual(run.kept.count, 5_010)
        XCTAssertEqual(run.quarantined.map(\.reason), Array(repeating: "duplicate", count: 11))
        XCTAssertEqual(run.quarantined.first?.source, "source/b.csv")
        XCTAssertEqual(run.quarantined.first?.record, 1)
        XCTAssertEqual(run.quarantined.first?.message, "the same id as row 4991")
    }

    /// Counted in two recorders, then combined, a run's changes, fuzzy spellings and repairs read as
    /// one recorder that saw every step of every row in order would have kept them.
    func testTwoRecordersCombinedKeepTheAccountOfOne() throws {
        var random = SeededRandom(seed: 16)
        let district = try XCTUnwrap(RecipeHarness.vocabularies.districts.districts.first)
        let one = ChangeRecorder(), first = ChangeRecorder(), second = ChangeRecorder()
        for row in 2..<400 {
            for step in 0..<4 {
                let recorder = step < 2 ? first : second
                for target in [one, recorder] {
                    target.currentStep = (step, "step-\(step)")
                }
                guard Int.random(in: 0..<3, using: &random) > 0 else { continue }
                let field = "f\(Int.random(in: 0..<3, using: &random))"
                let value = "v\(Int.random(in: 0..<30, using: &random))"
                for target in [one, recorder] {
                    target.record(field: field, row: row, before: value, after: value + "!")
                    target.recordFuzzy(field: field, row: row, value: value, district: district, distance: 1, closestTo: district.nameTH)
                    if step % 2 == 1 { target.recordRepair(row: row, action: "made-valid", detail: value) }
                }
            }
        }
        let combined = ChangeRecorder(combining: first, second)
        XCTAssertEqual(combined.stepChanges, one.stepChanges)
        let described = { (matches: [FuzzyMatch]) in matches.map { "\($0.field) \($0.value) \($0.count) \($0.rows)" } }
        XCTAssertEqual(described(combined.fuzzyMatches), described(one.fuzzyMatches))
        XCTAssertEqual(combined.repairs, one.repairs)
        XCTAssertEqual(combined.repairCount, one.repairCount)
        XCTAssertGreaterThan(one.fuzzyMatches.count, 30)
    }

    /// A workspace with one dataset of CSV `files` (path → lines) and `recipe` (indented list items).
    static func workspace(at root: URL, id: String, files: [String: [String]], recipe: String) throws -> Workspace {
        let workspace = Workspace(root: root.path, environment: [:])
        let folder = workspace.datasetDirectory(id)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("source"), withIntermediateDirectories: true)
        for (path, lines) in files {
            try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        let yaml = DescriptionText.minimal
            .replacingOccurrences(of: "id: test-dataset", with: "id: \(id)")
            .replacingOccurrences(of: "paths: [source/data.csv]", with: "paths: [\(files.keys.sorted().joined(separator: ", "))]")
            + "recipe:\n" + recipe + "\n"
        try yaml.write(to: folder.appendingPathComponent("dataset.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("schemas"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: RecipeHarness.packageRoot.appendingPathComponent("schemas/vocabularies"), to: root.appendingPathComponent("schemas/vocabularies")
        )
        return workspace
    }
}
