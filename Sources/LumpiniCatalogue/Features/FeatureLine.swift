import Foundation

/// What the feature index needs of one line of a GeoJSON file that Lumpini published: the
/// publish stage writes one feature per line (`{"type":"Feature","id":…,"geometry":…,"properties":…}`,
/// then a comma before the next line), so a line is a feature's complete JSON and its bytes can be
/// served as they are.
struct FeatureLine {
    /// The feature's `id` as its JSON text (`12` or `"a/b"`), when it has one.
    var idJSON: [UInt8]?
    /// The envelope of the geometry's positions, nil for a null or empty geometry.
    var box: Envelope?
    /// The properties whose values are a string, a number or a boolean, each as the text a filter
    /// compares with: a string's characters, a number's or boolean's JSON text. Nulls, objects and
    /// arrays are left out: no filter matches them.
    var properties: [(name: String, value: String)] = []

    private static let prefix = Array(#"{"type":"Feature","#.utf8)
    private static let idKey = Array(#""id":"#.utf8)
    private static let geometryKey = Array(#""geometry":"#.utf8)
    private static let propertiesKey = Array(#""properties":"#.utf8)

    /// The feature on this line, without the comma that separates it from the next; nil when the line
    /// holds no feature (the collection's first and last lines).
    init?(_ line: UnsafeBufferPointer<UInt8>) {
        guard line.starts(with: Self.prefix) else { return nil }
        var cursor = Self.prefix.count
        if line[cursor...].starts(with: Self.idKey) {
            cursor += Self.idKey.count
            let start = cursor
            cursor = Self.endOfValue(line, from: cursor)
            idJSON = Array(line[start..<cursor])
        }
        guard let geometry = Self.find(Self.geometryKey, in: line, from: cursor) else { return nil }
        let (box, end) = Self.envelope(line, from: geometry + Self.geometryKey.count)
        self.box = box
        if let start = Self.find(Self.propertiesKey, in: line, from: end) {
            properties = Self.scalars(line, from: start + Self.propertiesKey.count)
        }
    }

    /// The string, number and boolean members of the flat object that starts at `start`.
    private static func scalars(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> [(name: String, value: String)] {
        var members: [(name: String, value: String)] = []
        guard start < line.count, line[start] == UInt8(ascii: "{") else { return members }
        var index = start + 1
        while index < line.count, line[index] == UInt8(ascii: "\"") {
            let nameEnd = endOfValue(line, from: index)
            guard let name = string(line, index..<nameEnd), nameEnd < line.count, line[nameEnd] == UInt8(ascii: ":") else { return members }
            let valueStart = nameEnd + 1
            guard valueStart < line.count else { return members }
            let valueEnd: Int
            switch line[valueStart] {
            case UInt8(ascii: "\""):
                valueEnd = endOfValue(line, from: valueStart)
                if let value = string(line, valueStart..<valueEnd) { members.append((name, value)) }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                valueEnd = endOfNested(line, from: valueStart)
            default:
                valueEnd = endOfValue(line, from: valueStart)
                let text = String(decoding: UnsafeBufferPointer(rebasing: line[valueStart..<valueEnd]), as: UTF8.self)
                if text != "null" { members.append((name, text)) }
            }
            guard valueEnd < line.count, line[valueEnd] == UInt8(ascii: ",") else { return members }
            index = valueEnd + 1
        }
        return members
    }

    /// The characters of the JSON string in `range` (quotes included); JSON's own decoder when it holds an escape.
    private static func string(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        guard range.count >= 2 else { return nil }
        let inner = UnsafeBufferPointer(rebasing: line[(range.lowerBound + 1)..<(range.upperBound - 1)])
        guard inner.contains(UInt8(ascii: "\\")) else { return String(decoding: inner, as: UTF8.self) }
        return try? JSONSerialization.jsonObject(with: Data(UnsafeBufferPointer(rebasing: line[range])), options: .fragmentsAllowed) as? String
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
            while index < line.count, line[index] != UInt8(ascii: "\"") {
                index += line[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            return min(index + 1, line.count)
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
                let value = Double(String(decoding: UnsafeBufferPointer(rebasing: line[index..<end]), as: UTF8.self)) ?? .nan
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
