extension UpdateFrequency {
    /// The code in the EU frequency vocabulary (`http://publications.europa.eu/resource/authority/frequency/`).
    var euFrequency: String {
        switch self {
        case .realtime: return "UPDATE_CONT"
        case .hourly: return "HOURLY"
        case .daily: return "DAILY"
        case .weekly: return "WEEKLY"
        case .monthly: return "MONTHLY"
        case .quarterly: return "QUARTERLY"
        case .semiannual: return "BIANNUAL"
        case .annual: return "ANNUAL"
        case .irregular: return "IRREG"
        case .never: return "NEVER"
        }
    }

    /// Project Open Data's `accrualPeriodicity`: an ISO 8601 repeating duration, or `irregular`; nil for never.
    var isoRepeatingDuration: String? {
        switch self {
        case .realtime: return "R/PT1S"
        case .hourly: return "R/PT1H"
        case .daily: return "R/P1D"
        case .weekly: return "R/P1W"
        case .monthly: return "R/P1M"
        case .quarterly: return "R/P3M"
        case .semiannual: return "R/P6M"
        case .annual: return "R/P1Y"
        case .irregular: return "irregular"
        case .never: return nil
        }
    }

    /// The Thai GD Catalog `update_frequency_unit`.
    var gdCatalogUnit: String {
        switch self {
        case .realtime: return "ตามเวลาจริง"
        case .hourly: return "ชั่วโมง"
        case .daily: return "วัน"
        case .weekly: return "สัปดาห์"
        case .monthly: return "เดือน"
        case .quarterly: return "ไตรมาส"
        case .semiannual: return "ครึ่งปี"
        case .annual: return "ปี"
        case .irregular: return "อื่นๆ"
        case .never: return "ไม่มีการปรับปรุงหลังจากการจัดเก็บข้อมูล"
        }
    }
}

extension Classification {
    /// The code in the EU access-right vocabulary.
    var euAccessRight: String {
        switch self {
        case .public: return "PUBLIC"
        case .internal: return "RESTRICTED"
        case .confidential, .secret: return "NON_PUBLIC"
        }
    }

    /// Project Open Data's `accessLevel`.
    var podAccessLevel: String {
        switch self {
        case .public: return "public"
        case .internal: return "restricted public"
        case .confidential, .secret: return "non-public"
        }
    }

    /// The Thai GD Catalog `data_category` (governance category) and `data_classification` (level).
    var gdCatalogCategory: String {
        switch self {
        case .public: return "ข้อมูลสาธารณะ"
        case .internal: return "ข้อมูลใช้ภายใน"
        case .confidential, .secret: return "ข้อมูลความลับทางราชการ"
        }
    }

    var gdCatalogLevel: String {
        switch self {
        case .public: return "เปิดเผย"
        case .internal: return "ชั้นเผยแพร่ภายในองค์กร"
        case .confidential: return "ลับ"
        case .secret: return "ลับมาก"
        }
    }
}

/// The EU high-value-dataset categories (`http://data.europa.eu/bna/asd487ae75`), by the codes `dataset.yaml` uses.
enum HighValueCategory {
    static let scheme = "http://data.europa.eu/bna/asd487ae75"

    static let concepts: [String: (iri: String, label: String)] = [
        "geospatial": ("http://data.europa.eu/bna/c_ac64a52d", "Geospatial"),
        "earth-observation-and-environment": ("http://data.europa.eu/bna/c_dd313021", "Earth observation and environment"),
        "meteorological": ("http://data.europa.eu/bna/c_164e0bf5", "Meteorological"),
        "statistics": ("http://data.europa.eu/bna/c_e1da4e07", "Statistics"),
        "companies": ("http://data.europa.eu/bna/c_a9135398", "Companies and company ownership"),
        "mobility": ("http://data.europa.eu/bna/c_b79e35eb", "Mobility"),
    ]
}
