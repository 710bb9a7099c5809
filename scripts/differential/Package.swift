// swift-tools-version:6.0
import PackageDescription

// The Strata side of scripts/differential/run.sh: reads cases as JSON lines on standard input and answers each
// with what Strata's parser, schema builder, validator, value coercion or executor makes of it. Not part of the product.
let package = Package(
    name: "strata-differential",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "../..")],
    targets: [
        .executableTarget(
            name: "strata-differential",
            dependencies: [
                .product(name: "StrataLanguage", package: "main"),
                .product(name: "StrataSchema", package: "main"),
                .product(name: "StrataValidation", package: "main"),
                .product(name: "StrataJSON", package: "main"),
                .product(name: "StrataExecution", package: "main"),
            ])
    ]
)
