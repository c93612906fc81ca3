import Foundation
import GDAL

/// `assign-to-districts`: each point in the district whose polygon contains it (in WGS 84, as published),
/// each polygon or line by a point on its surface. Only districts whose envelope holds the point are
/// tested, so a point costs one or two polygon tests, not one per district. A point in no district
/// (outside the city, or exactly on a boundary) counts in none.
struct DistrictAssignment {
    let districts: [District]

    /// The district holding the point, if any.
    func district(longitude: Double, latitude: Double) throws -> District? {
        let point = try Geometry(x: longitude, y: latitude)
        return districts.first { $0.envelope.contains(x: longitude, y: latitude) && $0.geometry.contains(point) }
    }

    /// The located keys of a `complete-series` by district: qualifying keys' means counted, the others excluded.
    func observations(of series: [LocatedSeries], itemName: String, minimumShare: Double) throws -> [String: Observations] {
        let percent = (minimumShare * 100).formatted(decimals: 2)
        var byDistrict = empty(noneNote: "no \(itemName) in the district", noneCountedNote: "no \(itemName) with at least \(percent) % of days valid")
        for item in series {
            guard let district = try district(longitude: item.longitude, latitude: item.latitude) else { continue }
            if item.qualifies, let mean = item.mean {
                byDistrict[district.code]?.values.append(mean)
            } else {
                byDistrict[district.code]?.excluded += 1
            }
        }
        return byDistrict
    }

    /// The features of a published GeoJSON by district: `value` of each (1 per feature without one),
    /// a feature whose value is empty excluded.
    func observations(of input: PublishedInput, value: String?) throws -> [String: Observations] {
        let position = try value.map { try input.position(of: $0) }
        var byDistrict = empty(noneNote: "no feature of \(input.source.id) in the district", noneCountedNote: "no feature of \(input.source.id) with a value in the district")
        while let record = try input.next() {
            guard let geometry = record.geometry, !geometry.isEmpty else { continue }
            let point = geometry.type == .point ? geometry : try geometry.pointOnSurface()
            let (x, y) = point.point(at: 0)
            guard let district = try district(longitude: x, latitude: y) else { continue }
            if let position {
                if let number = try input.number(record.values[position], row: record.rowNumber, field: value ?? "") {
                    byDistrict[district.code]?.values.append(number)
                } else {
                    byDistrict[district.code]?.excluded += 1
                }
            } else {
                byDistrict[district.code]?.values.append(1)
            }
        }
        return byDistrict
    }

    private func empty(noneNote: String, noneCountedNote: String?) -> [String: Observations] {
        Dictionary(uniqueKeysWithValues: districts.map { ($0.code, Observations(noneNote: noneNote, noneCountedNote: noneCountedNote)) })
    }
}

extension Double {
    /// The number with at most `decimals` decimals, trailing zeros dropped: 75, 62.5.
    func formatted(decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", self)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
