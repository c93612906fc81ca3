import Foundation
import XCTest
import LumpiniCore
@testable import LumpiniDerive

/// Each operation of a derivation on inputs drawn so the values are known by hand: 1 km district
/// squares in UTM 47N, parks crossing their boundaries, stations with counted days.
final class DeriveOperationTests: XCTestCase {
    private var inputs: DerivedInputs!

    override func setUpWithError() throws {
        inputs = try DerivedInputs()
    }

    override func tearDown() {
        inputs.remove()
    }

    private func indicator(unit: String = "u", decimals: Int = 2) -> IndicatorDefinition {
        IndicatorDefinition(definition: "d", method: "m", unit: unit, decimals: decimals, reference: "r")
    }

    /// The computed rows' values: district_code, district_th, district_en, value, unit, year, n, note.
    private func rows(_ steps: [DeriveStep], unit: String = "u", decimals: Int = 2) throws -> [[String?]] {
        let derivation = Derivation(districts: "districts-test", year: 2024, steps: steps, indicator: indicator(unit: unit, decimals: decimals))
        let records = try DerivedRecords(derivation: derivation, sources: inputs.sources, tree: inputs.tree)
        var rows: [[String?]] = []
        while let record = try records.next() {
            XCTAssertNotNil(record.geometry, "every row carries its district's polygon")
            rows.append(record.values)
        }
        return rows
    }

    private func putPopulation() throws {
        try inputs.put("population-test", "population-test.csv", """
            district_code,population,year\r
            1001,300,2024\r
            1002,400,2024\r
            1001,999,2023\r
            1003,1000,2023\r

            """)
    }

    func testOverlapAreaCountsAParkHalfInEachDistrictAndPerPersonDividesByThatYearsPopulation() throws {
        try inputs.putDistricts(3)
        // P0 straddles the boundary of 1001 and 1002 (100 m × 200 m on each side); P1 lies inside 1001.
        try inputs.putPolygons("parks-test", [.init(minX: 900, minY: 400, maxX: 1100, maxY: 600), .init(minX: 100, minY: 100, maxX: 300, maxY: 300)])
        try putPopulation()

        let areas = try rows([.overlapArea(input: "parks-test")], unit: "m²", decimals: 3)
        XCTAssertEqual(areas.map { $0[3] }, ["60000.000", "20000.000", "0.000"])
        XCTAssertEqual(areas.map { $0[6] }, [nil, nil, nil], "n does not apply to an area")

        let perPerson = try rows([
            .overlapArea(input: "parks-test"),
            .perPerson(.init(population: .init(input: "population-test", value: "population", yearField: "year"))),
        ], unit: "m²/person")
        XCTAssertEqual(perPerson[0], ["1001", "เขต 1", "District 1", "200.00", "m²/person", "2024", nil, nil])
        XCTAssertEqual(perPerson[1], ["1002", "เขต 2", "District 2", "50.00", "m²/person", "2024", nil, nil])
        XCTAssertEqual(perPerson[2], ["1003", "เขต 3", "District 3", nil, "m²/person", "2024", nil, "no population for 2024"])
    }

    func testShareWithinDistanceOfBufferedParks() throws {
        try inputs.putDistricts(3)
        // Two strips the height of the districts: at 1001's west edge (its buffer covers x 0–600) and at
        // its east edge (x 400–1500: the rest of 1001 and half of 1002). 1003 is more than 500 m away.
        try inputs.putPolygons("parks-test", [.init(minX: 0, minY: 0, maxX: 100, maxY: 1000), .init(minX: 900, minY: 0, maxX: 1000, maxY: 1000)])
        let shares = try rows([.shareWithinDistance(input: "parks-test", distance: 500)], unit: "%")
        XCTAssertEqual(shares.map { $0[3] }, ["100.00", "50.00", "0.00"])

        inputs.remove()
        inputs = try DerivedInputs()
        try inputs.putDistricts(2)
        try inputs.putPolygons("parks-test", [.init(minX: 0, minY: 0, maxX: 100, maxY: 1000)])
        XCTAssertEqual(try rows([.shareWithinDistance(input: "parks-test", distance: 500)]).map { $0[3] }, ["60.00", "0.00"])
    }

    func testAnnualMeanOfStationsWithThreeQuartersOfTheDaysValid() throws {
        try inputs.putDistricts(4)
        var lines = ["station_id,date,pm25,longitude,latitude"]
        func station(_ id: String, at x: Double, _ y: Double, validDays: Int, value: Double) throws {
            let point = try DerivedInputs.lonLat(x, y)
            for day in 0..<366 {
                let date = Self.isoDate(dayOfYear2024: day)
                lines.append("\(id),\(date),\(day < validDays ? String(value) : ""),\(point.lon),\(point.lat)")
            }
            lines.append("\(id),2023-12-31,1000,\(point.lon),\(point.lat)")
        }
        try station("S1", at: 500, 500, validDays: 366, value: 10)
        try station("S2", at: 200, 800, validDays: 300, value: 20)
        try station("S3", at: 1500, 500, validDays: 275, value: 30)
        try station("S4", at: 1500, 200, validDays: 274, value: 99)
        try station("S5", at: 2500, 500, validDays: 100, value: 50)
        // A date given twice counts once, with its first value.
        let s3 = try DerivedInputs.lonLat(1500, 500)
        lines.append("S3,2024-01-01,90,\(s3.lon),\(s3.lat)")
        try inputs.put("readings-test", "readings-test.csv", lines.joined(separator: "\r\n") + "\r\n")

        let means = try rows([
            .completeSeries(.init(input: "readings-test", key: "station_id", date: "date", value: "pm25", minimumShare: 0.75, itemName: "station")),
            .assignToDistricts(input: nil, value: nil),
            .aggregate(.init(function: .mean)),
        ], unit: "µg/m³")
        XCTAssertEqual(means.map { $0[3] }, ["15.00", "30.00", nil, nil])
        XCTAssertEqual(means.map { $0[6] }, ["2", "1", "0", "0"])
        XCTAssertEqual(means.map { $0[7] }, [nil, nil, "no station with at least 75 % of days valid", "no station in the district"])
    }

    func testWastePerPersonIsTheMeanOfTheMonthsPresent() throws {
        try inputs.putDistricts(3)
        try inputs.put("population-test", "population-test.csv", "district_code,population,year\n1001,100,2024\n1002,100,2024\n1003,100,2024\n")
        try inputs.put("waste-test", "waste-test.csv", """
            district_code,month,tonnes_per_day
            1001,2024-01-01,1.0
            1001,2024-02-01,2
            1001,2024-03,3.0
            1001,2023-12-01,100
            1003,2024-05-01,

            """)
        let waste = try rows([
            .joinByDistrict(.init(input: "waste-test", value: "tonnes_per_day", dateField: "month")),
            .aggregate(.init(function: .mean)),
            .perPerson(.init(population: .init(input: "population-test", value: "population", yearField: "year"), factor: 1000)),
        ], decimals: 3)
        XCTAssertEqual(waste.map { $0[3] }, ["20.000", nil, nil])
        XCTAssertEqual(waste.map { $0[6] }, ["3", "0", "0"])
        XCTAssertEqual(waste.map { $0[7] }, [nil, "no row of waste-test for 2024 in the district", "no value in the rows of waste-test for 2024"])
    }

    func testAggregateFunctions() {
        let values = [4.0, 1, 3, 10]
        XCTAssertEqual(DistrictAggregate.value(values, .init(function: .count)), 4)
        XCTAssertEqual(DistrictAggregate.value(values, .init(function: .sum)), 18)
        XCTAssertEqual(DistrictAggregate.value(values, .init(function: .mean)), 4.5)
        XCTAssertEqual(DistrictAggregate.value(values, .init(function: .median)), 3.5)
        XCTAssertEqual(DistrictAggregate.value([5, 1, 3], .init(function: .median)), 3)
        XCTAssertEqual(DistrictAggregate.value(values, .init(function: .share, threshold: 4, comparison: .atLeast)), 50)
        XCTAssertEqual(DistrictAggregate.value(values, .init(function: .share, threshold: 3, comparison: .atMost)), 50)
        XCTAssertEqual(DistrictAggregate.value([], .init(function: .count)), 0)
        XCTAssertNil(DistrictAggregate.value([], .init(function: .median)))
    }

    func testDaysRequiredForThreeQuartersOfAYear() {
        XCTAssertEqual(SeriesCompleteness.requiredDays(share: 0.75, year: 2024), 275)
        XCTAssertEqual(SeriesCompleteness.requiredDays(share: 0.75, year: 2023), 274)
        XCTAssertEqual(SeriesCompleteness.requiredDays(share: 1, year: 2023), 365)
    }

    func testValuesAreWrittenWithTheDeclaredDecimals() {
        XCTAssertEqual(DerivedRecords.rounded(2.345678, decimals: 2), "2.35")
        XCTAssertEqual(DerivedRecords.rounded(-0.001, decimals: 2), "0.00")
        XCTAssertEqual(DerivedRecords.rounded(12, decimals: 0), "12")
    }

    func testAFileThatNoLongerMatchesItsChecksumIsNotRead() throws {
        try inputs.putDistricts(2)
        let file = inputs.tree.versionDirectory("districts-test", version: 1).appendingPathComponent("districts-test.geojson")
        try Data("{\"type\":\"FeatureCollection\",\"features\":[]}".utf8).write(to: file)
        XCTAssertThrowsError(try rows([.overlapArea(input: "districts-test")])) { error in
            XCTAssertEqual((error as? LumpiniError)?.code, "derive-input-changed")
        }
    }

    /// The code of the refusal `steps` meet, with the file it names.
    private func refusal(_ steps: [DeriveStep]) -> (code: String?, file: String?) {
        do {
            _ = try rows(steps)
            return (nil, nil)
        } catch {
            return ((error as? LumpiniError)?.code, (error as? LumpiniError)?.file)
        }
    }

    func testADistrictCodeGivenTwiceIsRefused() throws {
        try inputs.putDistricts(2, codes: [1001, 1001])
        try putPopulation()
        XCTAssertEqual(refusal([.perPerson(.init(population: .init(input: "population-test", value: "population", yearField: "year")))]).code,
                       "derive-districts-invalid")
    }

    func testTwoValuesForADistrictAndYearAreRefused() throws {
        try inputs.putDistricts(2)
        try inputs.put("population-test", "population-test.csv", "district_code,population,year\n1001,300,2024\n1001,310,2024\n1002,400,2024\n")
        // Summed, the two rows would be a value; as the population a value is divided by, they are refused.
        let refused = refusal([
            .joinByDistrict(.init(input: "population-test", value: "population", dateField: "year")),
            .aggregate(.init(function: .sum)),
            .perPerson(.init(population: .init(input: "population-test", value: "population", yearField: "year"))),
        ])
        XCTAssertEqual(refused.code, "derive-ambiguous-row")
        XCTAssertEqual(refused.file.map { $0.contains("population-test") }, true, "the input is named")
    }

    func testAFieldTheInputLacksAndAValueThatIsNoNumberAreRefused() throws {
        try inputs.putDistricts(2)
        try putPopulation()
        XCTAssertEqual(refusal([.joinByDistrict(.init(input: "population-test", value: "people", dateField: "year"))]).code, "derive-field-missing")
        try inputs.put("counts-test", "counts-test.csv", "district_code,population,year\n1001,many,2024\n1002,400,2024\n")
        XCTAssertEqual(refusal([.joinByDistrict(.init(input: "counts-test", value: "population", dateField: "year"))]).code, "derive-value-not-number")
    }

    func testASeriesWithoutALocationIsRefused() throws {
        try inputs.putDistricts(2)
        try inputs.put("readings-test", "readings-test.csv", "station_id,date,pm25,longitude,latitude\r\nS1,2024-01-01,10,,\r\n")
        XCTAssertEqual(refusal([
            .completeSeries(.init(input: "readings-test", key: "station_id", date: "date", value: "pm25", minimumShare: 0.75, itemName: "station")),
            .assignToDistricts(input: nil, value: nil),
            .aggregate(.init(function: .mean)),
        ]).code, "derive-series-unlocated")
    }

    private static func isoDate(dayOfYear2024 day: Int) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: Date(timeIntervalSince1970: 1_704_067_200 + Double(day) * 86_400))
    }
}
