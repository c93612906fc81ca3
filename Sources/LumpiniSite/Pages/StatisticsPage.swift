import Foundation

/// `_site/statistics.html`: datasets by agency, theme, format and freshness, rows and features published,
/// and the progress toward the programme's high-value datasets. Each chart has its numbers in a table
/// beside it, so the page says everything without JavaScript.
struct StatisticsPage {
    var cards: [DatasetCard]
    var names: SiteNames
    var now: String
    var statistics: CatalogueStatistics

    /// `indicators`: the list of the indicators by district, linked from here.
    func render(indicators: String) -> String {
        let shell = PageShell(depth: 1, title: LocalizedText(th: "สถิติ", en: "Statistics"), description: "", tileOrigin: nil,
                              scripts: SiteAssets.chartScripts)
        let rows = cards.reduce(0) { $0 + $1.rowsPublished }, features = cards.reduce(0) { $0 + $1.features }
        var body = "<h1>\(Bilingual.text("สถิติ", "Statistics"))</h1>\n<p class=\"lead\">" + Bilingual.text(
            "\(cards.count) ชุดข้อมูล \(statistics.versions) ฉบับ เผยแพร่ \(rows) แถว \(features) รายการเชิงพื้นที่",
            "\(cards.count) datasets, \(statistics.versions) versions, \(rows) rows and \(features) features published") + "</p>\n"
        body += progress(depth: 1)
        body += indicators
        body += chart("theme", LocalizedText(th: "ตามหมวดหมู่", en: "By theme"), statistics.byTheme.map { (Bilingual.plain(names.theme($0.key)), $0.count) })
        body += chart("agency", LocalizedText(th: "ตามหน่วยงาน", en: "By agency"), statistics.byPublisher.map { (Bilingual.plain(names.agency($0.key)), $0.count) })
        body += chart("format", LocalizedText(th: "ตามรูปแบบไฟล์", en: "By format"), statistics.byFormat.map { ($0.key, $0.count) })
        body += chart("freshness", LocalizedText(th: "ความสดใหม่", en: "Freshness"), freshness())
        return shell.render(body)
    }

    /// Progress toward the high-value target: a `<progress>` with its words, and a chart of the parts.
    func progress(depth: Int) -> String {
        let goal = statistics.highValue
        var out = "<section aria-labelledby=\"progress-heading\"><h2 id=\"progress-heading\">" + Bilingual.text(
            "ความคืบหน้าชุดข้อมูลมูลค่าสูง \(goal.target) ชุด", "Progress toward \(goal.target) high-value datasets") + "</h2>\n"
        out += "<progress id=\"high-value-progress\" max=\"\(goal.target)\" value=\"\(min(goal.published, goal.target))\" aria-labelledby=\"progress-heading\"></progress>\n<p>"
        out += Bilingual.text(
            "เผยแพร่แล้ว \(goal.published) ชุด (\(String(format: "%.1f", goal.percentPublished))%) อนุมัติแล้วแต่ยังไม่เผยแพร่ \(goal.approvedNotPublished) รอการอนุมัติ \(goal.awaitingApproval)",
            "\(goal.published) published (\(String(format: "%.1f", goal.percentPublished))%), \(goal.approvedNotPublished) approved but not published, \(goal.awaitingApproval) awaiting approval") + "</p>\n"
        let remaining = max(0, goal.target - goal.published - goal.approvedNotPublished - goal.awaitingApproval)
        out += chart("progress", LocalizedText(th: "สถานะชุดข้อมูลมูลค่าสูง", en: "High-value datasets"), [
            ("เผยแพร่ / published", goal.published), ("อนุมัติ ยังไม่เผยแพร่ / approved, not published", goal.approvedNotPublished),
            ("รออนุมัติ / awaiting approval", goal.awaitingApproval), ("ยังไม่มี / still to come", remaining),
        ], type: "doughnut", table: false)
        return out + "</section>\n"
    }

    /// Datasets by how fresh their latest release is against their declared update frequency.
    private func freshness() -> [(String, Int)] {
        let stale = cards.filter { $0.isStale(at: now) }.count
        let neverStale = cards.filter { $0.staleAt == nil }.count
        return [("ทันสมัย / up to date", cards.count - stale - neverStale), ("เลยกำหนด / overdue", stale),
                ("ไม่มีกำหนด / no schedule", neverStale)]
    }

    private struct ChartSpec: Encodable {
        var type: String
        var label: String
        var labels: [String]
        var values: [Int]
        var colors: [String]?
    }

    /// A canvas drawn by `site.js` from a JSON data block, and the same numbers as a table.
    private func chart(_ id: String, _ title: LocalizedText, _ values: [(String, Int)], type: String = "bar", table: Bool = true) -> String {
        let spec = ChartSpec(type: type, label: Bilingual.plain(title), labels: values.map(\.0), values: values.map(\.1),
                             colors: type == "doughnut" ? ["#0b6e4f", "#2a9d8f", "#f5a623", "#d0d5da"] : nil)
        let json = (try? JSONOutput.data(spec, pretty: false)).map(HTML.json) ?? "{}"
        var out = "<div class=\"chart \(type)\"><h3>\(Bilingual.text(title))</h3>\n<canvas id=\"canvas-\(id)\" data-chart=\"chart-\(id)\" role=\"img\" aria-label=\"\(HTML.attribute(Bilingual.plain(title)))\"></canvas>\n"
        out += "<script type=\"application/json\" id=\"chart-\(id)\">\(json)</script>\n"
        if table {
            out += "<table><thead><tr><th scope=\"col\">\(Bilingual.text(title))</th><th scope=\"col\">\(Bilingual.text("ชุดข้อมูล", "Datasets"))</th></tr></thead><tbody>"
            out += values.map { "<tr><td>\(HTML.text($0.0))</td><td class=\"number\">\($0.1)</td></tr>" }.joined() + "</tbody></table>"
        }
        return out + "</div>\n"
    }
}
