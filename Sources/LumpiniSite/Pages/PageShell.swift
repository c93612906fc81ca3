/// The frame every page shares: `lang`, the Content-Security-Policy, the header with the navigation
/// and the language switch, and the footer. Links are relative, so the site works under any base path.
struct PageShell {
    /// How many folders below the site's root the page is (0 for `index.html`, 1 for `<id>/index.html`).
    var depth: Int
    var title: LocalizedText
    var description: String
    /// The tile server's origin, allowed to serve images when the page has a map.
    var tileOrigin: String?
    var scripts: [String] = []
    var styles: [String] = []

    var root: String { String(repeating: "../", count: depth) }

    func render(_ body: String) -> String {
        let images = ["'self'", "data:"] + (tileOrigin.map { [$0] } ?? [])
        let policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src \(images.joined(separator: " ")); "
            + "connect-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'"
        var head = """
            <!DOCTYPE html>
            <html lang="th">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(HTML.attribute(policy))">
            <meta name="referrer" content="no-referrer">
            <link rel="icon" href="data:,">
            <title>\(HTML.text(Bilingual.plain(title))) — \(HTML.text(Bilingual.plain(SiteText.portalName)))</title>
            <meta name="description" content="\(HTML.attribute(description))">

            """
        for style in styles + [SiteStyle.fileName] {
            head += "<link rel=\"stylesheet\" href=\"\(root)\(SiteLayout.assetsPath)/\(style)\">\n"
        }
        for script in scripts + [SiteScript.fileName] {
            head += "<script src=\"\(root)\(SiteLayout.assetsPath)/\(script)\" defer></script>\n"
        }
        let site = SiteLayout.sitePath
        return head + """
            </head>
            <body>
            <a class="skip" href="#content">\(Bilingual.text("ข้ามไปยังเนื้อหา", "Skip to content"))</a>
            <header class="site">
            <a class="brand" href="\(root)index.html">\(Bilingual.text(SiteText.portalName))</a>
            <nav aria-label="เมนูหลัก · Main menu"><ul>
            <li><a href="\(root)\(site)/datasets.html">\(Bilingual.text("ชุดข้อมูลทั้งหมด", "All datasets"))</a></li>
            <li><a href="\(root)\(site)/themes.html">\(Bilingual.text("หมวดหมู่", "Themes"))</a></li>
            <li><a href="\(root)\(site)/agencies.html">\(Bilingual.text("หน่วยงาน", "Agencies"))</a></li>
            <li><a href="\(root)\(site)/statistics.html">\(Bilingual.text("สถิติ", "Statistics"))</a></li>
            </ul></nav>
            <div class="lang-switch" role="group" aria-label="ภาษา · Language">
            <button type="button" data-lang-choice="th" lang="th">ไทย</button>
            <button type="button" data-lang-choice="en" lang="en">English</button>
            <button type="button" data-lang-choice="both">ไทย + EN</button>
            </div>
            </header>
            <main id="content">
            \(body)
            </main>
            <footer class="site">
            <p>\(Bilingual.text(SiteText.footer))</p>
            </footer>
            </body>
            </html>

            """
    }
}
