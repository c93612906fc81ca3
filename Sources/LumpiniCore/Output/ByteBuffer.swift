/// A growable byte buffer reused row after row, so encoding a record allocates nothing once warm.
///
/// Not `Sendable`: owned by the task writing one dataset.
///
/// Its state is unchecked for exclusive access: other modules append to it for every byte or value
/// written, and the run-time check of each access would cost more than the append.
package final class ByteBuffer {
    @exclusivity(unchecked) @usableFromInline package private(set) var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) @usableFromInline package private(set) var count = 0
    @exclusivity(unchecked) @usableFromInline var capacity: Int

    package init(capacity: Int = 4096) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deallocate()
    }

    @inlinable
    package var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    @inlinable
    package func removeAll() {
        count = 0
    }

    /// Drops everything after the first `newCount` bytes.
    package func truncate(to newCount: Int) {
        count = min(count, newCount)
    }

    /// Space for `needed` more bytes; write there, then `advance(by:)`.
    @inlinable @inline(__always)
    package func reserve(_ needed: Int) -> UnsafeMutablePointer<UInt8> {
        if capacity - count < needed { grow(to: count + needed) }
        return base + count
    }

    @inlinable @inline(__always)
    package func advance(by written: Int) {
        count += written
    }

    @inlinable @inline(__always)
    package func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    @inlinable
    package func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        let target = reserve(bytes.count)
        UnsafeMutableRawPointer(target).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    @inlinable
    package func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(UnsafeRawBufferPointer(bytes))
    }

    @inlinable
    package func append(_ text: StaticString) {
        append(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inlinable
    package func append(_ text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// The bytes from `start` to the end, as text.
    package func string(from start: Int = 0) -> String {
        String(decoding: UnsafeRawBufferPointer(start: base + start, count: count - start), as: UTF8.self)
    }

    @usableFromInline
    func grow(to minimum: Int) {
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}

extension ByteBuffer: ByteOutput {
    package func append(repeating byte: UInt8, count repeats: Int) {
        guard repeats > 0 else { return }
        reserve(repeats).initialize(repeating: byte, count: repeats)
        count += repeats
    }

    package func append(text: String) {
        append(text)
    }

    package func endItem() {}
}
