import ArgumentParser
import GDAL
import Lumpini
import LumpiniCommandLine

/// Every command: the one `lumpini` starts for all but the catalogue's queries, which it answers itself.
@main
struct LumpiniCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lumpini",
        abstract: "Turn agency files into clean, validated open data, and keep the catalogue of what was published.",
        discussion: """
            Exit codes: 0 ok; 1 data problems found (invalid rows, failed checks, a failed dataset);
            2 usage or input error (missing file, bad option, malformed dataset.yaml); 3 internal error.
            Set NO_COLOR to turn colour off. Datasets are found under --root (or LUMPINI_ROOT, or the
            current directory): datasets/<id>/dataset.yaml and schemas/.
            """,
        version: "lumpini \(LumpiniVersion.current) (GDAL \(GDALLibrary.version), PROJ \(GDALLibrary.projVersion), GEOS \(GDALLibrary.geosVersion))",
        subcommands: [
            Inspect.self,
            New.self,
            Check.self,
            Cleanse.self,
            Validate.self,
            Publish.self,
            Release.self,
            Verify.self,
            Repair.self,
            Serve.self,
            CatalogueCommand.self,
        ]
    )
}

extension LumpiniCommand {
    static func main() async {
        await runReportingUsageErrors()
    }
}
