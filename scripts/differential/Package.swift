// swift-tools-version: 6.1
import PackageDescription

// The Strata side of scripts/differential/run.sh: reads cases as JSON lines on standard input and answers each
// with what Strata's parser, schema builder, validator, value coercion or executor makes of it.
// Not part of the product.
let package = Package(
    name: "strata-differential",
    platforms: [.macOS(.v14)],
    // Named, so that the products below find it whatever the checkout's directory is called.
    dependencies: [.package(name: "Strata", path: "../..")],
    targets: [
        .executableTarget(
            name: "strata-differential",
            dependencies: [
                .product(name: "StrataLanguage", package: "Strata"),
                .product(name: "StrataSchema", package: "Strata"),
                .product(name: "StrataValidation", package: "Strata"),
                .product(name: "StrataJSON", package: "Strata"),
                .product(name: "StrataExecution", package: "Strata"),
            ])
    ]
)
