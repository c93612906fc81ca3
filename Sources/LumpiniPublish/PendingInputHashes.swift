import Dispatch
import Synchronization

/// A version's input hashes (`InputHashes`), ready or being computed on a thread of their own. A
/// release that cannot be skipped (the dataset's first, or a forced one) needs them only for the
/// manifest written last: hashing a large source there, while the version is built, instead of
/// before it, takes the hash's time off the release on a machine with a core to spare.
final class PendingInputHashes: Sendable {
    private let result = Mutex<Result<InputHashes, any Error>?>(nil)
    private let computed = DispatchSemaphore(value: 0)

    init(_ ready: InputHashes) {
        result.withLock { $0 = .success(ready) }
        computed.signal()
    }

    /// Starts `compute` on a thread of its own.
    init(computing compute: @escaping @Sendable () throws -> InputHashes) {
        DispatchQueue.global().async { [self] in
            let hashes = Result { try compute() }
            result.withLock { $0 = hashes }
            computed.signal()
        }
    }

    /// The hashes, once computed; rethrows what computing them threw (a source that cannot be read).
    func value() throws -> InputHashes {
        computed.wait()
        defer { computed.signal() }
        return try result.withLock { $0! }.get()
    }
}
