/// What the feature index needs of one line of a GeoJSON file that Lumpini published: the
/// publish stage writes one feature per line (`{"type":"Feature","id":…,"geometry":…,"properties":…}`,
/// then a comma before the next line), so a line is a feature's complete JSON and its bytes can be
/// served as they are.
struct FeatureLine {
    /// The feature's `id` as its JSON text (`12` or `"a/b"`), when it has one.
    var idJSON: [UInt8]?
    /// The envelope of the geometry's positions, nil for a null or empty geometry.
    var box: Envelope?

    private static let prefix = Array(#"{"type":"Feature","#.utf8)
    private static let idKey = Array(#""id":"#.utf8)
    private static let geometryKey = Array(#""geometry":"#.utf8)

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
        box = Self.envelope(line, from: geometry + Self.geometryKey.count)
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
    /// type, so every number in it is a coordinate.
    private static func envelope(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Envelope? {
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
                if depth == 0 { return box }
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
                return nil
            default:
                index += 1
            }
        }
        return box
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
