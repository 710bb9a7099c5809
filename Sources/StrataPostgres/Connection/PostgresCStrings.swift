import CLibPQ

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Calls `body` with NULL-terminated C arrays of the keys and values (for `PQconnectStartParams`).
func withCStringArrays<R>(
    _ pairs: [(String, String)],
    _ body: (UnsafePointer<UnsafePointer<CChar>?>, UnsafePointer<UnsafePointer<CChar>?>) -> R
) -> R {
    let keys: [UnsafeMutablePointer<CChar>?] = pairs.map { strdup($0.0) } + [nil]
    let values: [UnsafeMutablePointer<CChar>?] = pairs.map { strdup($0.1) } + [nil]
    defer {
        for key in keys { free(key) }
        for value in values { free(value) }
    }
    let constKeys = keys.map { UnsafePointer($0) }
    let constValues = values.map { UnsafePointer($0) }
    return constKeys.withUnsafeBufferPointer { k in
        constValues.withUnsafeBufferPointer { v in body(k.baseAddress!, v.baseAddress!) }
    }
}

/// Calls `body` with the parameters as C strings (NULL for SQL NULL), their type OIDs and their count.
func withParameters<R>(
    _ parameters: [PostgresValueCodec.Parameter],
    _ body: (UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Oid>?, Int32) -> R
) -> R {
    let strings: [UnsafeMutablePointer<CChar>?] = parameters.map { parameter in parameter.text.map { strdup($0) } }
    defer { for string in strings { free(string) } }
    let values = strings.map { UnsafePointer($0) }
    let types = parameters.map { Oid($0.typeOID) }
    return values.withUnsafeBufferPointer { v in
        types.withUnsafeBufferPointer { t in body(v.baseAddress, t.baseAddress, Int32(parameters.count)) }
    }
}
