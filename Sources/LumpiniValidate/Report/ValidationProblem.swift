/// One problem found, shaped as a Frictionless error: its type, where it is and what is wrong.
public struct ValidationProblem: Sendable, Equatable, Codable {
    public var type: String
    public var title: String
    /// What is wrong, in plain words, with the place and what to do.
    public var message: String
    /// The detail the reference tool gives, for example `type is "integer/default"`.
    public var note: String
    /// The row (the header is row 1); nil for label and file errors.
    public var rowNumber: Int?
    /// The rows of the header, for label errors.
    public var rowNumbers: [Int]?
    /// 1-based position of the field.
    public var fieldNumber: Int?
    public var fieldName: String?
    /// The cell's text as found.
    public var cell: String?
    /// The header label, for label errors.
    public var label: String?

    public init(
        _ type: ValidationProblemType, message: String, note: String = "", rowNumber: Int? = nil,
        fieldNumber: Int? = nil, fieldName: String? = nil, cell: String? = nil, label: String? = nil
    ) {
        self.type = type.rawValue
        self.title = type.title
        self.message = message
        self.note = note
        self.rowNumber = rowNumber
        self.rowNumbers = type.isLabelError ? [1] : nil
        self.fieldNumber = fieldNumber
        self.fieldName = fieldName
        self.cell = cell
        self.label = label
    }
}
