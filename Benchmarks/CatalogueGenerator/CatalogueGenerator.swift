import Foundation
import LumpiniCatalogue

/// Generates a public tree of many plausible Bangkok datasets (Thai and English titles, 77
/// publishers, themes, high-value flags, extents, update frequencies, one to three versions each,
/// real data files and manifests), deterministically from a seed, to measure catalogue queries on
/// 10,000 datasets: `lumpini-catalogue-generator --count 10000 --index-only` indexes the generated
/// manifests directly (seconds); without `--index-only` it writes the public tree (files and
/// manifests) and builds the index from it, as `catalog build` does.
struct CatalogueGenerator: Sendable {
    var count: Int
    var seed: UInt64
    /// Releases are dated within the two years before this time.
    var now: Date

    init(count: Int, seed: UInt64 = 42, now: Date = Date()) {
        self.count = count
        self.seed = seed
        self.now = now
    }

    /// Writes the datasets into `publicRoot` (which should be empty or absent).
    /// - Returns: the number of releases written.
    @discardableResult
    func write(into publicRoot: URL) throws -> Int {
        try forEachRelease { release, _ in try release.write(into: publicRoot) }
    }

    /// Records the generated releases straight into a catalogue index, without writing the public tree.
    /// - Returns: the number of releases recorded.
    @discardableResult
    func record(into catalogue: Catalogue) throws -> Int {
        var releases = 0
        try catalogue.recordInOneTransaction { record in
            releases = try forEachRelease { release, isLatest in try record(try release.manifest, isLatest) }
        }
        return releases
    }

    /// Calls `body` with every release, oldest version of each dataset first, and whether it is the latest.
    private func forEachRelease(_ body: (SampleRelease, Bool) throws -> Void) throws -> Int {
        var random = SplitMix64(seed: seed)
        var releases = 0
        for number in 0..<count {
            let versions = 1 + Int(random.next() % 3)
            let lastRelease = now.addingTimeInterval(-Double(random.next() % (730 * 86_400)))
            let dataset = makeDataset(number: number, random: &random)
            for version in 1...versions {
                let releasedAt = lastRelease.addingTimeInterval(-Double((versions - version) * 30 * 86_400))
                try body(makeRelease(dataset, version: version, releasedAt: releasedAt), version == versions)
                releases += 1
            }
        }
        return releases
    }

    private struct Dataset {
        var metadata: DatasetMetadata
        var points: [(Double, Double)]
    }

    private static let subjects: [(th: String, en: String, theme: String, category: String?)] = [
        ("ฝุ่นละอองขนาดเล็ก PM2.5", "Fine particulate matter PM2.5", "environment", "earth-observation-and-environment"),
        ("คุณภาพน้ำในคลอง", "Canal water quality", "environment", "earth-observation-and-environment"),
        ("ปริมาณน้ำฝน", "Rainfall", "environment", "meteorological"),
        ("จุดเสี่ยงน้ำท่วม", "Flood-prone spots", "disaster", "geospatial"),
        ("ป้ายรถประจำทาง", "Bus stops", "transport", "mobility"),
        ("ปริมาณการจราจร", "Traffic volume", "transport", "mobility"),
        ("สวนสาธารณะ", "Public parks", "environment", "geospatial"),
        ("โรงเรียนสังกัดกรุงเทพมหานคร", "BMA schools", "education", nil),
        ("ศูนย์บริการสาธารณสุข", "Public health centres", "health", nil),
        ("ประชากรตามทะเบียนราษฎร", "Registered population", "population", "statistics"),
        ("กล้องโทรทัศน์วงจรปิด", "CCTV cameras", "safety", nil),
        ("ร้านค้าแผงลอย", "Street vendors", "economy", "companies"),
        ("ขยะมูลฝอย", "Solid waste collected", "environment", "statistics"),
        ("ไฟฟ้าส่องสว่าง", "Street lighting", "infrastructure", "geospatial"),
    ]
    private static let districts: [(th: String, en: String)] = [
        ("พระนคร", "Phra Nakhon"), ("ดุสิต", "Dusit"), ("หนองจอก", "Nong Chok"), ("บางรัก", "Bang Rak"),
        ("บางเขน", "Bang Khen"), ("บางกะปิ", "Bang Kapi"), ("ปทุมวัน", "Pathum Wan"), ("ป้อมปราบศัตรูพ่าย", "Pom Prap Sattru Phai"),
        ("พระโขนง", "Phra Khanong"), ("มีนบุรี", "Min Buri"), ("ลาดกระบัง", "Lat Krabang"), ("ยานนาวา", "Yan Nawa"),
        ("สัมพันธวงศ์", "Samphanthawong"), ("พญาไท", "Phaya Thai"), ("ธนบุรี", "Thon Buri"), ("บางกอกใหญ่", "Bangkok Yai"),
    ]
    private static let frequencies: [UpdateFrequency] = [.daily, .weekly, .monthly, .monthly, .quarterly, .annual, .annual, .irregular]
    private static let licences = ["CC-BY-4.0", "CC-BY-4.0", "CC-BY-4.0", "ODbL-1.0", "CC0-1.0", "OGL-TH"]

    private func makeDataset(number: Int, random: inout SplitMix64) -> Dataset {
        let subject = Self.subjects[Int(random.next() % UInt64(Self.subjects.count))]
        let district = Self.districts[Int(random.next() % UInt64(Self.districts.count))]
        let year = 2020 + Int(random.next() % 6)
        let publisher = number % 77 < 50 ? String(format: "D%02d", number % 77 + 1) : String(format: "A%02d", number % 77 - 49)
        let highValue = random.next() % 5 < 2
        let approved = random.next() % 10 < 9
        let lon = 100.35 + Double(random.next() % 5_500) / 10_000
        let lat = 13.50 + Double(random.next() % 4_400) / 10_000
        let points = (0..<3).map { index in (lon + Double(index) * 0.001, lat + Double(index) * 0.001) }
        let metadata = DatasetMetadata(
            id: "\(subject.theme)-\(number)",
            title: LocalizedText(th: "\(subject.th) เขต\(district.th) พ.ศ. \(year + 543)", en: "\(subject.en), \(district.en) district, \(year)"),
            description: LocalizedText(
                th: "ข้อมูล\(subject.th)ในพื้นที่เขต\(district.th) กรุงเทพมหานคร ปี พ.ศ. \(year + 543)",
                en: "\(subject.en) in \(district.en) district, Bangkok, for \(year)."),
            publisher: publisher,
            contact: Contact(name: "ฝ่ายข้อมูล \(publisher)", email: "data.\(publisher.lowercased())@bangkok.go.th"),
            theme: subject.theme,
            keywords: LocalizedKeywords(th: [subject.th, district.th], en: [subject.en.lowercased(), district.en.lowercased()]),
            license: Self.licences[Int(random.next() % UInt64(Self.licences.count))],
            classification: .public,
            highValue: HighValue(flag: highValue, category: highValue ? subject.category ?? "statistics" : nil),
            updateFrequency: Self.frequencies[Int(random.next() % UInt64(Self.frequencies.count))],
            spatial: SpatialCoverage(),
            temporal: random.next() % 4 == 0 ? nil : TemporalCoverage(start: "\(year)-01-01", end: "\(year)-12-31"),
            governance: approved ? Governance(status: .approved, approvedBy: "คณะกรรมการธรรมาภิบาลข้อมูล", approvedOn: "\(year)-06-30") : Governance(status: .pending),
            indicators: IndicatorLinks(livability: ["\(subject.theme.prefix(3).uppercased())-\(number % 20)"], sdg: number % 3 == 0 ? ["11.6.2"] : []))
        return Dataset(metadata: metadata, points: points)
    }

    private func makeRelease(_ dataset: Dataset, version: Int, releasedAt: Date) -> SampleRelease {
        let id = dataset.metadata.id
        let features = dataset.points.enumerated().map { index, point in
            #"{"type":"Feature","id":\#(index + 1),"geometry":{"type":"Point","coordinates":[\#(point.0),\#(point.1)]},"properties":{"value":\#(index + version)}}"#
        }
        let geojson = #"{"type":"FeatureCollection","features":["# + features.joined(separator: ",") + "]}\n"
        let csv = "id,value,longitude,latitude\n" + dataset.points.enumerated().map { index, point in
            "\(index + 1),\(index + version),\(point.0),\(point.1)"
        }.joined(separator: "\n") + "\n"
        let xs = dataset.points.map(\.0)
        let ys = dataset.points.map(\.1)
        return SampleRelease(
            metadata: dataset.metadata, version: version, releasedAt: releasedAt,
            files: [
                .init(name: "\(id).geojson", format: "GeoJSON", mediaType: "application/geo+json", contents: Data(geojson.utf8)),
                .init(name: "\(id).csv", format: "CSV", mediaType: "text/csv", contents: Data(csv.utf8)),
            ],
            counts: .init(rowsIn: dataset.points.count, rowsPublished: dataset.points.count, rowsQuarantined: 0, features: dataset.points.count),
            extent: .init(minX: xs.min()!, minY: ys.min()!, maxX: xs.max()!, maxY: ys.max()!), geometryType: "Point")
    }
}

/// A small, fast, seedable random number generator (SplitMix64), so generated catalogues are the same on every run.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
