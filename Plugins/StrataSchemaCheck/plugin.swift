// Placeholder so the package manifest resolves while the plugin is being written.
import PackagePlugin

@main
struct StrataSchemaCheck: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {}
}
