/// The columns every derived dataset publishes, in order: one row per district with the indicator's
/// value. The derive stage writes them (`DerivedRecords`); the site reads them back to rank the districts
/// and colour the choropleth (`IndicatorTable`), so both take the names from here.
public enum DerivedColumns {
    public static let districtCode = "district_code"
    public static let districtTH = "district_th"
    public static let districtEN = "district_en"
    public static let value = "value"
    public static let unit = "unit"
    public static let year = "year"
    /// How many input records the value was computed from.
    public static let n = "n"
    public static let note = "note"

    public static let all = [districtCode, districtTH, districtEN, value, unit, year, n, note]
}
