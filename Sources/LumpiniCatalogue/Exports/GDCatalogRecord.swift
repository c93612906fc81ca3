import Foundation

/// A dataset's metadata in the fields of the Thai Government Data Catalog (GD Catalog), with the
/// required fields that could not be filled and the values that are not among the allowed ones.
/// The mapping from `dataset.yaml` is documented in `docs/catalogue.md`.
public struct GDCatalogRecord: Encodable, Sendable, Equatable {
    public struct InvalidValue: Encodable, Sendable, Equatable {
        public var field: String
        public var value: String
        public var allowed: [String]
    }

    public var name: String
    /// Field name → a string, or an array of strings for the fields that take several values.
    public var fields: [String: JSONNode]
    /// Required fields with no value: the national catalogue refuses the dataset until they are given
    /// (under `gdCatalog:` in `dataset.yaml`).
    public var missing: [String]
    public var invalid: [InvalidValue]

    public static let required = [
        "data_type", "title", "name", "owner_org", "maintainer", "maintainer_email", "notes", "tag_string", "objective",
        "update_frequency_unit", "geo_coverage", "data_source", "data_format", "data_category", "license_id",
    ]

    static let multiValued: Set<String> = ["objective", "data_format", "data_language", "disaggregate"]

    static let allowedValues: [String: [String]] = [
        "data_type": ["ข้อมูลระเบียน", "ข้อมูลสถิติ", "ข้อมูลภูมิสารสนเทศเชิงพื้นที่", "ข้อมูลหลากหลายประเภท", "ข้อมูลประเภทอื่นๆ"],
        "objective": [
            "ยุทธศาสตร์ชาติ", "แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ", "แผนความมั่นคงแห่งชาติ", "แผนแม่บทภายใต้ยุทธศาสตร์ชาติ", "แผนปฏิรูปประเทศ",
            "แผนระดับที่ 3 (มติครม. 4 ธ.ค. 2560)", "นโยบายรัฐบาล/ข้อสั่งการนายกรัฐมนตรี", "มติคณะรัฐมนตรี", "เพื่อการให้บริการประชาชน",
            "กฎหมายที่เกี่ยวข้อง", "พันธกิจหน่วยงาน", "ดัชนี/ตัวชี้วัดระดับนานาชาติ", "ไม่ทราบ", "อื่นๆ",
        ],
        "update_frequency_unit": [
            "ไม่ทราบ", "ปี", "ครึ่งปี", "ไตรมาส", "เดือน", "สัปดาห์", "วัน", "วันทำการ", "ชั่วโมง", "นาที", "ตามเวลาจริง",
            "ไม่มีการปรับปรุงหลังจากการจัดเก็บข้อมูล", "อื่นๆ",
        ],
        "geo_coverage": [
            "ไม่มี", "โลก", "ทวีป/กลุ่มประเทศในทวีป", "กลุ่มประเทศทางเศรษฐกิจ", "ประเทศ", "ภาค", "จังหวัด", "อำเภอ", "ตำบล", "หมู่บ้าน",
            "เทศบาล/อบต.", "พิกัด", "ไม่ทราบ", "อื่นๆ",
        ],
        "data_format": [
            "Database", "CSV", "XML", "Image", "Video", "Audio", "Text", "JSON", "HTML", "DOC/DOCX", "XLS", "PDF", "RDF", "NoSQL",
            "Arc/Info Coverage", "Shapefile", "GeoTiff", "GML", "ไม่ทราบ", "อื่นๆ",
        ],
        "data_category": ["ข้อมูลสาธารณะ", "ข้อมูลใช้ภายใน", "ข้อมูลส่วนบุคคล", "ข้อมูลความมั่นคง", "ข้อมูลความลับทางราชการ"],
        "data_classification": ["เปิดเผย", "ชั้นเผยแพร่ภายในองค์กร", "ลับ", "ลับมาก", "ลับที่สุด"],
        "license_id": [
            "Open Data Common", "Creative Commons Attributions", "Creative Commons Attribution Non-Commercial",
            "Creative Commons Attribution Share-Alike", "Creative Commons Attribution Non-Commercial Share-Alike",
            "Creative Commons Attribution Non-Commercial No-Derivs", "Creative Commons Attribution No-Derivs", "อื่นๆ",
        ],
        "data_support": ["ไม่มี", "หน่วยงานของรัฐ", "หน่วยงานเอกชน", "หน่วยงาน/องค์กรระหว่างประเทศ", "มูลนิธิ/สมาคม", "สถาบันการศึกษา", "อื่นๆ"],
        "data_collect": [
            "ไม่มี", "บุคคล", "ครัวเรือน/ครอบครัว", "บ้าน/ที่อยู่อาศัย", "บริษัท/ห้างร้าน/สถานประกอบการ", "อาคาร/สิ่งปลูกสร้าง",
            "พื้นที่การเกษตร ประมง ป่าไม้", "สัตว์และพันธุ์พืช", "ขอบเขตเชิงภูมิศาสตร์หรือเชิงพื้นที่", "แหล่งน้ำ เช่น แม่น้ำ อ่างเก็บน้ำ",
            "เส้นทางการเดินทาง เช่น ถนน ทางรถไฟ", "ไม่ทราบ", "อื่นๆ",
        ],
        "equivalent_scale": ["1:4,000", "1:10,000", "1:25,000", "1:50,000", "1:250,000", "อื่นๆ"],
    ]

    /// Maps a dataset; `gdCatalog` entries of `dataset.yaml` fill the fields that have no home elsewhere
    /// and override derived values.
    public init(_ detail: DatasetDetail, settings: CatalogueExportSettings) {
        let metadata = detail.metadata
        var fields: [String: JSONNode] = [:]
        func set(_ field: String, _ value: String?) {
            if let value, !value.isEmpty { fields[field] = .string(value) }
        }
        func setList(_ field: String, _ values: [String]) {
            var unique: [String] = []
            for value in values where !value.isEmpty && !unique.contains(value) { unique.append(value) }
            if !unique.isEmpty { fields[field] = .array(unique.map(JSONNode.string)) }
        }

        let isGeospatial = detail.manifest.counts.features > 0 || detail.manifest.geometryType != nil
        set("data_type", isGeospatial ? "ข้อมูลภูมิสารสนเทศเชิงพื้นที่" : nil)
        set("title", metadata.title.th ?? metadata.title.en)
        set("name", metadata.id)
        set("owner_org", settings.publisherName(metadata.publisher).th ?? metadata.publisher)
        set("maintainer", metadata.contact.name)
        set("maintainer_email", metadata.contact.email)
        set("telephone_number", metadata.contact.phone)
        set("notes", [metadata.description.th, metadata.description.en].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n\n"))
        set("tag_string", metadata.keywords.all.joined(separator: ","))
        set("update_frequency_unit", metadata.updateFrequency.gdCatalogUnit)
        if metadata.updateFrequency.interval != nil { set("update_frequency_interval", "1") }
        set("geo_coverage", ["bangkok", "กรุงเทพมหานคร", "กรุงเทพฯ"].contains(metadata.spatial.name.lowercased()) ? "จังหวัด" : nil)
        set("data_source", settings.publisherName(metadata.publisher).th ?? metadata.publisher)
        setList("data_format", detail.manifest.dataFiles.map { FileFormat.named($0.format)?.gdCatalogFormat ?? "อื่นๆ" })
        set("data_category", metadata.classification.gdCatalogCategory)
        set("data_classification", metadata.classification.gdCatalogLevel)
        set("license_id", License.code(metadata.license).gdCatalogLicenseID)
        set("url", settings.landingPage(metadata.id))
        setList("data_language", [("ไทย", metadata.title.th), ("อังกฤษ", metadata.title.en)].compactMap { ($0.1 ?? "").isEmpty ? nil : $0.0 })
        set("created_date", String(detail.firstReleasedAt.prefix(10)))
        set("last_updated_date", String(detail.releasedAt.prefix(10)))
        if let extent = detail.manifest.extent {
            set("west_bound_longitude", String(extent.minX))
            set("east_bound_longitude", String(extent.maxX))
            set("north_bound_latitude", String(extent.maxY))
            set("south_bound_latitude", String(extent.minY))
        }
        // Statistical datasets give the years their data covers, in the Buddhist Era as Thai catalogues do.
        let year = { (date: String?) in date.flatMap { Int($0.prefix(4)) }.map { String($0 + 543) } }
        set("first_year_of_data", year(metadata.temporal?.start))
        set("last_year_of_data", year(metadata.temporal?.end))

        for (field, value) in metadata.gdCatalog {
            if GDCatalogRecord.multiValued.contains(field) {
                setList(field, value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            } else {
                set(field, value)
            }
        }

        var invalid: [InvalidValue] = []
        for (field, allowed) in GDCatalogRecord.allowedValues {
            let values: [String]
            switch fields[field] {
            case .string(let value): values = [value]
            case .array(let items): values = items.compactMap { if case .string(let text) = $0 { return text } else { return nil } }
            default: values = []
            }
            for value in values where !allowed.contains(value) {
                invalid.append(InvalidValue(field: field, value: value, allowed: allowed))
            }
        }
        self.name = metadata.id
        self.fields = fields
        self.missing = GDCatalogRecord.required.filter { fields[$0] == nil }
        self.invalid = invalid.sorted { ($0.field, $0.value) < ($1.field, $1.value) }
    }
}
