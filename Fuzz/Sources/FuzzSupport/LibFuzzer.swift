import CFuzzDriver
import Foundation

/// A fuzz target's entry point: `-sanitize=fuzzer` links libFuzzer, and this hands it the
/// command line and the function that tests one input.
public func runLibFuzzer(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
}

/// The input as a buffer (libFuzzer may pass a null pointer for the empty input).
public func fuzzInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: count == 0 ? nil : start, count: count)
}
