import ArgumentParser
import Foundation
import Lumpini
import LumpiniCommandLine
import LumpiniDatabase
import LumpiniSite

/// Options shared by `release` and `publish`.
struct ReleaseArguments: ParsableArguments {
    @Option(help: "The folder holding datasets/ and schemas/ (default: LUMPINI_ROOT, else the current directory).")
    var root: String?

    @Option(name: .customLong("public"), help: "The public tree to release into (default: LUMPINI_PUBLIC, else <root>/public).")
    var publicRoot: String?

    @Flag(help: "Rebuild even when the inputs are unchanged since the latest version.")
    var force = false

    @Flag(help: "Build and check everything, publish nothing.")
    var dryRun = false

    @Flag(help: "Print the summary as JSON on stdout (progress goes to stderr).")
    var json = false

    @Option(help: "Datasets built at once (default: the number of cores).")
    var jobs: Int?

    @Option(help: ArgumentHelp(
        "Also load each newly published version into this PostgreSQL/PostGIS database (default: LUMPINI_DATABASE_URL).",
        discussion: "A postgresql:// URL or libpq key/value string; ~/.pgpass, PG* variables and sslmode work as in psql. See docs/database.md.",
        valueName: "url"
    ))
    var database: String?

    @Option(help: "The database schema holding the tables, views and catalogue (with --database).")
    var databaseSchema = "opendata"

    @Flag(help: "Do not rebuild the public website after publishing (see `lumpini site`).")
    var noSite = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// The database to load into: `--database`, else `LUMPINI_DATABASE_URL`; nil for none.
    func databaseRelease(tree: ReleaseTree) throws -> DatabaseRelease? {
        let given = database ?? ProcessInfo.processInfo.environment["LUMPINI_DATABASE_URL"]
        guard let given, !given.isEmpty else { return nil }
        return try DatabaseRelease(url: DatabaseURL(given), schema: databaseSchema, tree: tree, baseURL: CatalogueExportSettings().baseURL)
    }

    /// Runs the release of `ids` (all datasets when nil), prints progress and the summary, exits 0 or 1.
    func release(_ ids: [String]?) async throws {
        try await reportingFailures {
            let workspace = Workspace(root: root, publicRoot: publicRoot)
            let runner = ReleaseRunner(
                workspace: workspace, pipeline: CleanseValidatePipeline(),
                options: ReleaseOptions(force: force, dryRun: dryRun, parallelism: jobs ?? ProcessInfo.processInfo.activeProcessorCount),
                // The feature index that the catalogue update would write from each new GeoJSON, written while it is.
                geoJSONFollowing: FeatureIndexFollowing(catalogue: Catalogue.defaultFile(publicRoot: workspace.publicRoot))
            )
            let databaseRelease = try databaseRelease(tree: runner.tree)
            let total = try ids?.count ?? workspace.datasetIDs().count
            let progress = ReleaseProgress(total: total, linesToStderr: json)
            var summary = try await runner.run(ids: ids) { progress.handle($0) }
            progress.finish()
            summary.catalogueIndex = summary.dryRun ? .untouched : updateCatalogue(after: summary, workspace: workspace)
            if let databaseRelease, !summary.dryRun {
                summary.database = databaseRelease.run(ids: ids)
            }
            // A release that published nothing leaves the pages as they are (a no-op release stays cheap),
            // unless the site was never built.
            if summary.catalogueIndex == .updated && !noSite && (!summary.published.isEmpty || !SiteBuilder.exists(publicRoot: workspace.publicRoot)) {
                rebuildSite(workspace)
            }
            if json {
                print(try JSONOutput.string(summary), terminator: "")
            } else {
                print(ReleaseProgress.render(summary))
            }
            if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
        }
    }
}

/// Records the release in the catalogue index. The public tree is already complete and is the source
/// of truth, so a failure here (a full disk, say) is reported and does not undo the release.
private func updateCatalogue(after summary: ReleaseSummary, workspace: Workspace) -> ReleaseSummary.CatalogueIndexState {
    do {
        let file = Catalogue.defaultFile(publicRoot: workspace.publicRoot)
        try Catalogue.open(at: file, publicRoot: workspace.publicRoot, create: true).update(after: summary, workspace: workspace)
        return .updated
    } catch {
        Terminal.error("the catalogue index is stale: \(error) — the release itself is complete and public; run `lumpini catalog build` once the problem is fixed")
        return .stale
    }
}

/// Rebuilds the pages of the public site whose inputs changed. The release is complete whatever happens
/// here, so a failure is reported and leaves the exit code as it is.
private func rebuildSite(_ workspace: Workspace) {
    do {
        let settings = SiteBuilder.rememberedSettings(publicRoot: workspace.publicRoot)
        _ = try SiteBuilder(publicRoot: workspace.publicRoot, vocabularies: try? Vocabularies.load(from: workspace), settings: settings).build()
    } catch {
        Terminal.error("the public website was not rebuilt: \(error) — the release itself is complete; run `lumpini site` once the problem is fixed")
    }
}

struct Release: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Release every dataset (or those named) into the public tree: only what changed, atomically, in parallel.",
        discussion: """
            A dataset whose inputs (sources, dataset.yaml, schema, vocabularies, Lumpini version) hash to what
            its latest release recorded is skipped. A derived dataset (derive: in dataset.yaml) is built after
            the datasets of the same release it derives from, from their latest published versions, which
            count among its inputs; it fails when one of them failed, and datasets deriving from each other
            in a cycle fail with the cycle named. Only datasets approved by the governance committee and
            classified public are published; the others are built as a dry run and listed as awaiting approval.
            A lock keeps two releases off the same public tree. See docs/publishing.md.
            Examples:
              lumpini release
              lumpini release pm25-readings-sample --force
              lumpini release --json --public /srv/opendata
            Exit codes: 0 every dataset published, unchanged or awaiting approval; 1 a dataset failed;
            2 usage error, unknown dataset, the public tree locked by another release, inside datasets/ or
            .lumpini/, or left inconsistent (see `lumpini repair`); 4 the release succeeded but the catalogue
            index could not be updated (stale: run `lumpini catalog build`).
            With --database (or LUMPINI_DATABASE_URL), each dataset's latest version is then loaded into its own
            table in PostGIS and the dataset's view switched to it in one transaction (docs/database.md); a dataset
            whose load fails keeps its view as it was and makes the exit code 1.
            --json prints {publicRoot, dryRun, catalogueIndex (updated, stale, untouched), published[], unchanged[],
            awaitingApproval[], wouldPublish[], failed[], database (with --database: {database, schema, loaded[],
            unchanged[], failed[]}, each with id, version, view, table, rows, reason, code)},
            each entry with id and, where they apply, version, reason, code, rowsIn, rowsPublished, rowsQuarantined, path.
            """
    )

    @Argument(help: "Dataset ids (default: every dataset under datasets/).")
    var ids: [String] = []

    @OptionGroup var options: ReleaseArguments

    func run() async throws {
        try await options.release(ids.isEmpty ? nil : ids)
    }
}

/// Live progress on a terminal, one line per finished dataset otherwise.
final class ReleaseProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let linesToStderr: Bool
    private let live = Terminal.stderrIsTerminal
    private var done = 0
    private var rows: [String: Int] = [:]

    init(total: Int, linesToStderr: Bool) {
        self.total = total
        self.linesToStderr = linesToStderr
    }

    func handle(_ event: ReleaseEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .started(let id):
            rows[id] = 0
        case .rows(let id, let count):
            rows[id] = count
        case .finished(let outcome):
            rows[outcome.id] = nil
            done += 1
            if live { clearLine() }
            emit(Self.line(for: outcome))
        }
        if live { drawBar() }
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if live { clearLine() }
    }

    private func emit(_ line: String) {
        if linesToStderr || live {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        } else {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }

    private func clearLine() {
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }

    private func drawBar() {
        let width = 24
        let filled = total == 0 ? width : width * done / total
        let current = rows.sorted { $0.key < $1.key }.first
        var text = "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] \(done)/\(total)"
        if let current { text += " · \(current.key) · \(current.value) rows" }
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
    }

    static func line(for outcome: DatasetOutcome) -> String {
        let version = outcome.version.map { " v\($0)" } ?? ""
        let rows = outcome.rowsPublished.map { " (\($0) rows published, \(outcome.rowsQuarantined ?? 0) quarantined)" } ?? ""
        let ready = outcome.rowsPublished.map { " (\($0) rows ready, \(outcome.rowsQuarantined ?? 0) quarantined)" } ?? ""
        switch outcome.status {
        case .published: return Terminal.styled("published", .green) + " \(outcome.id)\(version)\(rows)"
        case .unchanged: return Terminal.styled("unchanged", .dim) + " \(outcome.id)\(version)"
        case .wouldPublish: return "would publish \(outcome.id)\(version)\(ready)" + (outcome.reason.map { ": \($0.printable)" } ?? "")
        case .awaitingApproval: return Terminal.styled("awaiting approval", .yellow) + " \(outcome.id)\(ready): \((outcome.reason ?? "").printable)"
        case .failed: return Terminal.styled("FAILED", .red) + " \(outcome.id): \((outcome.reason ?? "").printable)"
        }
    }

    static func render(_ summary: ReleaseSummary) -> String {
        var lines = [Terminal.styled(summary.dryRun ? "Dry run on \(summary.publicRoot)" : "Released to \(summary.publicRoot)", .bold)]
        func row<Outcome>(_ label: String, _ outcomes: [Outcome], detail: (Outcome) -> String) {
            guard !outcomes.isEmpty else { return }
            lines.append("  \(label.padding(toLength: 18, withPad: " ", startingAt: 0))\(outcomes.count)")
            for outcome in outcomes.prefix(20) { lines.append("      \(detail(outcome))") }
            if outcomes.count > 20 { lines.append("      … and \(outcomes.count - 20) more") }
        }
        row("published", summary.published) { "\($0.id) v\($0.version ?? 0) → \(($0.path ?? "").printable)" }
        row("would publish", summary.wouldPublish) { "\($0.id) as v\($0.version ?? 0)" + ($0.reason.map { " (\($0.printable))" } ?? "") }
        if !summary.unchanged.isEmpty { lines.append("  \("unchanged".padding(toLength: 18, withPad: " ", startingAt: 0))\(summary.unchanged.count)") }
        row("awaiting approval", summary.awaitingApproval) { "\($0.id): \(($0.reason ?? "").printable)" }
        row("failed", summary.failed) { "\($0.id): \(($0.reason ?? "").printable)" }
        if let database = summary.database {
            lines.append("  " + Terminal.styled("Database \(database.database.printable), schema \(database.schema)", .bold))
            row("loaded", database.loaded) { "\($0.view ?? $0.id) → \($0.table ?? "") (\($0.rows ?? 0) rows)" }
            if !database.unchanged.isEmpty { lines.append("  \("unchanged".padding(toLength: 18, withPad: " ", startingAt: 0))\(database.unchanged.count)") }
            row("failed", database.failed) { "\($0.id): \(($0.reason ?? "").printable)" }
        }
        if summary.catalogueIndex == .stale {
            lines.append("  " + Terminal.styled("catalogue index   stale: run `lumpini catalog build`", .yellow))
        }
        return lines.joined(separator: "\n")
    }
}
