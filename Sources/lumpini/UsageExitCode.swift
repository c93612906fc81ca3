import ArgumentParser
import Foundation

extension LumpiniCommand {
    /// Runs the command line, with usage errors (unknown option, missing argument, a value
    /// `validate()` refuses) exiting with 2 as documented, instead of the parser's 64.
    static func main() async {
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
