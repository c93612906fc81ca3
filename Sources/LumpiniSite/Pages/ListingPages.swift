import Foundation

/// The pages that list datasets: home, all datasets, themes and agencies (an index and a page each),
/// and the statistics. Rendered from the cards on every build (they are small); written only when changed.
struct ListingPages {
    var cards: [DatasetCard]
    var names: SiteNames
    var now: String
    var statistics: CatalogueStatistics

    /// Every page, by its path in the public tree.
    func pages() -> [(String, String)] {
        var pages: [(String, String)] = [("index.html", home()), ("\(SiteLayout.sitePath)/datasets.html", allDatasets())]
        let byTheme = Dictionary(grouping: cards, by: \.theme), byAgency = Dictionary(grouping: cards, by: \.publisher)
        pages.append(("\(SiteLayout.sitePath)/themes.html", groupIndex(byTheme, title: LocalizedText(th: "หมวดหมู่", en: "Themes"), name: names.theme, path: SiteLayout.themePage)))
        pages.append(("\(SiteLayout.sitePath)/agencies.html", groupIndex(byAgency, title: LocalizedText(th: "หน่วยงาน", en: "Agencies"), name: names.agency, path: SiteLayout.agencyPage)))
        for (code, members) in byTheme {
            pages.append((SiteLayout.themePage(code), groupPage(names.theme(code), kind: LocalizedText(th: "หมวดหมู่", en: "Theme"), members)))
        }
        for (code, members) in byAgency {
            pages.append((SiteLayout.agencyPage(code), groupPage(names.agency(code), kind: LocalizedText(th: "หน่วยงาน", en: "Agency"), members)))
        }
        pages.append(("\(SiteLayout.sitePath)/statistics.html", StatisticsPage(cards: cards, names: names, now: now, statistics: statistics)
            .render(indicators: indicators(depth: 1))))
        return pages
    }

    private func home() -> String {
        let shell = PageShell(depth: 0, title: LocalizedText(th: "หน้าแรก", en: "Home"), description: Bilingual.plain(SiteText.footer),
                              tileOrigin: nil, scripts: SiteAssets.chartScripts)
        var body = "<h1>\(Bilingual.text(SiteText.portalName))</h1>\n<p class=\"lead\">" + Bilingual.text(
            "ชุดข้อมูลเปิด \(cards.count) ชุดจากหน่วยงานของกรุงเทพมหานคร ตรวจสอบคุณภาพแล้ว ดาวน์โหลดได้ฟรี",
            "\(cards.count) open datasets from the agencies of Bangkok, validated, free to download.") + "</p>\n"
        body += """
            <form class="search" role="search" action="index.html" method="get">
            <label for="search">\(Bilingual.text("ค้นหาชุดข้อมูล (ชื่อ คำสำคัญ คำอธิบาย)", "Search datasets (titles, keywords, descriptions)"))</label>
            <input type="search" id="search" name="q" autocomplete="off" placeholder="ฝุ่น, น้ำท่วม, parks…" data-index="\(SearchIndex.folder)/" data-base=""
             data-docs-per-shard="\(SearchIndex.docsPerShard)" data-doc-shards="\(SearchIndex.docShards(count: cards.count))" data-gram-shards="\(SearchIndex.gramShards)">
            <button type="submit">ค้นหา · Search</button>
            </form>
            <p id="search-status" class="meta" role="status" aria-live="polite"></p>
            <ol id="search-results"></ol>

            """
        body += StatisticsPage(cards: cards, names: names, now: now, statistics: statistics).progress(depth: 0)
        body += indicators(depth: 0)
        let newest = cards.sorted { ($0.firstReleasedAt, $0.id) > ($1.firstReleasedAt, $1.id) }.prefix(8)
        let updated = cards.sorted { ($0.releasedAt, $0.id) > ($1.releasedAt, $1.id) }.prefix(8)
        let overdue = cards.filter { $0.isStale(at: now) }.sorted { ($0.staleAt ?? "", $0.id) < ($1.staleAt ?? "", $1.id) }
        body += "<div class=\"grid\">\n"
        body += "<section class=\"card\"><h2>\(Bilingual.text("ชุดข้อมูลใหม่", "Newest datasets"))</h2>\(list(Array(newest), depth: 0, date: \.firstReleasedAt))</section>\n"
        body += "<section class=\"card\"><h2>\(Bilingual.text("ปรับปรุงล่าสุด", "Recently updated"))</h2>\(list(Array(updated), depth: 0, date: \.releasedAt))</section>\n"
        body += "<section class=\"card\"><h2>\(Bilingual.text("เลยกำหนดปรับปรุง", "Overdue for update")) (\(overdue.count))</h2>"
            + (overdue.isEmpty ? "<p>\(Bilingual.text("ไม่มี", "None"))</p>" : list(Array(overdue.prefix(10)), depth: 0, date: \.releasedAt)) + "</section>\n"
        body += "</div>\n"
        body += "<div class=\"grid\">\n<section><h2>\(Bilingual.text("ตามหมวดหมู่", "By theme"))</h2>"
            + groupLinks(Dictionary(grouping: cards, by: \.theme), name: names.theme, path: SiteLayout.themePage, depth: 0) + "</section>\n"
        body += "<section><h2>\(Bilingual.text("ตามหน่วยงาน", "By agency"))</h2>"
            + groupLinks(Dictionary(grouping: cards, by: \.publisher), name: names.agency, path: SiteLayout.agencyPage, depth: 0) + "</section>\n</div>\n"
        return shell.render(body)
    }

    private func allDatasets() -> String {
        let shell = PageShell(depth: 1, title: LocalizedText(th: "ชุดข้อมูลทั้งหมด", en: "All datasets"), description: "", tileOrigin: nil)
        return shell.render("<h1>\(Bilingual.text("ชุดข้อมูลทั้งหมด", "All datasets")) (\(cards.count))</h1>\n" + list(cards, depth: 1, date: \.releasedAt))
    }

    private func groupIndex(_ groups: [String: [DatasetCard]], title: LocalizedText, name: (String) -> LocalizedText, path: (String) -> String) -> String {
        let shell = PageShell(depth: 1, title: title, description: "", tileOrigin: nil)
        return shell.render("<h1>\(Bilingual.text(title))</h1>\n" + groupLinks(groups, name: name, path: path, depth: 1))
    }

    private func groupPage(_ name: LocalizedText, kind: LocalizedText, _ members: [DatasetCard]) -> String {
        let shell = PageShell(depth: 2, title: name, description: Bilingual.plain(kind), tileOrigin: nil)
        let rows = members.reduce(0) { $0 + $1.rowsPublished }
        var body = "<p class=\"meta\">\(Bilingual.text(kind))</p><h1>\(Bilingual.text(name))</h1>\n<p>"
        body += Bilingual.text("\(members.count) ชุดข้อมูล \(rows) แถว", "\(members.count) datasets, \(rows) rows") + "</p>\n"
        return shell.render(body + list(members.sorted { $0.id < $1.id }, depth: 2, date: \.releasedAt))
    }

    private func groupLinks(_ groups: [String: [DatasetCard]], name: (String) -> LocalizedText, path: (String) -> String, depth: Int) -> String {
        let root = String(repeating: "../", count: depth)
        let ordered = groups.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        return "<ul class=\"plain\">" + ordered.map { code, members in
            "<li><a href=\"\(root)\(HTML.attribute(path(code)))\">\(Bilingual.text(name(code)))</a> (\(members.count))</li>"
        }.joined() + "</ul>"
    }

    /// The indicators by district (derived datasets shown as choropleths), when there are some.
    func indicators(depth: Int) -> String {
        let members = cards.filter(\.indicator)
        guard !members.isEmpty else { return "" }
        return "<section id=\"indicators\" aria-labelledby=\"indicators-heading\"><h2 id=\"indicators-heading\">"
            + Bilingual.text("ตัวชี้วัดรายเขต", "Indicators by district") + " (\(members.count))</h2>\n"
            + list(members, depth: depth, date: \.releasedAt) + "</section>\n"
    }

    func list(_ members: [DatasetCard], depth: Int, date: KeyPath<DatasetCard, String>) -> String {
        let root = String(repeating: "../", count: depth)
        return "<ul class=\"plain datasets\">" + members.map { card in
            var meta = Bilingual.plain(names.agency(card.publisher)) + " · " + card.formats.joined(separator: ", ") + " · " + SiteText.date(card[keyPath: date])
            if card.isStale(at: now) { meta += " · เลยกำหนด / overdue" }
            return "<li><a href=\"\(root)\(HTML.path([card.id, SiteLayout.datasetPage]))\">\(Bilingual.text(card.title))</a><p class=\"meta\">\(HTML.text(meta))</p></li>"
        }.joined(separator: "\n") + "</ul>"
    }
}
