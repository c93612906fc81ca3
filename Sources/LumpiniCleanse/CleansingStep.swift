/// What a step decides about a record.
public enum StepVerdict: Equatable {
    case keep
    /// The record is not kept: a stable reason code (`unmatched-district`, `total-row`, …),
    /// a message for people, and the field concerned, if one.
    case quarantine(reason: String, message: String, field: String?)
}

/// One step of a cleansing recipe, ready to run: built once from its parameters and the fields
/// it will see, then applied to each record in turn.
///
/// A step changes the record in place and reports every value it changes to `changes`.
/// Steps that add, remove or rename fields change the `FieldLayout` when they are built.
protocol CleansingStep: AnyObject, SendableMetatype {
    /// The step's stable kebab-case name, as written in `dataset.yaml` (`step: thai-digits`).
    static var name: String { get }
    /// One line for `docs/dataset-yaml.md` and `lumpini check`.
    static var summary: String { get }
    /// Whether the step reads and changes only text values and holds no GDAL object, so it may run on
    /// the thread that reads a CSV ahead (`LeadingTextSteps`), before any step makes a geometry.
    static var worksOnTextAlone: Bool { get }

    /// Builds the step; reads its parameters (unknown ones are refused by the caller) and
    /// updates `layout` when it changes the fields.
    init(parameters: inout StepParameters, layout: inout FieldLayout, context: CleansingContext) throws

    func apply(to record: inout Record, changes: ChangeRecorder) throws -> StepVerdict
}

extension CleansingStep {
    /// A step runs with the geometry steps unless it says it needs text alone.
    static var worksOnTextAlone: Bool { false }
}
