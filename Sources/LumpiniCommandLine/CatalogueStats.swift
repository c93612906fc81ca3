import ArgumentParser
import Foundation
import LumpiniCatalogue

struct CatalogueStats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Counts by theme, publisher and format; progress toward the high-value target; stale datasets; metadata quality.",
        discussion: """
            High-value progress counts datasets in the public tree (published), and those a release recorded but did not
            publish: approved by the governance committee but not published, and awaiting approval.
            --csv prints one row per figure: section, key, count.
            """)

    @OptionGroup var location: CatalogueLocation
    @Option(help: "The number of high-value datasets the city aims to publish.") var target = 800
    @OptionGroup var output: CatalogueOutputFormat

    func run() async throws {
        try await reportingFailures {
            let stats = try location.open().statistics(highValueTarget: target)
            if output.json {
                FileHandle.standardOutput.write(try JSONOutput.data(stats))
            } else if output.csv {
                print(CatalogueCSV.render(headers: ["section", "key", "count"], rows: rows(stats)), terminator: "")
            } else {
                print(describe(stats), terminator: "")
            }
        }
    }

    private func rows(_ stats: CatalogueStatistics) -> [[String]] {
        let progress = stats.highValue
        var rows: [[String]] = [
            ["total", "datasets", String(stats.datasets)], ["total", "versions", String(stats.versions)],
            ["high-value", "target", String(progress.target)], ["high-value", "published", String(progress.published)],
            ["high-value", "approved-not-published", String(progress.approvedNotPublished)],
            ["high-value", "awaiting-approval", String(progress.awaitingApproval)],
            ["stale", "datasets", String(stats.staleCount)],
        ]
        let sections: [(String, [CatalogueStatistics.Count])] = [
            ("theme", stats.byTheme), ("publisher", stats.byPublisher), ("format", stats.byFormat),
            ("classification", stats.byClassification), ("high-value-category", progress.byCategory),
            ("quality", stats.quality.byRating), ("unpublished", stats.unpublished),
        ]
        for (section, counts) in sections { rows += counts.map { [section, $0.key, String($0.count)] } }
        return rows
    }

    private func describe(_ stats: CatalogueStatistics) -> String {
        let progress = stats.highValue
        var text = Terminal.styled("\(stats.datasets) datasets published (\(stats.versions) versions)", .bold) + "\n\n"
        text += Terminal.styled("High-value datasets: \(progress.published) of \(progress.target) published (\(progress.percentPublished)%)", .bold) + "\n"
        text += "  approved, not published: \(progress.approvedNotPublished)\n"
        text += "  awaiting approval:       \(progress.awaitingApproval)\n"
        text += "  still to find:           \(max(0, progress.target - progress.published - progress.approvedNotPublished - progress.awaitingApproval))\n"
        for count in progress.byCategory { text += "  \(count.key.printable): \(count.count)\n" }
        let quality = stats.quality
        text += "\n" + Terminal.styled("Metadata quality (average \(quality.averagePoints) of \(quality.maximumPoints))", .bold) + "\n"
        text += quality.byRating.map { "  \($0.key): \($0.count)" }.joined(separator: "\n") + "\n"
        text += "\n" + Terminal.styled("Stale: \(stats.staleCount) past their update frequency", .bold) + "\n"
        if !stats.stale.isEmpty {
            let table = TextTable(
                headers: ["ID", "PUBLISHER", "FREQUENCY", "RELEASED", "STALE SINCE"],
                rows: stats.stale.prefix(20).map { [$0.id, $0.publisher, $0.updateFrequency, $0.releasedAt, $0.staleAt] })
            text += table.render()
            if stats.staleCount > 20 { text += "  … and \(stats.staleCount - 20) more (`lumpini catalog list --stale`)\n" }
        }
        for (title, counts) in [("By theme", stats.byTheme), ("By publisher", stats.byPublisher), ("By format", stats.byFormat),
                                ("By classification", stats.byClassification), ("Not published", stats.unpublished)] where !counts.isEmpty {
            text += "\n" + Terminal.styled(title, .bold) + "\n"
            let table = TextTable(headers: ["", "DATASETS"], rows: counts.map { [$0.key, String($0.count)] })
            text += table.render()
        }
        return text
    }
}
