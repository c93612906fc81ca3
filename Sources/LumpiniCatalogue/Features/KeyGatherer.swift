import Foundation
import GRDB

/// The keys of a file's features, gathered while the feature index's writer reads the file once: the
/// hash of each filterable property's value, the date key of the temporal property's, and the hash of
/// each `id`, each kind in a scratch file of its own; then sorted and written as `KeyArray`s, one at a
/// time, each scratch file sorting its records in runs of bounded memory.
final class KeyGatherer {
    private struct Property {
        var name: [UInt8]
        var equal: ScratchFile<KeyArray.Record>
        var temporal: ScratchFile<KeyArray.Record>?
        var position: Int
    }

    private let properties: [Property]
    private let ids: ScratchFile<KeyArray.Record>
    /// Whether every `id` the file gives is its feature's number: then a feature is found by its number
    /// and the ids need no keys. Until one is not, the ids' keys are not gathered: those of the features
    /// before it are made from their numbers then, as they would have been from their ids.
    private var idsAreNumbers = true
    /// The features before the current one that have an `id`, while every id is the feature's number:
    /// runs of numbers, one when every feature has an id.
    private var numberedIDs: [ClosedRange<UInt32>] = []
    /// How many bits of the hashes the keys keep: all but in tests.
    private let keyBits: Int

    init(fields: [FeatureFields.Field], scratch: URL, options: FeatureIndex.BuildOptions) throws {
        keyBits = options.keyBits
        let temporal = fields.firstIndex { FeatureIndex.Property.isTemporal($0.type) }
        properties = try fields.enumerated().map { position, field in
            Property(
                name: Array(field.name.utf8), equal: try ScratchFile(url: scratch.appendingPathExtension("equal\(position)"), runBytes: options.sortBytes),
                temporal: position == temporal ? try ScratchFile(url: scratch.appendingPathExtension("temporal"), runBytes: options.sortBytes) : nil, position: position)
        }
        ids = try ScratchFile(url: scratch.appendingPathExtension("ids"), runBytes: options.sortBytes)
    }

    func add(_ feature: FeatureLine, number: UInt32) throws {
        if let id = feature.idJSON {
            if idsAreNumbers, Self.isDecimal(id, of: number) {
                if let last = numberedIDs.last, last.upperBound + 1 == number {
                    numberedIDs[numberedIDs.count - 1] = last.lowerBound...number
                } else {
                    numberedIDs.append(number...number)
                }
            } else {
                if idsAreNumbers { try gatherNumberedIDs() }
                try ids.append(record(id, number))
            }
        }
        try feature.forEachScalar { name, value in
            guard let property = properties.first(where: { Self.equal($0.name, name) }) else { return }
            let equal = record(value, number)
            try property.equal.append(equal)
            if let temporal = property.temporal, let key = FeatureKey.temporal(value) {
                try temporal.append(KeyArray.Record(key: key.key, number: number, check: equal.check))
            }
        }
    }

    /// The keys of the ids before the first that is not its feature's number.
    private func gatherNumberedIDs() throws {
        idsAreNumbers = false
        for number in numberedIDs.joined() {
            var text = String(number)
            try text.withUTF8 { try ids.append(record($0, number)) }
        }
        numberedIDs = []
    }

    /// Whether `text` is `number` written in decimal (as `String(number)` writes it).
    private static func isDecimal(_ text: UnsafeBufferPointer<UInt8>, of number: UInt32) -> Bool {
        var rest = number
        var index = text.count
        repeat {
            guard index > 0, text[index - 1] == UInt8(ascii: "0") + UInt8(rest % 10) else { return false }
            index -= 1
            rest /= 10
        } while rest > 0
        return index == 0
    }

    private static func equal(_ name: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard name.count == bytes.count, !bytes.isEmpty else { return name.count == bytes.count }
        return name.withUnsafeBytes { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
    }

    private func record(_ text: UnsafeBufferPointer<UInt8>, _ number: UInt32) -> KeyArray.Record {
        let hashes = FeatureKey.hashes(UnsafeRawBufferPointer(text), seeds: SIMD2(FeatureKey.keySeed, FeatureKey.checkSeed))
        return KeyArray.Record(key: KeyArray.key(hash: hashes[0], bits: keyBits), number: number, check: UInt32(truncatingIfNeeded: hashes[1]))
    }

    /// Sorts and writes each array.
    func finish(_ db: Database) throws {
        if !idsAreNumbers { try write(ids, name: FeatureIndex.idArray, keyBits: keyBits, db) }
        for property in properties {
            try write(property.equal, name: FeatureIndex.equalArray(property.position), keyBits: keyBits, db)
            if let temporal = property.temporal { try write(temporal, name: FeatureIndex.temporalArray(property.position), keyBits: 64, db) }
        }
    }

    private func write(_ scratch: ScratchFile<KeyArray.Record>, name: String, keyBits: Int, _ db: Database) throws {
        try KeyArray.write(scratch, name: name, keyBits: keyBits, db: db)
    }
}
