/// A growable byte buffer reused row after row, so encoding a record allocates nothing once warm.
///
/// Not `Sendable`: owned by the task writing one dataset.
///
/// Its state is unchecked for exclusive access: other modules append to it for every byte or value
/// written, and the run-time check of each access would cost more than the append. Public, not
/// `package`: the compiler inlines a public `@inlinable` method into other modules, and a package
/// one it calls (with a retain and a release of the buffer around every append).
public final class ByteBuffer {
    @exclusivity(unchecked) @usableFromInline var start: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) @usableFromInline var used = 0
    @exclusivity(unchecked) @usableFromInline var capacity: Int

    public init(capacity: Int) {
        self.capacity = capacity
        start = .allocate(capacity: capacity)
    }

    // Overloads rather than default arguments: the generator of a public method's default argument
    // was not found at link time by the other modules.
    public convenience init() {
        self.init(capacity: 4096)
    }

    deinit {
        start.deallocate()
    }

    /// Where the bytes start (valid until the next append).
    @inlinable
    public var base: UnsafeMutablePointer<UInt8> { start }

    @inlinable
    public var count: Int { used }

    @inlinable
    public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: start, count: used) }

    @inlinable
    public func removeAll() {
        used = 0
    }

    /// Drops everything after the first `newCount` bytes.
    public func truncate(to newCount: Int) {
        used = min(used, newCount)
    }

    /// Space for `needed` more bytes; write there, then `advance(by:)`.
    @inlinable @inline(__always)
    public func reserve(_ needed: Int) -> UnsafeMutablePointer<UInt8> {
        if capacity - used < needed { grow(to: used + needed) }
        return start + used
    }

    @inlinable @inline(__always)
    public func advance(by written: Int) {
        used += written
    }

    @inlinable @inline(__always)
    public func append(_ byte: UInt8) {
        if used == capacity { grow(to: used + 1) }
        start[used] = byte
        used += 1
    }

    @inlinable @inline(__always)
    public func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        let target = reserve(bytes.count)
        UnsafeMutableRawPointer(target).copyMemory(from: source, byteCount: bytes.count)
        used += bytes.count
    }

    @inlinable
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(UnsafeRawBufferPointer(bytes))
    }

    @inlinable
    public func append(_ text: StaticString) {
        append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inlinable @inline(__always)
    public func append(_ text: String) {
        text.withUTF8Bytes { append(UnsafeRawBufferPointer($0)) }
    }

    /// The bytes as text.
    public func string() -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    @usableFromInline
    func grow(to minimum: Int) {
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: start, count: used)
        start.deallocate()
        start = newBase
        capacity = newCapacity
    }
}

extension ByteBuffer: ByteOutput {
    public func append(repeating byte: UInt8, count repeats: Int) {
        guard repeats > 0 else { return }
        reserve(repeats).initialize(repeating: byte, count: repeats)
        used += repeats
    }

    public func append(text: String) {
        append(text)
    }

    public func endItem() {}
}
