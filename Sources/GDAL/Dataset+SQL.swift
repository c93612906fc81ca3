import CGDAL

/// SQL run by the dataset's driver (PostgreSQL's own SQL for a PostgreSQL connection, SQLite's for a
/// GeoPackage), and the dataset's transactions.
extension Dataset {
    /// Runs a statement that returns no rows (DDL, `INSERT`, `COMMENT`…). See `GDALDatasetExecuteSQL`.
    /// - Throws: `GDALError` with the driver's message when the statement fails.
    public func execute(_ sql: String) throws {
        if let result = try run(sql) {
            GDALDatasetReleaseResultSet(try requireOpen(), result)
        }
    }

    /// Runs a query and returns its rows, each value as the driver writes it as text (nil for null).
    /// Meant for small answers (bookkeeping, counts): every row is held in memory.
    /// See `GDALDatasetExecuteSQL`.
    public func query(_ sql: String) throws -> [[String?]] {
        let handle = try requireOpen()
        guard let result = try run(sql) else { return [] }
        defer { GDALDatasetReleaseResultSet(handle, result) }
        var rows: [[String?]] = []
        OGR_L_ResetReading(result)
        while let feature = OGR_L_GetNextFeature(result) {
            defer { OGR_F_Destroy(feature) }
            let count = OGR_F_GetFieldCount(feature)
            rows.append((0..<count).map { index in
                OGR_F_IsFieldSetAndNotNull(feature, index) != 0 ? String(cString: OGR_F_GetFieldAsString(feature, index)) : nil
            })
        }
        try GDALError.check(CPLGetLastErrorType(), function: "OGR_L_GetNextFeature", path: path)
        return rows
    }

    private func run(_ sql: String) throws -> OGRLayerH? {
        let handle = try requireOpen()
        CPLErrorReset()
        let result = GDALDatasetExecuteSQL(handle, sql, nil, nil)
        if CPLGetLastErrorType().rawValue >= CE_Failure.rawValue {
            let error = GDALError.last(function: "GDALDatasetExecuteSQL", path: path)
            if let result { GDALDatasetReleaseResultSet(handle, result) }
            throw error
        }
        return result
    }

    /// Runs `body` in one transaction of the dataset: committed when it returns, rolled back when it
    /// throws. See `GDALDatasetStartTransaction`.
    /// - Throws: `GDALError` when the driver has no transactions, or the commit fails; `body`'s error.
    public func inTransaction<T>(_ body: () throws -> T) throws -> T {
        let handle = try requireOpen()
        CPLErrorReset()
        try GDALError.check(GDALDatasetStartTransaction(handle, 0), function: "GDALDatasetStartTransaction", path: path)
        do {
            let result = try body()
            try GDALError.check(GDALDatasetCommitTransaction(handle), function: "GDALDatasetCommitTransaction", path: path)
            return result
        } catch {
            _ = GDALDatasetRollbackTransaction(handle)
            CPLErrorReset()
            throw error
        }
    }
}
