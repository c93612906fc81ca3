import ArgumentParser
import Foundation
import GDAL
import Lumpini
import LumpiniCommandLine

struct Inspect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe a file that just arrived: format, layers, CRS, extent, encoding, and what each field holds.",
        discussion: """
            Examples:
              lumpini inspect source/pm25.csv
              lumpini inspect parks.shp --json
              lumpini inspect waste.xlsx --layer "Sheet1"
              lumpini inspect readings.csv --count --json
            The --json shape is stable (docs/inspect.md): driver, encoding.name, encoding.confidence,
            layers[].name, featureCount, geometryType, crs.epsg, extent, extentWGS84, fields[].
            """
    )

    @Argument(help: "The file to inspect (CSV, XLSX, Shapefile, GeoJSON, KML, GeoPackage, …).")
    var file: String

    @Option(help: "Only this layer (or spreadsheet sheet).")
    var layer: String?

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Flag(help: "Only read and count the records of each layer, as the pipeline reads them (no profiling).")
    var count = false

    func run() async throws {
        try await reportingFailures {
            if count {
                let counts = try Inspector.count(path: file, layer: layer)
                if json {
                    let layers = counts.map { RecordCount(name: $0.layer, featureCount: $0.records) }
                    print(try JSONOutput.string(RecordCounts(file: file, layers: layers)), terminator: "")
                } else {
                    for entry in counts { print("\(entry.layer.printable): \(entry.records) records") }
                }
                return
            }
            let report = try DatasetDraft.inspect(path: file, layer: layer, vocabularies: Vocabularies.load(from: Workspace()))
            print(json ? try JSONOutput.string(report) : InspectionText.render(report), terminator: json ? "" : "\n")
        }
    }
}

/// `inspect --count --json`: the same `file` and `layers[].name`/`featureCount` keys as the full report.
struct RecordCounts: Encodable {
    let file: String
    let layers: [RecordCount]
}

struct RecordCount: Encodable {
    let name: String
    let featureCount: Int
}

/// The human-readable form of an inspection report. Names, samples, CRS names and notes come from the
/// file: `Terminal.styled` and the table show their control characters, and `printable` the rest.
enum InspectionText {
    static func render(_ report: InspectionReport) -> String {
        var lines: [String] = []
        lines.append(Terminal.styled(report.file, .bold))
        lines.append("  driver    \(report.driver.printable)")
        lines.append("  encoding  \(report.encoding.name.printable) (\(Int(report.encoding.confidence * 100))% sure: \(report.encoding.source.printable))")
        for layer in report.layers {
            lines.append("")
            lines.append(Terminal.styled("layer \(layer.name)", .bold) + "  \(layer.featureCount) features")
            if !layer.geometryTypes.isEmpty {
                let types = layer.geometryTypes.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.printable)" }.joined(separator: ", ")
                lines.append("  geometry  \(layer.geometryType.printable) (features: \(types); \(layer.invalidGeometries) invalid, \(layer.emptyGeometries) empty)")
                let crs = layer.crs.epsg.map { "EPSG:\($0) \(layer.crs.name ?? "")" } ?? (layer.crs.name.map { "\($0) (no EPSG code)" } ?? "none: declare it")
                lines.append("  crs       \(crs.printable)")
                if let extent = layer.extent { lines.append("  extent    \(format(extent))") }
                if let wgs84 = layer.extentWGS84 { lines.append("  WGS 84    \(format(wgs84))") }
            } else {
                lines.append("  geometry  none (a table)")
            }
            if let header = layer.header {
                let rows = header.rows > 1 ? "rows \(header.row)–\(header.row + header.rows - 1)" : "row \(header.row)"
                lines.append("  header    \(rows): \(header.reason.printable)")
            }
            lines.append("")
            lines.append(table(layer.fields))
            for hint in layer.coordinateHints { lines.append("  coordinates: \(hint.message.printable)") }
            if layer.duplicateRows > 0 {
                lines.append("  duplicates: rows repeating an earlier row exactly: \(layer.duplicateRows) (\(layer.duplicateExamples.joined(separator: ", "))) (recipe: remove-duplicates)")
            }
            for total in layer.totalRows { lines.append("  total row: row \(total.row) reads \"\(total.label.printable)\" (recipe: skip-total-rows)") }
            if layer.blankRows > 0 { lines.append("  blank rows: \(layer.blankRows) (recipe: skip-blank-rows)") }
        }
        for warning in report.warnings { lines.append(Terminal.styled("  ! ", .yellow) + warning.printable) }
        return lines.joined(separator: "\n")
    }

    private static func format(_ envelope: Envelope) -> String {
        func number(_ value: Double) -> String { String(format: "%.6f", value) }
        return "(\(number(envelope.minX)), \(number(envelope.minY))) – (\(number(envelope.maxX)), \(number(envelope.maxY)))"
    }

    private static func table(_ fields: [InspectionReport.FieldReport]) -> String {
        let header = ["field", "GDAL type", "looks like", "nulls", "distinct", "samples"]
        let rows = fields.map { field in
            [field.name, field.gdalType, field.inferredType ?? "(\(field.shape))", String(field.nullCount),
             field.distinctCapped ? "\(field.distinctCount)+" : String(field.distinctCount),
             field.samples.map { String($0.prefix(24)) }.joined(separator: " | ")]
        }
        let table = TextTable(headers: header, rows: rows, maximumWidth: 40)
        var lines = table.render().split(separator: "\n").map { "  " + $0 }
        for field in fields where !field.notes.isEmpty {
            for note in field.notes { lines.append("  · \(field.name.printable): \(note.printable)") }
        }
        return lines.joined(separator: "\n")
    }
}
