import Foundation

/// `complete-series`: a table of dated readings streamed once and summed per key (a station), so memory
/// grows with the keys and their days, not the rows. A key's days are the distinct dates of the year
/// with a value; its mean is the mean of its values on those days (a date given twice counts once, with
/// its first value); it qualifies when its days reach `minimumShare` of the days of the year. Keys are
/// located by the CSV's `longitude` and `latitude` (the first row that has them).
enum SeriesCompleteness {
    private struct Accumulator {
        var days = Set<Int>()
        var sum = 0.0
        var location: (longitude: Double, latitude: Double)?
    }

    static func locate(_ step: DeriveStep.CompleteSeries, year: Int, input: PublishedInput) throws -> [LocatedSeries] {
        let key = try input.position(of: step.key), date = try input.position(of: step.date), value = try input.position(of: step.value)
        let longitude = try input.position(of: "longitude"), latitude = try input.position(of: "latitude")
        // Mutated in place, by position: a set copied per row would cost its size on every reading.
        var positions: [String: Int] = [:]
        var series: [Accumulator] = []
        while let record = try input.next() {
            guard let name = record.values[key], !name.isEmpty else { continue }
            let index: Int
            if let known = positions[name] {
                index = known
            } else {
                index = series.count
                positions[name] = index
                series.append(Accumulator())
            }
            if series[index].location == nil, let x = record.values[longitude].flatMap(Double.init), let y = record.values[latitude].flatMap(Double.init) {
                series[index].location = (x, y)
            }
            if let text = record.values[date], let day = ISODay(text), day.year == year,
               let reading = try input.number(record.values[value], row: record.rowNumber, field: step.value),
               series[index].days.insert(day.dayOfYear).inserted {
                series[index].sum += reading
            }
        }
        let required = requiredDays(share: step.minimumShare, year: year)
        return try positions.keys.sorted().map { name in
            let accumulator = series[positions[name]!]
            guard let location = accumulator.location else {
                throw LumpiniError(
                    "derive-series-unlocated", "\(step.itemName) \(name) has no longitude and latitude in \(input.place)", kind: .data,
                    file: input.place, field: step.key, hint: "a series is put in a district by its location: publish the input with its points"
                )
            }
            let count = accumulator.days.count
            return LocatedSeries(
                key: name, longitude: location.longitude, latitude: location.latitude,
                mean: count == 0 ? nil : accumulator.sum / Double(count), qualifies: count > 0 && count >= required
            )
        }
    }

    /// The valid days a key needs: `share` of the days of `year`, rounded up (75 % of 2024's 366 days is 275).
    static func requiredDays(share: Double, year: Int) -> Int {
        Int((share * Double(ISODay.days(inYear: year)) - 1e-9).rounded(.up))
    }
}

/// A date written `YYYY-MM-DD` (ISO 8601, Gregorian), with its day of the year.
struct ISODay {
    let year: Int
    let dayOfYear: Int

    init?(_ text: String) {
        let parts = text.prefix(10).split(separator: "-")
        guard text.count >= 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              ISODate.isValid(year: year, month: month, day: day) else { return nil }
        self.year = year
        dayOfYear = (1..<month).reduce(0) { $0 + ISODate.daysIn(month: $1, year: year) } + day
    }

    /// The year of an ISO date, month (`2024-01`) or year (`2024`), as tables of months write them.
    static func year(of text: String) -> Int? {
        if let day = ISODay(text) { return day.year }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        if parts.count == 2 { guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil } }
        return year
    }

    static func days(inYear year: Int) -> Int { ISODate.isLeap(year) ? 366 : 365 }
}
