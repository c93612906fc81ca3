/// How one field's text values are published: numbers in canonical form (valid JSON numbers),
/// booleans as `true`/`false`, everything else as text.
///
/// Works on UTF-8 bytes; nothing here allocates per value. It holds no text of its own (the field's
/// name comes with a call, for its error only): writers use one for every value they write, and a
/// copy of a string would be retained and released each time.
struct ValueEncoding {
    enum Kind {
        case text, integer, number
        case boolean(trueValues: Set<String>, falseValues: Set<String>)
    }

    let kind: Kind

    init(_ field: OutputField) {
        switch field.type {
        case .integer: kind = .integer
        case .number: kind = .number
        case .boolean: kind = .boolean(trueValues: Set(field.trueValues), falseValues: Set(field.falseValues))
        default: kind = .text
        }
    }

    /// Whether the value is written bare in JSON (a number or boolean) rather than as a string.
    var isBareInJSON: Bool {
        if case .text = kind { return false }
        return true
    }

    /// Appends the value as a JSON member's: `null` for a null (and for an empty number or boolean),
    /// numbers and booleans bare, text as a string.
    @inline(__always)
    func appendJSON(_ value: String?, to buffer: inout ByteBuffer, field: @autoclosure () -> String) throws {
        guard let value, !(value.isEmpty && isBareInJSON) else {
            buffer.append("null")
            return
        }
        if isBareInJSON {
            try appendCanonical(value, to: buffer, field: field())
        } else {
            buffer.jsonString(value)
        }
    }

    /// Appends the value as a CSV cell: numbers and booleans canonical (an empty one left empty),
    /// text quoted where it must be.
    @inline(__always)
    func appendCSV(_ value: String, to buffer: inout ByteBuffer, field: @autoclosure () -> String) throws {
        if isBareInJSON {
            if !value.isEmpty { try appendCanonical(value, to: buffer, field: field()) }
        } else {
            buffer.csvField(value)
        }
    }

    /// Appends the value's published form (not quoted or escaped). Text is appended as is.
    /// - Throws: `LumpiniError` naming `field` when a number or boolean field holds something that is not one.
    func appendCanonical(_ value: String, to buffer: ByteBuffer, field: @autoclosure () -> String) throws {
        switch kind {
        case .text:
            buffer.append(value)
        case .integer, .number:
            let isInteger: Bool = { if case .integer = kind { return true } else { return false } }()
            let ok = value.withUTF8Bytes { Self.appendCanonicalNumber($0, integerOnly: isInteger, to: buffer) }
            if !ok {
                throw LumpiniError(
                    "not-a-\(isInteger ? "integer" : "number")",
                    "\"\(value.prefix(40))\" is not \(isInteger ? "an integer" : "a number") and cannot be published as one",
                    kind: .data, field: field(),
                    hint: "add a cleansing step for this column or declare it as a string in the schema"
                )
            }
        case .boolean(let trueValues, let falseValues):
            if trueValues.contains(value) {
                buffer.append("true")
            } else if falseValues.contains(value) {
                buffer.append("false")
            } else {
                throw LumpiniError(
                    "not-a-boolean", "\"\(value.prefix(40))\" is not one of the schema's true or false values",
                    kind: .data, field: field(), hint: "map the value with a cleansing step or set trueValues/falseValues"
                )
            }
        }
    }

    /// Writes `-?digits(.digits)?(e[+-]?digits)?` with leading zeros and `+` removed.
    /// Returns false, writing nothing, when the bytes are not a plain decimal number.
    static func appendCanonicalNumber(_ bytes: UnsafeBufferPointer<UInt8>, integerOnly: Bool, to buffer: ByteBuffer) -> Bool {
        let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")
        var index = 0
        let end = bytes.count
        var negative = false
        if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        let integerStart = index
        while index < end, bytes[index] >= zero, bytes[index] <= nine { index += 1 }
        var integerDigits = integerStart..<index
        var fractionDigits = index..<index
        if index < end, bytes[index] == UInt8(ascii: ".") {
            if integerOnly { return false }
            index += 1
            let fractionStart = index
            while index < end, bytes[index] >= zero, bytes[index] <= nine { index += 1 }
            fractionDigits = fractionStart..<index
        }
        guard !integerDigits.isEmpty || !fractionDigits.isEmpty else { return false }
        var exponent = index..<index
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            if integerOnly { return false }
            let exponentStart = index
            index += 1
            if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            let digitsStart = index
            while index < end, bytes[index] >= zero, bytes[index] <= nine { index += 1 }
            guard index > digitsStart else { return false }
            exponent = exponentStart..<index
        }
        guard index == end else { return false }

        let isZero = { !(integerDigits.contains { bytes[$0] != zero } || fractionDigits.contains { bytes[$0] != zero }) }
        // Already in its published form (most numbers), written in one append: nothing below would
        // drop or add a byte (no `+`, no leading zero, no point without digits after it, a digit before
        // the point, no minus on a zero).
        let pointWithoutDigits = fractionDigits.isEmpty && integerDigits.upperBound < end && bytes[integerDigits.upperBound] == UInt8(ascii: ".")
        if bytes[0] != UInt8(ascii: "+"), !integerDigits.isEmpty, integerDigits.count == 1 || bytes[integerDigits.lowerBound] != zero,
           !pointWithoutDigits, !negative || !isZero() {
            buffer.append(bytes)
            return true
        }
        while integerDigits.count > 1, bytes[integerDigits.lowerBound] == zero {
            integerDigits = (integerDigits.lowerBound + 1)..<integerDigits.upperBound
        }
        if negative && !isZero() { buffer.append(UInt8(ascii: "-")) }
        if integerDigits.isEmpty {
            buffer.append(zero)
        } else {
            buffer.append(UnsafeBufferPointer(rebasing: bytes[integerDigits]))
        }
        if !fractionDigits.isEmpty {
            buffer.append(UInt8(ascii: "."))
            buffer.append(UnsafeBufferPointer(rebasing: bytes[fractionDigits]))
        }
        if !exponent.isEmpty {
            buffer.append(UnsafeBufferPointer(rebasing: bytes[exponent]))
        }
        return true
    }
}
