extension String {
    /// Runs `body` on the string's UTF-8 bytes where they lie: a native string is not copied into a
    /// variable first, as `withUTF8` needs (a retain and a release, per value on the rows' path). A
    /// string without contiguous UTF-8 (bridged from elsewhere) is copied.
    @inlinable
    public func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
