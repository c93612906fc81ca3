import Foundation

/// `lumpini cleanse <id>`: runs a dataset's recipe over its sources and writes the cleansed
/// records, the quarantine and the report (text and JSON) under `<root>/.lumpini/`.
public enum DatasetCleanser {
    /// Runs the recipe of dataset `id`.
    /// - Returns: the report, naming the files written (relative to the root).
    /// - Throws: `LumpiniError` for a dataset that cannot be loaded or read; the files of a failed
    ///   run are not left behind.
    public static func run(id: String, workspace: Workspace, vocabularies: Vocabularies? = nil) throws -> CleansingReport {
        let description = try DatasetLoader.load(id: id, in: workspace)
        let cleansing = try DatasetCleansing(description: description, workspace: workspace, vocabularies: vocabularies)
        let files = CleansingFiles(workspace: workspace, datasetID: id)
        let output = try StreamingCSVFile(files.records, byteOrderMark: description.outputs.csvBOM)
        let quarantine = try QuarantineFile(files.quarantine, sourceFields: cleansing.sourceFields)
        do {
            try output.write(record: cleansing.fields + (cleansing.hasGeometry ? ["geometry_wkt"] : []))
            while let outcome = try cleansing.next() {
                switch outcome {
                case .kept(let record):
                    try output.write(record: record.values + (cleansing.hasGeometry ? [record.geometry?.wkt] : []))
                case .quarantined(let entry):
                    try quarantine.write(entry, stage: .cleanse)
                }
            }
            let report = try cleansing.finish(quarantineFile: files.relative(files.quarantine), outputFile: files.relative(files.records))
            try output.commit()
            try quarantine.commit()
            try JSONOutput.data(report).write(to: files.reportJSON, options: .atomic)
            try Data(CleansingReportText.render(report).utf8).write(to: files.reportText, options: .atomic)
            return report
        } catch {
            output.discard()
            quarantine.discard()
            throw error
        }
    }
}
