// swift-tools-version: 6.1
// Strata benchmarks: parse, validate and execute (memory, SQLite, PostgreSQL) over the shared corpus
// (/work/shared/bench) and the default schema, printed beside the GraphQLSwift baseline by Benchmarks/run.sh.
// A separate package: the root package does not depend on it.
import PackageDescription

let package = Package(
    name: "StrataBenchmarks",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "strata-bench", targets: ["strata-bench"])
    ],
    dependencies: [
        .package(name: "Strata", path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "strata-bench",
            dependencies: [
                .product(name: "StrataLanguage", package: "Strata"),
                .product(name: "StrataJSON", package: "Strata"),
                .product(name: "StrataSchema", package: "Strata"),
                .product(name: "StrataValidation", package: "Strata"),
                .product(name: "StrataStorage", package: "Strata"),
                .product(name: "StrataModel", package: "Strata"),
                .product(name: "StrataExecution", package: "Strata"),
                .product(name: "StrataDemoData", package: "Strata"),
                .product(name: "StrataSQLite", package: "Strata"),
                .product(name: "StrataPostgres", package: "Strata"),
            ],
            swiftSettings: [
                .swiftLanguageMode(.v6),
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
                .enableUpcomingFeature("InternalImportsByDefault"),
            ])
    ]
)
