import ArgumentParser
import Foundation
import Lumpini
import LumpiniCommandLine

struct Repair: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Put right a public tree that a release refused as inconsistent, without deleting anything published.",
        discussion: """
            A release refuses (exit code 2) a public tree whose bookkeeping it did not leave that way: a `latest`
            that is missing, a folder, or leads outside the dataset; a version or dataset folder that is a
            symbolic link; `.lumpini`, its staging folder or its lock that is a link. `repair` removes such links,
            moves anything else out of place into <public>/.lumpini/set-aside/ (never served), and points each
            dataset's `latest` at its newest version with a readable manifest. Versions are never deleted.
            Then run `lumpini verify`. See docs/reliability.md.
            Example:
              lumpini repair --public /srv/opendata
            Exit codes: 0 repaired or nothing to repair; 2 usage error or the tree locked by a release.
            """
    )

    @Option(help: "The folder holding datasets/ and schemas/ (default: LUMPINI_ROOT, else the current directory).")
    var root: String?

    @Option(name: .customLong("public"), help: "The public tree (default: LUMPINI_PUBLIC, else <root>/public).")
    var publicRoot: String?

    func run() async throws {
        try await reportingFailures {
            let workspace = Workspace(root: root, publicRoot: publicRoot)
            let tree = ReleaseTree(root: workspace.publicRoot)
            let actions = try PublicTreeRepair(tree: tree).run(startedAt: ReleaseRunner.releaseTime(environment: [:]))
            print(actions.isEmpty ? "nothing to repair in \(tree.root.path)" : actions.joined(separator: "\n"))
        }
    }
}
