import ArgumentParser
import Foundation

extension AsyncParsableCommand {
    /// Runs the command line with this command as its root, with usage errors (unknown option, missing
    /// argument, a value `validate()` refuses) exiting with 2 as documented, instead of the parser's 64.
    /// A root command calls it from its `static func main()`.
    public static func runReportingUsageErrors() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
