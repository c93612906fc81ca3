import Foundation

extension DatasetPage {
    func mapSection() -> String {
        guard let preview else { return "" }
        var out = ""
        if preview.isPartial {
            let full = manifest.files.first { $0.format == "GeoJSON" }
            let how = preview.sampleStep > 1 ? " (1 ใน \(preview.sampleStep))" : ""
            out += "<p class=\"note\">" + Bilingual.text(
                "แผนที่แสดงตัวอย่าง \(preview.features) จาก \(preview.publishedFeatures) รายการ\(how)\(preview.simplified ? " เส้นขอบถูกทำให้เรียบง่าย" : "") ข้อมูลทั้งหมดดาวน์โหลดได้ด้านล่าง",
                "The map shows a preview: \(preview.features) of \(preview.publishedFeatures) features\(preview.sampleStep > 1 ? " (one in \(preview.sampleStep))" : "")\(preview.simplified ? ", outlines simplified" : ""). The full data is in the downloads below."
            )
            if let full { out += " <a href=\"\(latestHref(full))\">\(Bilingual.text("GeoJSON ฉบับเต็ม", "Full GeoJSON")) (\(SiteText.size(full.size)))</a>" }
            out += "</p>\n"
        }
        let extent = manifest.extent.map { "\($0.minX),\($0.minY),\($0.maxX),\($0.maxY)" } ?? ""
        let legend = "\(manifest.geometryType ?? "") · \(preview.isPartial ? "ตัวอย่าง / preview" : "ทั้งหมด / all")"
        let choropleth = choroplethData()
        let mode = choropleth.isEmpty ? "" : " data-choropleth=\"choropleth\""
        out += choropleth
        out += """
            <div id="map" class="map" role="region" tabindex="0" aria-label="แผนที่กำลังโหลด · Map loading"\(mode)
             data-preview="\(HTML.attribute(SiteLayout.previewFile))" data-extent="\(HTML.attribute(extent))" data-outlines="../\(SiteLayout.outlines)"
             data-tiles="\(HTML.attribute(settings.tileURL))" data-attribution="\(HTML.attribute(settings.tileAttribution))"
             data-attribution-url="\(HTML.externalURL(settings.tileAttributionURL) ?? "")" data-legend="\(HTML.attribute(legend))"></div>
            <p id="map-status" class="meta" aria-live="polite">\(Bilingual.text(
                "แผนที่ต้องใช้ JavaScript; ข้อมูลเดียวกันอยู่ในตารางและไฟล์ดาวน์โหลด",
                "The map needs JavaScript; the same data is in the table and the downloads."))</p>
            """
        return Self.section("map-heading", LocalizedText(th: "แผนที่", en: "Map"), out)
    }

    func tableSection() -> String {
        guard let rows = contents.firstRows, !rows.header.isEmpty else { return "" }
        let caption = Bilingual.text(
            "\(rows.rows.count) แถวแรกจาก \(manifest.counts.rowsPublished) แถว",
            "First \(rows.rows.count) of \(manifest.counts.rowsPublished) rows")
        var out = "<div class=\"table-wrap\" tabindex=\"0\" role=\"group\" aria-labelledby=\"rows-heading\"><table id=\"first-rows\">\n<caption>\(caption)</caption>\n<thead><tr>"
        out += rows.header.map { "<th scope=\"col\">\(HTML.text($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows.rows {
            out += "<tr>" + row.map { "<td>\(HTML.text($0))</td>" }.joined() + "</tr>\n"
        }
        out += "</tbody></table></div>"
        return Self.section("rows-heading", LocalizedText(th: "ตัวอย่างข้อมูล", en: "The data"), out)
    }

    func dictionarySection() -> String {
        guard !contents.fields.isEmpty || contents.fieldCount == nil else { return "" }
        let package = manifest.files.first { $0.path == "datapackage.json" }
        let link = package.map { " <a href=\"\(latestHref($0))\">datapackage.json</a>" } ?? ""
        if contents.fields.isEmpty {
            return Self.section("dictionary-heading", LocalizedText(th: "พจนานุกรมข้อมูล", en: "Data dictionary"),
                                "<p>" + Bilingual.text("คอลัมน์ทั้งหมดอยู่ใน", "Every column is described in") + link + "</p>")
        }
        var out = "<div class=\"table-wrap\"><table id=\"data-dictionary\">\n<thead><tr><th scope=\"col\">\(Bilingual.text("คอลัมน์", "Column"))</th>"
            + "<th scope=\"col\">\(Bilingual.text("ชนิด", "Type"))</th><th scope=\"col\">\(Bilingual.text("คำอธิบาย", "Description"))</th></tr></thead>\n<tbody>\n"
        for field in contents.fields {
            let text = [field.title, field.description].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " — ")
            out += "<tr><td><code>\(HTML.text(field.name))</code></td><td>\(HTML.text(field.type))</td><td>\(HTML.text(text))</td></tr>\n"
        }
        out += "</tbody></table></div>"
        if let count = contents.fieldCount, count > contents.fields.count {
            out += "<p>" + Bilingual.text("แสดง \(contents.fields.count) จาก \(count) คอลัมน์ ทั้งหมดอยู่ใน", "\(contents.fields.count) of \(count) columns shown; all of them are in") + link + "</p>"
        }
        return Self.section("dictionary-heading", LocalizedText(th: "พจนานุกรมข้อมูล", en: "Data dictionary"), out)
    }

    func downloadsSection() -> String {
        var out = "<div class=\"table-wrap\"><table id=\"downloads\">\n<thead><tr><th scope=\"col\">\(Bilingual.text("ไฟล์", "File"))</th>"
            + "<th scope=\"col\">\(Bilingual.text("รูปแบบ", "Format"))</th><th scope=\"col\">\(Bilingual.text("ขนาด", "Size"))</th><th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n"
        let ordered = manifest.files.filter { $0.role == .data } + manifest.files.filter { $0.role != .data }
        for file in ordered {
            out += "<tr data-role=\"\(HTML.attribute(file.role.rawValue))\"><td><a href=\"\(latestHref(file))\" data-sha256=\"\(HTML.attribute(file.sha256))\" "
                + "data-size=\"\(file.size)\" type=\"\(HTML.attribute(file.mediaType))\">\(HTML.text(file.path))</a></td>"
                + "<td>\(HTML.text(file.format))</td><td class=\"number\">\(SiteText.size(file.size))</td><td class=\"hash\">\(HTML.text(file.sha256))</td></tr>\n"
        }
        out += "</tbody></table></div>\n<p class=\"meta\">" + Bilingual.text(
            "ลิงก์ด้านบนชี้ไปที่ latest/ ซึ่งเป็นฉบับล่าสุดเสมอ ฉบับนี้โดยเฉพาะอยู่ที่",
            "The links above go through latest/, which always leads to the newest version; this version stays at") + " <a href=\"\(versionHref(detail.version))\">v\(detail.version)/</a>.</p>"
        return Self.section("downloads-heading", LocalizedText(th: "ดาวน์โหลด", en: "Downloads"), out)
    }

    func versionsSection() -> String {
        var out = "<div class=\"table-wrap\"><table id=\"versions\">\n<thead><tr><th scope=\"col\">\(Bilingual.text("ฉบับ", "Version"))</th>"
            + "<th scope=\"col\">\(Bilingual.text("วันที่", "Released"))</th><th scope=\"col\">\(Bilingual.text("แถว", "Rows"))</th>"
            + "<th scope=\"col\">\(Bilingual.text("ขนาดรวม", "Size"))</th></tr></thead>\n<tbody>\n"
        for version in detail.versions {
            out += "<tr><td><a href=\"\(versionHref(version.version))\">v\(version.version)</a></td><td>\(HTML.text(SiteText.date(version.releasedAt)))</td>"
                + "<td class=\"number\">\(version.rowsPublished.map(String.init) ?? "—")</td><td class=\"number\">\(SiteText.size(Int(version.totalSize)))</td></tr>\n"
        }
        out += "</tbody></table></div>\n"
        if let changes = contents.changes {
            out += "<p>" + Bilingual.text(
                "เทียบกับฉบับก่อน: เพิ่ม \(changes.added) แถว ลบ \(changes.removed) แถว แก้ไข \(changes.changed) แถว",
                "Since the version before: \(changes.added) rows added, \(changes.removed) removed, \(changes.changed) changed") + "</p>"
        }
        return Self.section("versions-heading", LocalizedText(th: "ฉบับและการเปลี่ยนแปลง", en: "Versions and changes"), out)
    }

    func processingSection() -> String {
        let counts = manifest.counts, quality = manifest.quality
        var out = "<p>" + Bilingual.text(
            "อ่านข้อมูลเข้า \(counts.rowsIn) แถว เผยแพร่ \(counts.rowsPublished) แถว และกันไว้ \(counts.rowsQuarantined) แถวพร้อมเหตุผล (ไม่เผยแพร่) สูตรทำความสะอาดแก้ไขค่า \(quality.changedValues) ค่า",
            "\(counts.rowsIn) rows read, \(counts.rowsPublished) published and \(counts.rowsQuarantined) set aside with a reason (not public); the cleansing recipe changed \(quality.changedValues) values.") + "</p>\n"
        out += "<p>" + (quality.valid
            ? Bilingual.text("ผ่านการตรวจสอบตามสคีมา", "Valid against its schema")
            : Bilingual.text("การตรวจสอบพบข้อผิดพลาด", "Validation found errors"))
            + ": \(quality.errorCount) errors, \(quality.warningCount) warnings.</p>\n<ul class=\"plain\">"
        for file in manifest.files where file.role == .report {
            out += "<li><a href=\"\(latestHref(file))\">\(HTML.text(file.path))</a></li>"
        }
        out += "</ul>"
        return Self.section("processing-heading", LocalizedText(th: "การทำความสะอาดและตรวจสอบ", en: "Cleansing and validation"), out)
    }

    func codeSection() -> String {
        let base = settings.baseURL + "/" + HTML.percentEncoded(detail.id) + "/" + ReleaseTree.latestName + "/"
        var lines: [String] = []
        for file in manifest.files where file.role == .data || file.path == "datapackage.json" {
            lines.append("\(file.format): \(base)\(HTML.percentEncoded(file.path))")
        }
        var out = "<pre><code>\(HTML.text(lines.joined(separator: "\n")))</code></pre>\n"
        if let csv = manifest.files.first(where: { $0.format.uppercased() == "CSV" }) {
            out += "<p>Python (pandas):</p><pre><code>\(HTML.text("import pandas\ndata = pandas.read_csv(\"\(base)\(HTML.percentEncoded(csv.path))\")"))</code></pre>\n"
        }
        if let geojson = manifest.files.first(where: { $0.format == "GeoJSON" }) {
            out += "<p>GDAL:</p><pre><code>\(HTML.text("ogrinfo -so /vsicurl/\(base)\(HTML.percentEncoded(geojson.path))"))</code></pre>"
        }
        return Self.section("code-heading", LocalizedText(th: "ใช้งานผ่านโค้ด", en: "Use it from code"), out)
    }
}
