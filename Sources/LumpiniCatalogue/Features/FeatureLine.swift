import Foundation

/// What the feature index needs of one line of a GeoJSON file that Lumpini published: the
/// publish stage writes one feature per line (`{"type":"Feature","id":…,"geometry":…,"properties":…}`,
/// then a comma before the next line), so a line is a feature's complete JSON and its bytes can be
/// served as they are.
struct FeatureLine {
    let line: UnsafeBufferPointer<UInt8>
    /// Where the feature's `id` is, as its JSON text (`12` or `"a/b"`), when it has one.
    let idRange: Range<Int>?
    /// The envelope of the geometry's positions, nil for a null or empty geometry.
    let box: Envelope?
    /// Where the `properties` object starts.
    private let propertiesStart: Int?

    private static let prefix = Array(#"{"type":"Feature","#.utf8)
    private static let idKey = Array(#""id":"#.utf8)
    private static let geometryKey = Array(#""geometry":"#.utf8)
    private static let propertiesKey = Array(#""properties":"#.utf8)

    /// The feature on this line, without the comma that separates it from the next; nil when the line
    /// holds no feature (the collection's first and last lines). The line must outlive the value.
    init?(_ line: UnsafeBufferPointer<UInt8>) {
        guard line.starts(with: Self.prefix) else { return nil }
        self.line = line
        var cursor = Self.prefix.count
        if line[cursor...].starts(with: Self.idKey) {
            cursor += Self.idKey.count
            let start = cursor
            cursor = Self.endOfValue(line, from: cursor)
            idRange = start..<cursor
        } else {
            idRange = nil
        }
        guard let geometry = Self.find(Self.geometryKey, in: line, from: cursor) else { return nil }
        let (box, end) = Self.envelope(line, from: geometry + Self.geometryKey.count)
        self.box = box
        propertiesStart = Self.find(Self.propertiesKey, in: line, from: end).map { $0 + Self.propertiesKey.count }
    }

    /// The feature's `id` as its JSON text.
    var idJSON: UnsafeBufferPointer<UInt8>? { idRange.map { UnsafeBufferPointer(rebasing: line[$0]) } }

    /// Calls `body` with each property whose value is a string, a number or a boolean: its name's
    /// characters, and the text a filter compares with, a string's characters or a number's or
    /// boolean's JSON text (as UTF-8). Nulls, objects and arrays are left out: no filter matches them.
    /// Reads the flat object in place; only a name or string with an escape is decoded into a copy.
    func forEachScalar(_ body: (_ name: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        guard var index = propertiesStart, index < line.count, line[index] == UInt8(ascii: "{") else { return }
        index += 1
        while index < line.count, line[index] == UInt8(ascii: "\"") {
            let nameEnd = Self.endOfValue(line, from: index)
            guard nameEnd < line.count, line[nameEnd] == UInt8(ascii: ":"), nameEnd - index >= 2 else { return }
            let valueStart = nameEnd + 1
            guard valueStart < line.count else { return }
            let valueEnd: Int
            switch line[valueStart] {
            case UInt8(ascii: "\""):
                valueEnd = Self.endOfValue(line, from: valueStart)
                try characters(index..<nameEnd) { name in
                    try characters(valueStart..<valueEnd) { value in try body(name, value) }
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                valueEnd = Self.endOfNested(line, from: valueStart)
            default:
                valueEnd = Self.endOfValue(line, from: valueStart)
                let value = UnsafeBufferPointer(rebasing: line[valueStart..<valueEnd])
                if !value.elementsEqual("null".utf8) {
                    try characters(index..<nameEnd) { name in try body(name, value) }
                }
            }
            guard valueEnd < line.count, line[valueEnd] == UInt8(ascii: ",") else { return }
            index = valueEnd + 1
        }
    }

    /// The text a filter compares the property `name` with, as `forEachScalar` gives it; nil when the
    /// feature has no such property or its value is null, an object or an array.
    func scalar<Result>(named name: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result? {
        var result: Result?
        try forEachScalar { candidate, value in
            if result == nil, candidate.elementsEqual(name) { result = try body(value) }
        }
        return result
    }

    /// Calls `body` with the characters of the JSON string in `range` (quotes included) as UTF-8: the
    /// bytes in place, or JSON's own decoding when the string holds an escape (nothing for a bad one).
    private func characters(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        let inner = UnsafeBufferPointer(rebasing: line[(range.lowerBound + 1)..<(range.upperBound - 1)])
        guard inner.contains(UInt8(ascii: "\\")) else { return try body(inner) }
        guard let decoded = try? JSONSerialization.jsonObject(with: Data(UnsafeBufferPointer(rebasing: line[range])), options: .fragmentsAllowed) as? String
        else { return }
        try Array(decoded.utf8).withUnsafeBufferPointer { try body($0) }
    }

    /// Where the object or array that starts at `start` ends (after its closing bracket).
    private static func endOfNested(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var depth = 0
        var index = start
        while index < line.count {
            switch line[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                index += 1
                if depth == 0 { return index }
            case UInt8(ascii: "\""):
                index = endOfValue(line, from: index)
            default:
                index += 1
            }
        }
        return index
    }

    /// Where a number or a JSON string that starts at `start` ends.
    private static func endOfValue(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if index < line.count, line[index] == UInt8(ascii: "\"") {
            index += 1
            // The next quote (memchr's wide reads), unless a backslash comes first and may escape it.
            while index < line.count {
                let rest = UnsafeRawPointer(line.baseAddress! + index)
                guard let quote = memchr(rest, Int32(UInt8(ascii: "\"")), line.count - index) else { return line.count }
                let end = index + (UnsafeRawPointer(quote) - rest)
                guard memchr(rest, Int32(UInt8(ascii: "\\")), end - index) != nil else { return end + 1 }
                while index < end, line[index] != UInt8(ascii: "\\") { index += 1 }
                if index == end { return end + 1 }
                index += 2
            }
            return line.count
        }
        while index < line.count, line[index] != UInt8(ascii: ","), line[index] != UInt8(ascii: "}") { index += 1 }
        return index
    }

    private static func find(_ needle: [UInt8], in line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard line.count >= needle.count else { return nil }
        var index = start
        while index <= line.count - needle.count {
            if line[index] == needle[0], line[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// The envelope of the positions of the geometry that starts at `start`: the first two numbers of
    /// each innermost array (a third, the height, is left out). The geometry holds no strings but its
    /// type, so every number in it is a coordinate. Also where the geometry ends.
    private static func envelope(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> (Envelope?, Int) {
        var box: Envelope?
        var depth = 0
        var numberInPosition = 0
        var x = 0.0
        var index = start
        while index < line.count {
            let byte = line[index]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                numberInPosition = 0
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                index += 1
                if depth == 0 { return (box, index) }
            case UInt8(ascii: "\""):
                index = endOfValue(line, from: index)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let end = endOfNumber(line, from: index)
                let value = number(UnsafeBufferPointer(rebasing: line[index..<end]))
                if numberInPosition == 0 {
                    x = value
                } else if numberInPosition == 1, !x.isNaN, !value.isNaN {
                    let point = Envelope(minX: x, minY: value, maxX: x, maxY: value)
                    box = box.map { $0.union(point) } ?? point
                }
                numberInPosition += 1
                index = end
            case UInt8(ascii: "n") where depth == 0:
                return (nil, index + 4)
            default:
                index += 1
            }
        }
        return (box, index)
    }

    /// The number in `text`, correctly rounded (`PlainDecimal`, else `strtod` on a terminated copy); NaN
    /// when it is no number.
    private static func number(_ text: UnsafeBufferPointer<UInt8>) -> Double {
        if let value = PlainDecimal.value(text) { return value }
        guard text.count < 64 else { return Double(String(decoding: text, as: UTF8.self)) ?? .nan }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: text.count + 1) { copy in
            for (index, byte) in text.enumerated() { copy[index] = CChar(bitPattern: byte) }
            copy[text.count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(copy.baseAddress!, &end)
            return end == copy.baseAddress! + text.count && text.count > 0 ? value : .nan
        }
    }

    private static func endOfNumber(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < line.count {
            switch line[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                index += 1
            default:
                return index
            }
        }
        return index
    }
}
