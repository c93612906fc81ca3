import Foundation
import GDAL

/// A derived dataset's rows, computed from its inputs' published files and handed to the release's
/// pipeline as a source is: one record per district, ordered by code, with the columns of every
/// indicator (`DerivedColumns`) and the district's polygon, so validation, the privacy gate and publishing
/// treat them as any other dataset's.
///
/// Not `Sendable`: its records carry GDAL geometries and belong to the task that computes them.
package final class DerivedRecords: RecordSource {
    /// What the quarantine and messages call the rows' source.
    package static let sourceName = "derived rows"

    package let header = DerivedColumns.all
    package let fields = DerivedColumns.all.map { FieldDefinition(name: $0, type: .string) }
    package let encoding = TextEncoding.utf8
    package let fileSpatialReference: SpatialReference?
    package let geometryType = GeometryType.unknown
    private var pending: [Record]

    /// Computes the rows of `derivation` from the published files of `sources` (its resolved inputs).
    /// - Throws: `LumpiniError` naming the input and what is wrong with it.
    package static func reader(for derivation: Derivation, sources: [DerivedSource], tree: ReleaseTree) throws -> SourceReader {
        let records = try DerivedRecords(derivation: derivation, sources: sources, tree: tree)
        return SourceReader(name: sourceName, records: records, spatialReference: records.fileSpatialReference)
    }

    init(derivation: Derivation, sources: [DerivedSource], tree: ReleaseTree) throws {
        let run = DerivationRun(derivation: derivation, sources: sources, tree: tree, projection: try MetricProjection())
        let (districts, values) = try run.run()
        let indicator = derivation.indicator
        fileSpatialReference = try SpatialReference.wgs84()
        pending = districts.enumerated().reversed().map { index, district in
            let result = values[district.code] ?? DistrictValue(value: nil, note: "no value computed for the district")
            let values: [String?] = [
                district.code, district.nameTH, district.nameEN, result.value.map { Self.rounded($0, decimals: indicator.decimals) },
                indicator.unit, String(derivation.year), result.n.map(String.init), result.note,
            ]
            return Record(rowNumber: index + 1, values: values, geometry: district.geometry.clone())
        }
    }

    package func next() throws -> Record? {
        pending.popLast()
    }

    /// `value` with exactly `decimals` decimals; never `-0.00`.
    static func rounded(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && !text.contains(where: { ("1"..."9").contains($0) }) ? String(text.dropFirst()) : text
    }
}
