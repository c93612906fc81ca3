import LumpiniCatalogue

/// The three ways a list of datasets is printed.
enum DatasetListOutput {
    static func write(_ query: DatasetQuery, of catalogue: Catalogue, format: CatalogueOutputFormat) throws {
        var output = BlockOutput()
        if format.json {
            try DatasetListing.writeJSON(query, of: catalogue, to: &output)
        } else if format.csv {
            try DatasetListing.writeCSV(query, of: catalogue, to: &output)
        } else {
            var table = TextTable(headers: ["ID", "TITLE", "PUBLISHER", "THEME", "HVD", "UPDATED", "FORMATS", "QUALITY"])
            try catalogue.forEachRow(of: query) { row in
                table.append(row.bytes(.id))
                table.endCell()
                table.append(row.text(.titleTh) ?? row.bytes(.titleEn))
                table.endCell()
                table.append(row.bytes(.publisher))
                table.endCell()
                table.append(row.bytes(.theme))
                table.endCell()
                if row.flag(.highValue) { table.append("yes") }
                table.endCell()
                table.append(UnsafeBufferPointer(rebasing: row.bytes(.updated).prefix(10)))
                if row.flag(.stale) { table.append(" (stale)") }
                table.endCell()
                table.append(row.bytes(.formats))
                table.endCell()
                table.append(row.bytes(.qualityScore))
                table.append(" ")
                table.append(row.bytes(.qualityRating))
                table.endCell()
            }
            if table.rowCount == 0 {
                output.append("No datasets match.\n" as StaticString)
            } else {
                try table.write(to: &output)
                output.append(text: counted(table.rowCount, "dataset") + "\n")
            }
            try output.flush()
        }
    }
}
