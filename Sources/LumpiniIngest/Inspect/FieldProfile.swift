import GDAL

/// Accumulates what one field's values look like, streaming: counts, a capped distinct set,
/// the first samples, the shape the values share, the traits seen and, for the first rows, the
/// numbers (which coordinate columns are found by).
struct FieldProfile {
    static let distinctCap = 10_000
    static let sampleCount = 3
    static let numberRows = 10_000

    let definition: FieldDefinition
    private(set) var nullCount = 0
    /// Distinct values by their UTF-8 bytes: hashing bytes skips the Unicode normalisation that
    /// hashing a Thai `String` costs. Values differing only in normalisation count apart, as written.
    private(set) var distinct: Set<[UInt8]> = []
    private(set) var distinctCapped = false
    private(set) var samples: [String] = []
    private(set) var shared: ValueShape?
    private(set) var traits: ValueTraits = []
    private(set) var traitCounts: [ValueTraits: Int] = [:]
    /// The value of each of the first `numberRows` rows as a number (nil: empty or not a number).
    private(set) var numbers: [Double?] = []
    private(set) var numericCount = 0
    private(set) var valueCount = 0

    init(_ definition: FieldDefinition) {
        self.definition = definition
    }

    mutating func add(_ value: String?) {
        guard let value, !value.trimmingWhitespace.isEmpty else {
            nullCount += 1
            if numbers.count < Self.numberRows { numbers.append(nil) }
            return
        }
        valueCount += 1
        let bytes = Array(value.utf8)
        if distinct.count < Self.distinctCap {
            if distinct.insert(bytes).inserted && samples.count < Self.sampleCount { samples.append(value) }
        } else if !distinct.contains(bytes) {
            distinctCapped = true
        }
        let (shape, valueTraits) = ValueClassifier.classify(value)
        for trait in [ValueTraits.thaiDigits, .buddhistEraYear, .thaiMonthName, .thousandsSeparator, .missingMarker, .percentOrUnit, .leadingZero]
        where valueTraits.contains(trait) {
            traitCounts[trait, default: 0] += 1
        }
        traits.formUnion(valueTraits)
        if !valueTraits.contains(.missingMarker) {
            shared = shared.map { $0.widened(with: shape) } ?? shape
        }
        let number = shape == .number ? Double(value.trimmingWhitespace.filter { $0 != "," }) : nil
        if number != nil { numericCount += 1 }
        if numbers.count < Self.numberRows { numbers.append(number) }
    }

    /// Codes with leading zeros (e.g. "04104") are text, whatever they look like.
    var shape: ValueShape {
        if traits.contains(.leadingZero) { return .text }
        return shared ?? .text
    }

    /// Mostly numbers: the odd "-" or note among them does not make a column of measures text.
    var isMostlyNumeric: Bool { numericCount > 0 && numericCount * 5 >= valueCount * 4 }

    var notes: [String] {
        var notes: [String] = []
        func count(_ trait: ValueTraits) -> Int { traitCounts[trait] ?? 0 }
        if count(.thaiDigits) > 0 { notes.append("Thai digits in \(count(.thaiDigits)) values (recipe: thai-digits)") }
        if count(.buddhistEraYear) > 0 { notes.append("Buddhist-Era years in \(count(.buddhistEraYear)) values (recipe: dates with era: buddhist)") }
        if count(.thaiMonthName) > 0 { notes.append("Thai month names in \(count(.thaiMonthName)) values (recipe: dates)") }
        if count(.thousandsSeparator) > 0 { notes.append("thousands separators in \(count(.thousandsSeparator)) values (recipe: numbers)") }
        if count(.missingMarker) > 0 { notes.append("\(count(.missingMarker)) values look like missing-value markers (\"-\", \"ไม่มีข้อมูล\", \"N/A\") (recipe: missing-values)") }
        if count(.percentOrUnit) > 0 { notes.append("percent signs in \(count(.percentOrUnit)) values (recipe: numbers with strip)") }
        if count(.leadingZero) > 0 { notes.append("codes with leading zeros: keep as text") }
        return notes
    }

    func report() -> InspectionReport.FieldReport {
        InspectionReport.FieldReport(
            name: definition.name, gdalType: definition.type.rawValue, shape: shape.rawValue, inferredType: nil,
            nullCount: nullCount, distinctCount: distinct.count, distinctCapped: distinctCapped,
            samples: samples, notes: notes
        )
    }
}
