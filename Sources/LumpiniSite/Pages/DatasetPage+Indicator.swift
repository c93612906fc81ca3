import Foundation

/// What a dataset page adds for a derived dataset: the choropleth's classes (for `site.js`), the
/// districts ranked by value, and the inputs it was computed from with their versions and hashes.
extension DatasetPage {
    private struct Choropleth: Encodable {
        var breaks: [Double]
        var colors: [String]
        var minimum: Double?
        var unit: String
        var noData: String
    }

    /// The JSON block the map colours districts by, when the dataset is an indicator drawn as polygons.
    func choroplethData() -> String {
        guard let indicator = contents.indicator, manifest.geometryType?.hasSuffix("Polygon") == true else { return "" }
        let spec = Choropleth(breaks: indicator.breaks, colors: indicator.colors, minimum: indicator.minimum, unit: indicator.unit,
                              noData: "ไม่มีข้อมูล · no data")
        let json = (try? JSONOutput.data(spec, pretty: false)).map(HTML.json) ?? "{}"
        return "<script type=\"application/json\" id=\"choropleth\">\(json)</script>\n"
    }

    func rankedSection() -> String {
        guard let indicator = contents.indicator else { return "" }
        let unit = HTML.text(indicator.unit)
        var out = "<div class=\"table-wrap\" tabindex=\"0\" role=\"group\" aria-labelledby=\"ranked-heading\"><table id=\"ranked\">\n<caption>"
            + Bilingual.text("เรียงจากค่ามากไปน้อย ปี \(indicator.year) หน่วย \(indicator.unit)",
                             "Highest first, \(indicator.year), in \(indicator.unit)") + "</caption>\n<thead><tr>"
            + "<th scope=\"col\">\(Bilingual.text("อันดับ", "Rank"))</th><th scope=\"col\">\(Bilingual.text("เขต", "District"))</th>"
            + "<th scope=\"col\">\(Bilingual.text("ค่า", "Value")) (\(unit))</th><th scope=\"col\">n</th>"
            + "<th scope=\"col\">\(Bilingual.text("หมายเหตุ", "Note"))</th></tr></thead>\n<tbody>\n"
        var rank = 0
        for district in indicator.districts {
            if district.value != nil { rank += 1 }
            let value = district.value.map(HTML.text) ?? Bilingual.text("ไม่มีข้อมูล", "no data")
            out += "<tr data-code=\"\(HTML.attribute(district.code))\"><td class=\"number\">\(district.value == nil ? "—" : String(rank))</td>"
                + "<th scope=\"row\">\(Bilingual.text(district.name))</th><td class=\"number\">\(value)</td>"
                + "<td class=\"number\">\(HTML.text(district.n))</td><td class=\"cell\">\(HTML.text(district.note))</td></tr>\n"
        }
        out += "</tbody></table></div>"
        return Self.section("ranked-heading", LocalizedText(th: "อันดับรายเขต", en: "Districts ranked"), out)
    }

    func derivedFromSection() -> String {
        guard !contents.derivedFrom.isEmpty else { return "" }
        var out = "<p>" + Bilingual.text(
            "คำนวณจากไฟล์ที่เผยแพร่ด้านล่าง ตรวจสอบได้ด้วย SHA-256 ของแต่ละไฟล์",
            "Computed from the published files below; each can be checked by its SHA-256.") + "</p>\n"
        out += "<div class=\"table-wrap\"><table id=\"derived-from\">\n<thead><tr><th scope=\"col\">\(Bilingual.text("ชุดข้อมูล", "Dataset"))</th>"
            + "<th scope=\"col\">\(Bilingual.text("ฉบับ", "Version"))</th><th scope=\"col\">\(Bilingual.text("ไฟล์", "File"))</th>"
            + "<th scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n"
        for input in contents.derivedFrom {
            let version = "v\(input.version)"
            let name = titles[input.id].map { "<a href=\"../\(HTML.path([input.id, SiteLayout.datasetPage]))\">\(Bilingual.text($0))</a><br>" } ?? ""
            out += "<tr><td>\(name)<code>\(HTML.text(input.id))</code></td>"
                + "<td><a href=\"../\(HTML.path([input.id, version, ""]))\">\(version)</a></td>"
                + "<td>\(fileLink(input))</td>"
                + "<td class=\"hash\">\(HTML.text(input.sha256))</td></tr>\n"
        }
        out += "</tbody></table></div>"
        return Self.section("derived-heading", LocalizedText(th: "ที่มาของข้อมูล", en: "Derived from"), out)
    }

    /// A link to the input's file, unless its path would leave the input's version folder.
    private func fileLink(_ input: DerivedSource) -> String {
        let segments = input.file.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { return HTML.text(input.file) }
        return "<a href=\"../\(HTML.path([input.id, "v\(input.version)"] + segments))\">\(HTML.text(input.file))</a>"
    }
}
