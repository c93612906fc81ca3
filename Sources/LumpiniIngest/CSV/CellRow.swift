import Foundation

/// One row of cells as UTF-8 bytes, stored flat so reading a row allocates nothing once the
/// buffers have grown: the cells' bytes one after another, and where each cell ends.
///
/// A cell is either text (possibly empty) or null. CSV cells are never null; records coming
/// from other formats or from cleansing can be.
public struct CellRow: Sendable {
    /// The row number as Frictionless counts it: the header is row 1, the first data row 2.
    public var number: Int = 0
    /// The UTF-8 bytes of every cell, concatenated.
    public private(set) var bytes: [UInt8] = []
    /// The end offset in `bytes` of each cell.
    public private(set) var ends: [Int] = []
    private var nulls: [Bool] = []
    private var anyNull = false

    public init() {
        bytes.reserveCapacity(1024)
        ends.reserveCapacity(32)
        nulls.reserveCapacity(32)
    }

    /// A row holding `values` (nil for null).
    public init(number: Int, values: [String?]) {
        self.init()
        self.number = number
        append(values: values)
    }

    public var count: Int { ends.count }

    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        nulls.removeAll(keepingCapacity: true)
        anyNull = false
    }

    mutating func appendBytes(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
    }

    mutating func appendByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Closes the cell being written.
    mutating func endCell() {
        ends.append(bytes.count)
        nulls.append(false)
    }

    public mutating func append(text: String) {
        text.withUTF8Bytes { bytes.append(contentsOf: $0) }
        endCell()
    }

    /// Appends a cell for each of `values`, null for nil.
    public mutating func append(values: [String?]) {
        for index in values.indices {
            if let value = values[index] { append(text: value) } else { appendNull() }
        }
    }

    public mutating func appendNull() {
        ends.append(bytes.count)
        nulls.append(true)
        anyNull = true
    }

    public func isNull(_ index: Int) -> Bool {
        anyNull && nulls[index]
    }

    /// The byte range of cell `index`.
    @inline(__always)
    public func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// Calls `body` with the bytes of cell `index`.
    @inline(__always)
    public func withCell<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let range = range(index)
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The first cell holding a NUL byte (0x00), or nil; one `memchr` over the row when there is none.
    public func firstCellHoldingNUL() -> Int? {
        let offset: Int? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        guard let offset else { return nil }
        return ends.firstIndex { $0 > offset }
    }

    /// Cell `index` as a string (nil when null).
    public func string(_ index: Int) -> String? {
        bytes.withUnsafeBufferPointer { string(index, in: $0) }
    }

    /// Every cell as a string, nil for null: the bytes are borrowed once for the row, not once a cell.
    public var strings: [String?] {
        bytes.withUnsafeBufferPointer { buffer in (0..<count).map { string($0, in: buffer) } }
    }

    private func string(_ index: Int, in buffer: UnsafeBufferPointer<UInt8>) -> String? {
        isNull(index) ? nil : String(decoding: UnsafeBufferPointer(rebasing: buffer[range(index)]), as: UTF8.self)
    }
}
