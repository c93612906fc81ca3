import LumpiniCommandLine

/// `lumpini`: answers the catalogue's commands itself and hands every other command line to the engine.
///
/// Loading GDAL and the shared libraries it links takes longer than a catalogue query does; a query
/// needs none of them. So this executable links
/// only the catalogue, and `lumpini-engine` (beside it) links everything and holds every command.
@main
enum Launcher {
    static func main() async {
        let arguments = CommandLine.arguments
        if CatalogueCommands.answers(Array(arguments.dropFirst())) {
            await CatalogueCommands.main()
        } else {
            Engine.run(arguments)
        }
    }
}
