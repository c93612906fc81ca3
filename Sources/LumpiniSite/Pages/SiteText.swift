/// The portal's own words, in Thai and English.
enum SiteText {
    static let portalName = LocalizedText(th: "ข้อมูลเปิดกรุงเทพมหานคร", en: "Bangkok Open Data")
    static let footer = LocalizedText(
        th: "ข้อมูลเปิดของกรุงเทพมหานคร ตรวจสอบคุณภาพก่อนเผยแพร่ ดาวน์โหลดและใช้งานได้ตามสัญญาอนุญาตของแต่ละชุดข้อมูล",
        en: "Open data of the Bangkok Metropolitan Administration, validated before publication; use each dataset under its licence."
    )

    static func frequency(_ frequency: UpdateFrequency) -> LocalizedText {
        switch frequency {
        case .realtime: return LocalizedText(th: "ตามเวลาจริง", en: "real time")
        case .hourly: return LocalizedText(th: "รายชั่วโมง", en: "hourly")
        case .daily: return LocalizedText(th: "รายวัน", en: "daily")
        case .weekly: return LocalizedText(th: "รายสัปดาห์", en: "weekly")
        case .monthly: return LocalizedText(th: "รายเดือน", en: "monthly")
        case .quarterly: return LocalizedText(th: "รายไตรมาส", en: "quarterly")
        case .semiannual: return LocalizedText(th: "ทุกครึ่งปี", en: "every six months")
        case .annual: return LocalizedText(th: "รายปี", en: "yearly")
        case .irregular: return LocalizedText(th: "ไม่สม่ำเสมอ", en: "irregularly")
        case .never: return LocalizedText(th: "ไม่มีการปรับปรุง", en: "never")
        }
    }

    /// A byte count as people read it: 1.2 MB, 830 KB, 512 B.
    static func size(_ bytes: Int) -> String {
        switch bytes {
        case 1_000_000_000...: return String(format: "%.1f GB", Double(bytes) / 1e9)
        case 1_000_000...: return String(format: "%.1f MB", Double(bytes) / 1e6)
        case 1_000...: return String(format: "%.0f KB", Double(bytes) / 1e3)
        default: return "\(bytes) B"
        }
    }

    /// The date part of an ISO 8601 time.
    static func date(_ iso: String) -> String { String(iso.prefix(10)) }
}
