import ArgumentParser
import Lumpini

/// `--root DIR`: where `datasets/` and `schemas/` are (else LUMPINI_ROOT, else the current directory).
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder holding datasets/ and schemas/ (default: LUMPINI_ROOT, else the current directory).", valueName: "dir"))
    var root: String?

    var workspace: Workspace { Workspace(root: root) }
}
