// swift-tools-version:6.0
// Baseline benchmarks: GraphQLSwift/GraphQL 4.3.0 (parse, validate, execute) and a
// Hummingbird 2 HTTP server over the same in-memory dataset, for comparison with Strata.
import PackageDescription

let package = Package(
    name: "Baseline",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "baseline-bench", targets: ["baseline-bench"]),
        .executable(name: "baseline-server", targets: ["baseline-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/GraphQLSwift/GraphQL", exact: "4.3.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // Schema + deterministic in-memory dataset + resolvers, shared by both executables.
        .target(
            name: "BaselineCore",
            dependencies: [
                .product(name: "GraphQL", package: "GraphQL"),
            ]
        ),
        .executableTarget(
            name: "baseline-bench",
            dependencies: [
                "BaselineCore",
                .product(name: "GraphQL", package: "GraphQL"),
            ]
        ),
        .executableTarget(
            name: "baseline-server",
            dependencies: [
                "BaselineCore",
                .product(name: "GraphQL", package: "GraphQL"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
