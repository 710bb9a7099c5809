// swift-tools-version: 6.1
// Strata: a schema-first GraphQL server. One target per concern; dependencies point one way:
//   StrataLanguage, StrataJSON, StrataStorage      (no dependencies)
//   StrataSchema      -> StrataLanguage, StrataJSON
//   StrataValidation  -> StrataSchema
//   StrataModel       -> StrataSchema, StrataStorage        (schema.graphql directives -> storage entities + derived API)
//   StrataExecution   -> StrataValidation, StrataModel      (executor, DataLoader, planner, mutations)
//   StrataSQL         -> StrataStorage                       (dialect-aware SQL rendering with bound parameters)
//   StrataSQLite      -> StrataSQL, CSQLite3                 StrataPostgres -> StrataSQL, CLibPQ
//   StrataDemoData    -> StrataModel                         (deterministic demo rows for the default schema)
//   StrataServer      -> StrataExecution, adapters, StrataDemoData, Hummingbird
//   strata (CLI), StrataTesting -> StrataServer
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Strata",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "StrataLanguage", targets: ["StrataLanguage"]),
        .library(name: "StrataSchema", targets: ["StrataSchema"]),
        .library(name: "StrataValidation", targets: ["StrataValidation"]),
        .library(name: "StrataStorage", targets: ["StrataStorage"]),
        .library(name: "StrataModel", targets: ["StrataModel"]),
        .library(name: "StrataExecution", targets: ["StrataExecution"]),
        .library(name: "StrataDemoData", targets: ["StrataDemoData"]),
        .library(name: "StrataJSON", targets: ["StrataJSON"]),
        .library(name: "StrataSQLite", targets: ["StrataSQLite"]),
        .library(name: "StrataPostgres", targets: ["StrataPostgres"]),
        .library(name: "StrataServer", targets: ["StrataServer"]),
        .library(name: "StrataTesting", targets: ["StrataTesting"]),
        .executable(name: "strata", targets: ["strata"]),
        .plugin(name: "StrataSchemaCheck", targets: ["StrataSchemaCheck"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // GraphQL core: no I/O.
        .target(name: "StrataLanguage", swiftSettings: strictSettings),
        .target(name: "StrataJSON", swiftSettings: strictSettings),
        .target(name: "StrataSchema", dependencies: ["StrataLanguage", "StrataJSON"], swiftSettings: strictSettings),
        .target(name: "StrataValidation", dependencies: ["StrataSchema"], swiftSettings: strictSettings),

        // Storage: protocol, query model, memory adapter.
        .target(name: "StrataStorage", swiftSettings: strictSettings),
        .target(
            name: "StrataModel", dependencies: ["StrataSchema", "StrataStorage"], swiftSettings: strictSettings),
        .target(
            name: "StrataExecution", dependencies: ["StrataValidation", "StrataModel", "StrataJSON"],
            swiftSettings: strictSettings),
        .target(name: "StrataDemoData", dependencies: ["StrataModel"], swiftSettings: strictSettings),

        // Database adapters over their C libraries, sharing one SQL renderer.
        .target(name: "StrataSQL", dependencies: ["StrataStorage"], swiftSettings: strictSettings),
        .systemLibrary(
            name: "CSQLite3", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(
            name: "StrataSQLite",
            dependencies: ["StrataStorage", "StrataSQL", "CSQLite3", .product(name: "NIOPosix", package: "swift-nio")],
            swiftSettings: strictSettings),
        .target(
            name: "StrataPostgres",
            dependencies: ["StrataStorage", "StrataSQL", "CLibPQ", .product(name: "NIOPosix", package: "swift-nio")],
            swiftSettings: strictSettings),

        // HTTP server, CLI, test support.
        .target(
            name: "StrataServer",
            dependencies: [
                "StrataExecution", "StrataSQLite", "StrataPostgres", "StrataDemoData",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        .executableTarget(
            name: "strata",
            dependencies: ["StrataServer", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings),
        .target(
            name: "StrataTesting",
            dependencies: ["StrataServer", .product(name: "HummingbirdTesting", package: "hummingbird")],
            swiftSettings: strictSettings),
        .plugin(
            name: "StrataSchemaCheck",
            capability: .command(
                intent: .custom(verb: "check-schema", description: "Check schema.graphql and .graphql operations")),
            dependencies: ["strata"],
            path: "Plugins/StrataSchemaCheck"),

        // Tests mirror the targets.
        .testTarget(
            name: "StrataLanguageTests", dependencies: ["StrataLanguage"], exclude: ["Fixtures"],
            swiftSettings: strictSettings),
        .testTarget(name: "StrataJSONTests", dependencies: ["StrataJSON"], swiftSettings: strictSettings),
        .testTarget(name: "StrataSchemaTests", dependencies: ["StrataSchema"], swiftSettings: strictSettings),
        .testTarget(
            name: "StrataValidationTests", dependencies: ["StrataValidation"], swiftSettings: strictSettings),
        .testTarget(
            name: "StrataStorageTests", dependencies: ["StrataStorage", "StrataSQLite", "StrataPostgres"], swiftSettings: strictSettings),
        .testTarget(
            name: "StrataModelTests", dependencies: ["StrataModel", "StrataDemoData"], swiftSettings: strictSettings),
        .testTarget(
            name: "StrataDemoDataTests", dependencies: ["StrataDemoData", "StrataModel", "StrataStorage"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "StrataExecutionTests", dependencies: ["StrataExecution", "StrataDemoData"],
            swiftSettings: strictSettings),
        .testTarget(name: "StrataSQLTests", dependencies: ["StrataSQL"], swiftSettings: strictSettings),
        .testTarget(
            name: "StrataSQLiteTests", dependencies: ["StrataSQLite", "StrataStorage"], swiftSettings: strictSettings),
        .testTarget(
            name: "StrataPostgresTests", dependencies: ["StrataPostgres", "StrataStorage"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "StrataServerTests", dependencies: ["StrataServer", "StrataTesting"], swiftSettings: strictSettings),
        .testTarget(
            name: "ConformanceTests",
            dependencies: [
                "StrataTesting", "StrataExecution", "StrataModel", "StrataDemoData", "StrataSQLite", "StrataPostgres",
                "StrataJSON",
            ],
            exclude: ["Cases", "Fixtures"],
            swiftSettings: strictSettings),
    ]
)
