import Foundation

/// Failures of the file system while publishing (full disk, read-only tree, permissions).
public enum FileSystemError {
    /// A `LumpiniError` for a failed system call on `path`, with `errno`'s text.
    public static func make(_ action: String, path: String, errno code: Int32 = errno) -> LumpiniError {
        let reason = String(cString: strerror(code))
        let hint: String
        switch code {
        case ENOSPC, EDQUOT: hint = "free space on the disk holding the public tree, then run again"
        case EROFS: hint = "the public tree is on a read-only file system: point --public at a writable folder"
        case EACCES, EPERM: hint = "check the permissions of the public tree"
        default: hint = "check the public tree's disk and permissions, then run again"
        }
        // A full, read-only or forbidden public tree is the setup's problem (exit 2), not Lumpini's (exit 3).
        let expected: Set<Int32> = [ENOSPC, EDQUOT, EROFS, EACCES, EPERM]
        return LumpiniError("file-system-error", "cannot \(action): \(reason)", kind: expected.contains(code) ? .input : .internal, file: path, hint: hint)
    }
}
