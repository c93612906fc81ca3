/// What became of one record.
public enum CleansingOutcome {
    case kept(Record)
    case quarantined(QuarantineEntry)
}
