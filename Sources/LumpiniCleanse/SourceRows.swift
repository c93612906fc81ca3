import Foundation

/// The rows of one source file as the cleansing takes them. A CSV is read a batch ahead on a thread
/// of its own, which also runs the recipe's leading text steps on each row (`LeadingTextSteps`): its
/// rows carry no geometry, so nothing of GDAL crosses threads. A file GDAL reads is read here, in the
/// task that owns its handles, with every step run on it after.
enum SourceRows {
    /// A record as read, and the reader it came from (to tell whether its geometry is readable).
    case direct(SourceReader)
    case ahead(ReadAhead<RowReadAhead>)

    enum Row {
        case read(Record, SourceReader)
        case readAhead(RowReadAhead)
    }

    init(_ reader: SourceReader, leading: LeadingTextSteps) {
        guard reader.format == .csv else {
            self = .direct(reader)
            return
        }
        let producer = AheadProducer(reader: reader, leading: leading)
        self = .ahead(ReadAhead { try producer.next() })
    }

    func next() throws -> Row? {
        switch self {
        case .direct(let reader): return try reader.next().map { .read($0, reader) }
        case .ahead(let rows): return try rows.next().map(Row.readAhead)
        }
    }

    /// The reading thread's side. Built here, then used by that thread alone: the reader is a CSV
    /// reader (no GDAL handle), and the leading steps pass from one file's thread to the next only
    /// after the first has read its last row.
    private final class AheadProducer: @unchecked Sendable {
        let reader: SourceReader
        let leading: LeadingTextSteps

        init(reader: SourceReader, leading: LeadingTextSteps) {
            self.reader = reader
            self.leading = leading
        }

        func next() throws -> RowReadAhead? {
            try reader.next().map(leading.processAhead)
        }
    }
}
