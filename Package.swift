// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Scrutineer",
  products: [
    .library(name: "ScrutineerKit", targets: ["ScrutineerKit"]),
    .executable(name: "scrutineer", targets: ["ScrutineerTool"]),
  ],
  targets: [
    // The library: read, normalise, split, segment, extract metadata, render.
    .target(name: "ScrutineerKit"),
    // The commands, testable without a process.
    .target(name: "ScrutineerCLI", dependencies: ["ScrutineerKit"]),
    // The executable: calls ScrutineerCLI and exits.
    .executableTarget(name: "ScrutineerTool", dependencies: ["ScrutineerCLI"]),
    .testTarget(name: "ScrutineerKitTests", dependencies: ["ScrutineerKit"]),
    .testTarget(name: "ScrutineerCLITests", dependencies: ["ScrutineerCLI", "ScrutineerKit"]),
  ]
)
