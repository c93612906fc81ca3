import Foundation
import GRDB

extension FeatureIndex {
    /// The features that pass `filter`, from the `offset`-th on, at most `limit`, in an order that is the
    /// same on every call: the file's, or with a box the R-tree's; with a property or `datetime` filter
    /// alone, the order of the keys of the filter that finds fewest features (for an equality, the
    /// file's; for `datetime`, by date, then the file's).
    ///
    /// Equality filters compare text: a string's characters, a number's or boolean's JSON text. A
    /// `datetime` interval includes its bounds, and a bound given in part takes in what it begins: an end
    /// of `2024-01-05` takes the whole day, `2024-01` the whole month; nil is an open end.
    public func features(matching filter: FeatureFilter, offset: Int, limit: Int) throws -> [Location] {
        try features(matching: filter, offset: offset, limit: limit, membersHeld: 1 << 20)
    }

    /// The same, holding at most `membersHeld` of the features a filter finds (4 bytes each) to check a
    /// box's candidates against; with more, each candidate is checked against its line.
    func features(matching filter: FeatureFilter, offset: Int, limit: Int, membersHeld: Int) throws -> [Location] {
        guard limit > 0 else { return [] }
        return try database.read { db in
            let pages = try BlobPages(db)
            guard let conditions = try lookUp(filter, pages) else { return [] }
            let page = Page(index: self, pages: pages, conditions: conditions, offset: offset, limit: limit)
            guard let driver = conditions.min(by: { $0.candidates.count < $1.candidates.count }) else {
                guard let box = filter.box else {
                    guard offset < count else { return [] }
                    return try (Int64(offset + 1)...Int64(min(count, offset + limit))).map { try location($0, pages) }
                }
                return try PackedRTree.numbers(intersecting: box, offset: offset, limit: limit, in: db).map { try location($0, pages) }
            }
            // One exact key is the whole condition: what it finds is skipped without reading the lines.
            let certain = conditions.count == 1 && driver.keys.exact
            guard let box = filter.box else {
                var position = driver.candidates.lowerBound
                if certain {
                    page.skipped = min(offset, driver.candidates.count)
                    position += page.skipped
                }
                while position < driver.candidates.upperBound, try page.offer(try driver.keys.number(at: position, pages), certain: certain) {
                    position += 1
                }
                return page.found
            }
            // The box's candidates in the tree's order, checked against the features the filter finds when
            // they are few enough to hold, else against their lines.
            var members: [UInt32]?
            if driver.candidates.count <= membersHeld {
                members = try driver.candidates.map { UInt32(try driver.keys.number(at: $0, pages)) }.sorted()
            }
            try PackedRTree.forEach(intersecting: box, in: db) { number in
                if let members, !members.containsSorted(UInt32(number)) { return true }
                return try page.offer(number, certain: certain && members != nil)
            }
            return page.found
        }
    }

    /// The feature whose `id` is this JSON text, or whose number it is when the file gives it no id (or
    /// every id the file gives is its feature's number).
    public func feature(idJSON: String) throws -> Location? {
        try database.read { db in
            let pages = try BlobPages(db)
            let ids = KeyArray(Self.idArray, in: arrays)
            if let ids {
                let key = ids.key(hash: FeatureKey.hash(idJSON, seed: FeatureKey.keySeed))
                for position in try ids.positions(key...key, pages) {
                    let location = try location(try ids.number(at: position, pages), pages)
                    if try lines.withFeature(location, { $0.idJSON?.elementsEqual(idJSON.utf8) ?? false }) == true { return location }
                }
            }
            guard let number = Int64(idJSON), String(number) == idJSON, number >= 1, number <= count else { return nil }
            let location = try location(number, pages)
            return ids == nil || !location.hasID ? location : nil
        }
    }

    /// The conditions of the filter's properties and interval with what the index finds for each; nil
    /// when one of them can match nothing (a property the index does not hold, a bound that is no date).
    private func lookUp(_ filter: FeatureFilter, _ pages: BlobPages) throws -> [Condition]? {
        var conditions: [Condition] = []
        for (name, value) in filter.equals {
            guard let property = properties.first(where: { $0.name == name }),
                let keys = KeyArray(Self.equalArray(property.position), in: arrays)
            else { return nil }
            let key = keys.key(hash: FeatureKey.hash(value, seed: FeatureKey.keySeed))
            conditions.append(Condition(test: .equals(name: Array(name.utf8), value: Array(value.utf8)), keys: keys, candidates: try keys.positions(key...key, pages)))
        }
        if let interval = filter.interval {
            guard let property = temporalProperty, let keys = KeyArray(Self.temporalArray(property.position), in: arrays) else { return nil }
            func key(_ text: String?) -> (key: UInt64, step: UInt64)? {
                guard var text else { return nil }
                return text.withUTF8 { FeatureKey.temporal($0) }
            }
            let start = key(interval.start), end = key(interval.end)
            guard (interval.start == nil || start != nil), (interval.end == nil || end != nil) else { return nil }
            let low = start?.key ?? 0
            let high = end.map { $0.key + $0.step - 1 } ?? .max
            guard low <= high else { return nil }
            conditions.append(Condition(test: .during(name: Array(property.name.utf8), keys: low...high), keys: keys, candidates: try keys.positions(low...high, pages)))
        }
        return conditions
    }

    /// One condition of a filter and the features the index finds for it.
    struct Condition {
        enum Test {
            case equals(name: [UInt8], value: [UInt8])
            case during(name: [UInt8], keys: ClosedRange<UInt64>)
        }

        var test: Test
        var keys: KeyArray
        /// The positions in `keys` of the features it finds: those that pass, and perhaps a few whose
        /// value shares a key with the one asked for.
        var candidates: Range<Int>

        func passes(_ feature: FeatureLine) -> Bool {
            switch test {
            case .equals(let name, let value):
                return feature.scalar(named: name) { $0.elementsEqual(value) } ?? false
            case .during(let name, let keys):
                return feature.scalar(named: name) { FeatureKey.temporal($0).map { keys.contains($0.key) } ?? false } ?? false
            }
        }
    }

    /// A page of an items query being gathered: the features offered to it in order, skipped up to the
    /// offset, checked against the filter's conditions on their lines, kept up to the limit.
    private final class Page {
        let index: FeatureIndex
        let pages: BlobPages
        let conditions: [Condition]
        let offset: Int
        let limit: Int
        var skipped = 0
        var found: [Location] = []

        init(index: FeatureIndex, pages: BlobPages, conditions: [Condition], offset: Int, limit: Int) {
            self.index = index
            self.pages = pages
            self.conditions = conditions
            self.offset = offset
            self.limit = limit
        }

        /// Offers feature `number`, which surely passes when `certain` (it is then read only if kept);
        /// whether the page wants more.
        func offer(_ number: Int64, certain: Bool) throws -> Bool {
            let location = try index.location(number, pages)
            if !certain, try !passes(location) { return true }
            if skipped < offset {
                skipped += 1
                return true
            }
            // What is returned is always checked: a value whose key equals another's is never returned for it.
            if certain, try !passes(location) { return true }
            found.append(location)
            return found.count < limit
        }

        private func passes(_ location: Location) throws -> Bool {
            try index.lines.withFeature(location) { feature in conditions.allSatisfy { $0.passes(feature) } } ?? false
        }
    }
}

extension Array where Element == UInt32 {
    /// Whether the sorted array holds `value`, by binary search.
    func containsSorted(_ value: UInt32) -> Bool {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low] == value
    }
}
