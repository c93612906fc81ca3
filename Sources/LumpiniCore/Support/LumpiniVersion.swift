/// Lumpini's own version, recorded in every release manifest and part of each release's input hash.
public enum LumpiniVersion {
    public static let current = "0.1.0"
}
