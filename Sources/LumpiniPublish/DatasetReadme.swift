import Foundation
import GDAL

/// The `README.md` of a version, in English and Thai: what the data is, who publishes it, under
/// which licence, what each file and column holds, and how to open the CSV in Excel. Everything taken
/// from `dataset.yaml`, the schema or the data goes through `MarkdownText`, so it is shown, never rendered.
struct DatasetReadme {
    static let fileName = "README.md"

    let dataset: DatasetDescription
    let table: OutputTable
    let version: Int
    let releasedAt: String
    let counts: Manifest.Counts
    let extent: Envelope?
    let dataFiles: [Manifest.File]
    /// Whether readers that guess the separator from the header (GDAL before 3.7) take another than the comma.
    var csvSeparatorMisread = false
    /// The data files read back before release, and with what.
    var readBack: [(format: String, reader: ReadBackReader)] = []
    /// Columns with cells a spreadsheet would run as formulas (`FormulaCellScan`), published as they are.
    var formulaColumns: [String] = []
    /// For a derived dataset, the published files it was computed from.
    var derivedFrom: [DerivedSource] = []

    var text: String {
        let metadata = dataset.metadata
        let titleEN = metadata.title.en ?? metadata.id
        var lines: [String] = []
        lines.append("# \(MarkdownText.inline(titleEN))")
        if let th = metadata.title.th { lines.append("# \(MarkdownText.inline(th))") }
        lines.append("")
        if let en = metadata.description.en { lines += [MarkdownText.paragraph(en), ""] }
        if let th = metadata.description.th { lines += [MarkdownText.paragraph(th), ""] }

        lines.append("| | |")
        lines.append("|---|---|")
        lines.append("| Dataset id / รหัสชุดข้อมูล | \(MarkdownText.code(metadata.id)) |")
        lines.append("| Version / รุ่น | \(version) (released / เผยแพร่ \(releasedAt)) |")
        lines.append("| Publisher / หน่วยงานเจ้าของข้อมูล | \(MarkdownText.inline(metadata.publisher)) |")
        lines.append("| Contact / ติดต่อ | \(MarkdownText.inline("\(metadata.contact.name) <\(metadata.contact.email)>")) |")
        lines.append("| Licence / สัญญาอนุญาต | \(MarkdownText.inline(metadata.license)) |")
        lines.append("| Update frequency / ความถี่ในการปรับปรุง | \(metadata.updateFrequency.rawValue) |")
        lines.append("| Theme / หมวดหมู่ | \(MarkdownText.inline(metadata.theme)) |")
        let keywords = metadata.keywords.englishFirst
        if !keywords.isEmpty { lines.append("| Keywords / คำสำคัญ | \(MarkdownText.inline(keywords.joined(separator: ", "))) |") }
        lines.append("| Rows / จำนวนแถว | \(counts.rowsPublished) published / เผยแพร่; \(counts.rowsQuarantined) held back by checks / ไม่ผ่านการตรวจสอบ (of \(counts.rowsIn) read / จากทั้งหมด) |")
        if let reasons = counts.quarantineReasons, reasons.total > 0 {
            lines.append("| Held back, by stage and reason / แถวที่ไม่ได้เผยแพร่ ตามขั้นตอนและเหตุผล | \(MarkdownText.inline(reasons.summary)) |")
        }
        if let extent {
            lines.append("| Extent (WGS 84) / ขอบเขตพื้นที่ | \(extent.minX), \(extent.minY) – \(extent.maxX), \(extent.maxY) |")
        }
        if !readBack.isEmpty {
            let readers = readBack.map { "\($0.format): \($0.reader == .gdal ? "GDAL \(GDALLibrary.version)" : $0.reader.rawValue)" }
            lines.append("| Read back before release / ตรวจอ่านซ้ำก่อนเผยแพร่ | \(readers.joined(separator: "; ")) |")
        }
        if let temporal = metadata.temporal, temporal.start != nil || temporal.end != nil {
            lines.append("| Period / ช่วงเวลา | \(MarkdownText.inline("\(temporal.start ?? "…") – \(temporal.end ?? "…")")) |")
        }
        lines.append("")
        lines += derivationSection

        lines.append("## Files / ไฟล์")
        lines.append("")
        lines.append("| File / ไฟล์ | Format / รูปแบบ | Bytes / ขนาด | SHA-256 |")
        lines.append("|---|---|---|---|")
        for file in dataFiles {
            lines.append("| [\(file.path)](\(file.path)) | \(file.format) | \(file.size) | `\(file.sha256)` |")
        }
        lines.append("")
        lines.append("`manifest.json` lists every file with its checksum; `datapackage.json` describes the data as a Frictionless Data Package; `changelog.json` says what changed since the previous version; the cleansing and validation reports say what was done to the data and what was held back.")
        lines.append("")
        lines.append("`manifest.json` แสดงรายการไฟล์ทั้งหมดพร้อมค่า checksum; `datapackage.json` อธิบายข้อมูลตามมาตรฐาน Frictionless Data Package; `changelog.json` ระบุสิ่งที่เปลี่ยนแปลงจากรุ่นก่อนหน้า; รายงานการทำความสะอาดและการตรวจสอบข้อมูลระบุสิ่งที่ปรับแก้และแถวที่ไม่ได้เผยแพร่")
        lines.append("")

        lines.append("## Columns / คอลัมน์")
        lines.append("")
        lines.append("| Name / ชื่อ | Type / ชนิด | Description / คำอธิบาย |")
        lines.append("|---|---|---|")
        for field in DataPackageDescriptor.schema(of: table).fields {
            let description = [field.title, field.description].compactMap { $0 }.joined(separator: " — ")
            lines.append("| \(MarkdownText.code(field.name)) | \(field.type) | \(MarkdownText.inline(description)) |")
        }
        if !table.primaryKey.isEmpty {
            lines.append("")
            lines.append("Primary key / คีย์หลัก: " + table.primaryKey.map(MarkdownText.code).joined(separator: ", "))
        }
        lines.append("")

        lines.append("## Using the files / การใช้งานไฟล์")
        lines.append("")
        lines.append("Coordinates are WGS 84 longitude and latitude (EPSG:4326) with \(table.precision) decimals. The GeoJSON follows RFC 7946. The CSV is UTF-8, comma-separated, with a header row; dates are ISO 8601 (YYYY-MM-DD).")
        lines.append("")
        lines.append("พิกัดเป็นลองจิจูดและละติจูดในระบบ WGS 84 (EPSG:4326) ทศนิยม \(table.precision) ตำแหน่ง ไฟล์ GeoJSON เป็นไปตาม RFC 7946 ไฟล์ CSV เข้ารหัส UTF-8 คั่นด้วยจุลภาค มีแถวหัวตาราง วันที่อยู่ในรูปแบบ ISO 8601 (ปปปป-ดด-วว ปีคริสต์ศักราช)")
        lines.append("")
        if dataset.outputs.csvBOM {
            lines.append("The CSV starts with a UTF-8 byte order mark, so Excel shows Thai text correctly when the file is opened by double-clicking.")
            lines.append("")
            lines.append("ไฟล์ CSV ขึ้นต้นด้วย UTF-8 BOM จึงเปิดด้วย Excel ได้โดยตรงและแสดงภาษาไทยถูกต้อง")
        } else {
            lines.append("To open the CSV in Excel with Thai text intact, use Data → From Text/CSV and choose the encoding 65001: Unicode (UTF-8); double-clicking the file garbles Thai text.")
            lines.append("")
            lines.append("หากต้องการเปิดไฟล์ CSV ด้วย Excel ให้ใช้เมนู Data → From Text/CSV แล้วเลือกการเข้ารหัส 65001: Unicode (UTF-8) เพราะการดับเบิลคลิกเปิดไฟล์โดยตรงจะทำให้ภาษาไทยแสดงผลผิด")
        }
        if !formulaColumns.isEmpty {
            let names = formulaColumns.map(MarkdownText.code).joined(separator: ", ")
            lines.append("")
            lines.append("Some cells of \(names) start with =, +, - or @. They are data, published exactly as the agency wrote them, but a spreadsheet that opens the CSV directly may run them as formulas: import the CSV with Data → From Text/CSV and set these columns to Text.")
            lines.append("")
            lines.append("บางเซลล์ในคอลัมน์ \(names) ขึ้นต้นด้วย =, +, - หรือ @ ซึ่งเป็นข้อมูลตามที่หน่วยงานบันทึกไว้ แต่โปรแกรมตารางคำนวณที่เปิดไฟล์ CSV โดยตรงอาจตีความเป็นสูตร โปรดนำเข้าด้วยเมนู Data → From Text/CSV และกำหนดคอลัมน์เหล่านี้เป็นข้อความ (Text)")
        }
        if csvSeparatorMisread {
            lines.append("")
            lines.append("The CSV is comma-separated, but its header holds a semicolon, a tab or a space that makes some readers guess another separator (GDAL before 3.7 among them): tell your reader the separator is a comma (GDAL 3.7 or later: `-oo SEPARATOR=COMMA`).")
            lines.append("")
            lines.append("ไฟล์ CSV คั่นด้วยจุลภาค แต่หัวตารางมีเครื่องหมายอัฒภาค แท็บ หรือช่องว่าง ซึ่งทำให้โปรแกรมบางตัวเดาตัวคั่นผิด (เช่น GDAL รุ่นก่อน 3.7) โปรดระบุให้โปรแกรมใช้จุลภาคเป็นตัวคั่น")
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }
}
