import LumpiniCommandLine

/// `lumpini`: answers the catalogue's commands itself and hands every other command line to the engine.
///
/// Loading GDAL and the ~128 shared libraries it links costs 60–130 ms before a command starts; a
/// catalogue query needs none of them and answers in a few milliseconds. So this executable links
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
