import ArgumentParser
import LumpiniCommandLine

/// The part of the command tree `lumpini` answers without the engine: `lumpini catalog <command> …`,
/// with the same command types, options, output and exit codes as the engine's full tree.
struct CatalogueCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lumpini", subcommands: [CatalogueCommand.self])

    /// Help, version and the parser's own options: the engine answers them, so help lists `--version` and every
    /// command, and the version names GDAL's, exactly as always.
    static let engineArguments: Set<String> = [
        "--help", "-h", "-help", "--version", "--generate-completion-script", "--experimental-dump-help",
    ]

    /// Whether `arguments` (without the program name) are for the catalogue: `catalog`, then one of its
    /// commands. Anything else (other commands, `catalog` alone or with `--help`, `help …`) goes to the engine,
    /// whose help lists every command.
    static func answers(_ arguments: [String]) -> Bool {
        guard arguments.count >= 2, arguments[0] == CatalogueCommand.configuration.commandName else { return false }
        let commands = CatalogueCommand.configuration.subcommands.compactMap { $0.configuration.commandName }
        return commands.contains(arguments[1]) && engineArguments.isDisjoint(with: arguments)
    }

    static func main() async {
        await runReportingUsageErrors()
    }
}
