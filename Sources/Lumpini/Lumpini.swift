/// Lumpini's own version, recorded in every release manifest.
public enum LumpiniVersion {
    public static let current = "0.1.0"
}
