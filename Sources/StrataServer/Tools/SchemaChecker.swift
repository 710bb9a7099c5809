import Foundation
public import StrataModel
import StrataLanguage
import StrataValidation

/// `strata schema check`: builds the schema file, then parses and validates GraphQL operation files against the
/// derived schema. Files holding only type-system definitions (SDL) are only parsed.
public enum SchemaChecker {
    public struct Result: Sendable {
        /// Every problem found, in file order.
        public var diagnostics: [Diagnostic]
        /// The data model, when the schema built.
        public var model: DataModel?
        /// How many operation files were validated.
        public var checkedOperationFiles: Int
    }

    public static func check(schemaPath: String, operationFiles: [String] = []) -> Result {
        var diagnostics: [Diagnostic] = []
        let model: DataModel
        do {
            model = try StrataRuntime.loadModel(schemaPath: schemaPath)
        } catch {
            switch error {
            case .schemaInvalid(let path, let modelError):
                diagnostics = modelError.errors.map { diagnostic($0, path: path) }
            default:
                diagnostics = [Diagnostic(path: schemaPath, line: 1, column: 1, message: error.description)]
            }
            return Result(diagnostics: diagnostics, model: nil, checkedOperationFiles: 0)
        }
        var checked = 0
        for path in operationFiles where !isSameFile(path, schemaPath) {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                diagnostics.append(Diagnostic(path: path, line: 1, column: 1, message: "cannot read file: \(error.localizedDescription)"))
                continue
            }
            diagnostics += checkOperations(text, path: path, model: model)
            checked += 1
        }
        return Result(diagnostics: diagnostics, model: model, checkedOperationFiles: checked)
    }

    /// Parses and validates one document of operations (SDL-only documents are accepted once they parse).
    public static func checkOperations(_ text: String, path: String, model: DataModel) -> [Diagnostic] {
        let source = Source(text, name: path)
        let document: Document
        do {
            document = try parse(source, options: .noLimits)
        } catch {
            return [diagnostic(error.graphQLError(source: source), path: path)]
        }
        guard document.definitions.contains(where: \.isExecutable) else { return [] }
        return validate(document, schema: model.schema, source: source).map { diagnostic($0, path: path) }
    }

    static func diagnostic(_ error: GraphQLError, path: String) -> Diagnostic {
        let location = error.locations.first ?? SourceLocation(line: 1, column: 1)
        return Diagnostic(path: path, line: location.line, column: location.column, message: error.message)
    }

    static func isSameFile(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).standardizedFileURL.path == URL(fileURLWithPath: b).standardizedFileURL.path
    }
}
