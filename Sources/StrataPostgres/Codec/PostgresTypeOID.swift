/// The built-in type OIDs the codec reads and writes (from `pg_type`; stable across PostgreSQL versions).
enum PostgresTypeOID {
    static let unspecified: UInt32 = 0
    static let bool: UInt32 = 16
    static let name: UInt32 = 19
    static let int8: UInt32 = 20
    static let int2: UInt32 = 21
    static let int4: UInt32 = 23
    static let text: UInt32 = 25
    static let oid: UInt32 = 26
    static let json: UInt32 = 114
    static let float4: UInt32 = 700
    static let float8: UInt32 = 701
    static let varcharArray: UInt32 = 1015
    static let textArray: UInt32 = 1009
    static let varchar: UInt32 = 1043
    static let date: UInt32 = 1082
    static let timestamp: UInt32 = 1114
    static let timestamptz: UInt32 = 1184
    static let numeric: UInt32 = 1700
    static let uuid: UInt32 = 2950
    static let jsonb: UInt32 = 3802
}
