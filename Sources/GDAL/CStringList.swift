import CGDAL

/// A GDAL string list (`char **`, as built by `CSLAddString`), freed when the body returns.
enum CStringList {
    static func with<T>(
        _ strings: [String],
        _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) throws -> T
    ) rethrows -> T {
        var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        for string in strings {
            list = CSLAddString(list, string)
        }
        defer { CSLDestroy(list) }
        return try body(list)
    }

    static func with<T>(
        options: [String: String],
        _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) throws -> T
    ) rethrows -> T {
        try with(options.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }, body)
    }

    /// The same list as GDAL's `const char * const *` parameters take it.
    static func const(_ list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> UnsafePointer<UnsafePointer<CChar>?>? {
        list.map { UnsafeRawPointer($0).assumingMemoryBound(to: UnsafePointer<CChar>?.self) }
    }

    /// Reads a NULL-terminated list that GDAL owns, without freeing it.
    static func strings(_ list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> [String] {
        guard let list else { return [] }
        var result: [String] = []
        var index = 0
        while let item = list[index] {
            result.append(String(cString: item))
            index += 1
        }
        return result
    }

    /// Takes a string GDAL allocated with `CPLMalloc`, copies it and frees it.
    static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { VSIFree(pointer) }
        return String(cString: pointer)
    }
}
