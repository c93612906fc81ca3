/// The README's account of a derived dataset: what the indicator is, how it is computed, and the
/// published files it was computed from, each with its version and checksum, so an auditor can fetch
/// exactly those files and recompute every value.
extension DatasetReadme {
    var derivationSection: [String] {
        guard let derivation = dataset.derivation else { return [] }
        let indicator = derivation.indicator
        let links = dataset.metadata.indicators
        var lines = ["## Indicator / ตัวชี้วัด", ""]
        lines.append("| | |")
        lines.append("|---|---|")
        lines.append("| Definition / นิยาม | \(MarkdownText.inline(indicator.definition)) |")
        lines.append("| Unit / หน่วย | \(MarkdownText.inline(indicator.unit)) |")
        lines.append("| Year / ปี | \(derivation.year) |")
        lines.append("| Decimals / ทศนิยม | \(indicator.decimals) |")
        lines.append("| Reference / อ้างอิง | \(MarkdownText.inline(indicator.reference)) |")
        if !links.sdg.isEmpty { lines.append("| SDG | \(MarkdownText.inline(links.sdg.joined(separator: ", "))) |") }
        if !links.livability.isEmpty { lines.append("| Livability index / ดัชนีเมืองน่าอยู่ | \(MarkdownText.inline(links.livability.joined(separator: ", "))) |") }
        lines += ["", "### Method / วิธีคำนวณ", "", MarkdownText.paragraph(indicator.method), ""]
        lines.append("Steps / ขั้นตอน: " + derivation.steps.map { MarkdownText.code($0.name) }.joined(separator: " → ")
            + ", one row per district of " + MarkdownText.code(derivation.districts) + ". Areas and distances are computed in UTM zone 47N (EPSG:32647).")
        lines += ["", "### Computed from / คำนวณจาก", ""]
        lines.append("| Dataset / ชุดข้อมูล | Version / รุ่น | File / ไฟล์ | SHA-256 |")
        lines.append("|---|---|---|---|")
        for source in derivedFrom {
            lines.append("| \(MarkdownText.code(source.id)) | \(source.version) | \(MarkdownText.code(source.file)) | `\(source.sha256)` |")
        }
        lines += ["", "`manifest.json` and `datapackage.json` list the same files under `derivedFrom`.", ""]
        return lines
    }
}
