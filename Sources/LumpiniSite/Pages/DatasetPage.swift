import Foundation

/// `<id>/index.html`: everything about one dataset — what it is, who publishes it, how good and fresh it
/// is, a map, the first rows and the data dictionary, every download with its size and SHA-256, the
/// versions, what cleansing and validation did, and how to use it from code.
struct DatasetPage {
    var detail: DatasetDetail
    var contents: VersionContents
    var preview: MapPreview?
    var names: SiteNames
    /// The titles of the published datasets, for the inputs of a derived one.
    var titles: [String: LocalizedText]
    var settings: SiteSettings
    var tileOrigin: String?
    var now: String

    var metadata: DatasetMetadata { detail.metadata }
    var manifest: Manifest { detail.manifest }

    func render() -> String {
        let shell = PageShell(
            depth: 1, title: metadata.title, description: Bilingual.plain(metadata.description), tileOrigin: preview == nil ? nil : tileOrigin,
            scripts: preview == nil ? [] : SiteAssets.mapScripts, styles: preview == nil ? [] : SiteAssets.mapStyles
        )
        var body = "<nav class=\"meta\" aria-label=\"ตำแหน่ง · Breadcrumb\"><a href=\"../index.html\">\(Bilingual.text("หน้าแรก", "Home"))</a> › "
            + "<a href=\"../\(SiteLayout.themePage(metadata.theme))\">\(Bilingual.text(names.theme(metadata.theme)))</a></nav>\n"
        body += "<h1>\(Bilingual.text(metadata.title))</h1>\n<p>\(badges())</p>\n"
        body += Bilingual.text(metadata.description, tag: "p", extraClass: "lead")
        body += "\n" + facts()
        body += mapSection()
        body += rankedSection()
        body += derivedFromSection()
        body += tableSection()
        body += dictionarySection()
        body += downloadsSection()
        body += versionsSection()
        body += processingSection()
        body += codeSection()
        return shell.render(body)
    }

    private func badges() -> String {
        var out = ""
        if metadata.highValue.flag {
            out += "<span class=\"badge\">\(Bilingual.text("ชุดข้อมูลมูลค่าสูง", "High-value"))\(metadata.highValue.category.map { ": " + HTML.text($0) } ?? "")</span>"
        }
        if let staleAt = detail.staleAt, staleAt < now {
            out += "<span class=\"badge stale\">\(Bilingual.text("เลยกำหนดปรับปรุง", "Overdue for update"))</span>"
        }
        out += "<span class=\"badge\">\(Bilingual.text("คุณภาพเมทาดาตา", "Metadata quality")) \(detail.quality.points)/\(QualityScore.maximum) (\(HTML.text(detail.quality.rating.rawValue)))</span>"
        return out
    }

    private func facts() -> String {
        var rows: [(LocalizedText, String)] = []
        rows.append((LocalizedText(th: "หน่วยงาน", en: "Publisher"),
                     "<a href=\"../\(SiteLayout.agencyPage(metadata.publisher))\">\(Bilingual.text(names.agency(metadata.publisher)))</a>"))
        var contact = HTML.text(metadata.contact.name)
        if let mail = HTML.mailto(metadata.contact.email) { contact += " · <a href=\"\(mail)\">\(HTML.text(metadata.contact.email))</a>" }
        if let phone = metadata.contact.phone { contact += " · " + HTML.text(phone) }
        rows.append((LocalizedText(th: "ติดต่อ", en: "Contact"), contact))
        let licence = names.licence(metadata.license)
        var licenceText = HTML.text(licence?.title ?? metadata.license)
        if let url = licence.flatMap({ HTML.externalURL($0.url) }) { licenceText = "<a href=\"\(url)\" rel=\"license\">\(licenceText)</a>" }
        rows.append((LocalizedText(th: "สัญญาอนุญาต", en: "Licence"), licenceText))
        rows.append((LocalizedText(th: "ความถี่ในการปรับปรุง", en: "Updated"), Bilingual.text(SiteText.frequency(metadata.updateFrequency))))
        rows.append((LocalizedText(th: "ปรับปรุงล่าสุด", en: "Last update"),
                     "<time datetime=\"\(HTML.attribute(detail.releasedAt))\">\(HTML.text(SiteText.date(detail.releasedAt)))</time> (v\(detail.version))"))
        rows.append((LocalizedText(th: "เผยแพร่ครั้งแรก", en: "First published"), HTML.text(SiteText.date(detail.firstReleasedAt))))
        let approval = metadata.governance
        rows.append((LocalizedText(th: "การอนุมัติ", en: "Approval"), approval.isApproved
            ? "\(HTML.text(approval.approvedBy ?? "")), \(HTML.text(approval.approvedOn ?? ""))"
            : HTML.text(approval.status.rawValue)))
        rows.append((LocalizedText(th: "ชั้นความลับ", en: "Classification"), HTML.text(metadata.classification.rawValue)))
        rows.append((LocalizedText(th: "พื้นที่", en: "Coverage"), HTML.text(metadata.spatial.name)
            + (metadata.temporal.map { " · " + HTML.text([$0.start ?? "…", $0.end ?? "…"].joined(separator: " – ")) } ?? "")))
        let keywords = Bilingual.text(metadata.keywords.th.joined(separator: ", "), metadata.keywords.en.joined(separator: ", "))
        if !keywords.isEmpty { rows.append((LocalizedText(th: "คำสำคัญ", en: "Keywords"), keywords)) }
        if !(metadata.indicators.livability + metadata.indicators.sdg).isEmpty {
            rows.append((LocalizedText(th: "ตัวชี้วัด", en: "Indicators"), HTML.text((metadata.indicators.livability + metadata.indicators.sdg.map { "SDG " + $0 }).joined(separator: ", "))))
        }
        var quality = "\(detail.quality.points) / \(QualityScore.maximum) · \(HTML.text(detail.quality.rating.rawValue))"
        if !detail.quality.missing.isEmpty {
            quality += "<details><summary>\(Bilingual.text("วิธีเพิ่มคะแนน", "What would raise it"))</summary><ul>"
            for advice in detail.quality.missing { quality += "<li>+\(advice.points): \(HTML.text(advice.advice))</li>" }
            quality += "</ul></details>"
        }
        rows.append((LocalizedText(th: "คุณภาพเมทาดาตา", en: "Metadata quality"), quality))
        return "<dl class=\"facts\">\n" + rows.map { "<dt>\(Bilingual.text($0.0))</dt><dd>\($0.1)</dd>" }.joined(separator: "\n") + "\n</dl>\n"
    }

    /// The latest version's files are reached through `latest/`, which always leads to the newest.
    func latestHref(_ file: Manifest.File) -> String { HTML.path([ReleaseTree.latestName, file.path]) }

    func versionHref(_ version: Int, _ file: String? = nil) -> String {
        HTML.path(["v\(version)"] + (file.map { [$0] } ?? [""]))
    }

    static func section(_ id: String, _ heading: LocalizedText, _ content: String) -> String {
        "<section aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(Bilingual.text(heading))</h2>\n\(content)\n</section>\n"
    }
}
