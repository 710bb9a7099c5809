/// Settings given on the command line; they win over the environment and the config file.
public struct ConfigOverrides: Sendable, Hashable {
    public var configPath: String?
    public var schemaPath: String?
    public var host: String?
    public var port: Int?
    public var backend: String?
    public var databaseURL: String?
    public var demoScale: String?

    public init(
        configPath: String? = nil, schemaPath: String? = nil, host: String? = nil, port: Int? = nil,
        backend: String? = nil, databaseURL: String? = nil, demoScale: String? = nil
    ) {
        self.configPath = configPath
        self.schemaPath = schemaPath
        self.host = host
        self.port = port
        self.backend = backend
        self.databaseURL = databaseURL
        self.demoScale = demoScale
    }
}
