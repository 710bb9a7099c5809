/// Identifier quoting for names that come from configuration (the schema), not from the model's SQL renderer.
enum PostgresIdentifier {
    /// `"name"`, embedded double quotes doubled, NULs dropped.
    static func quote(_ name: String) -> String {
        var quoted = "\""
        for scalar in name.unicodeScalars where scalar != "\0" {
            if scalar == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "\""
    }
}
