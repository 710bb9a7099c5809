import Foundation
import StrataLanguage
import StrataModel
import StrataSchema
import StrataStorage

/// `createT`, `updateT`, `deleteT`: one transaction each through `WriteRunner` (validation, generated values,
/// optimistic locking, soft delete, and the audit entry in the same transaction). Mutation root fields run
/// one after another, so each sees the writes of the previous ones.
struct MutationResolver: AsyncFieldResolver {
    let model: DataModel
    let binding: MutationBinding
    let storage: StorageRouter

    func resolve(_ batch: ResolveBatch, context: RequestContext) async -> [FieldResult] {
        var results: [FieldResult] = []
        for _ in batch.parents { results.append(await write(batch.arguments, context: context)) }
        return results
    }

    private func write(_ arguments: [String: InputValue], context: RequestContext) async -> FieldResult {
        let entity: String
        switch binding {
        case .create(let e), .update(let e), .delete(let e): entity = e
        }
        guard let target = model.entities[entity], let adapter = storage.adapter(target.source) else {
            return .error(FieldError("No data source serves \(entity)."))
        }
        let runner = WriteRunner(model: model, adapter: adapter)
        let now = context.now ?? Self.wallClockMicroseconds()
        let expectedVersion: Int? = {
            if case .int(let v) = arguments["expectedVersion"] { return v }
            return nil
        }()
        do throws(ModelError) {
            let row: Row
            switch binding {
            case .create:
                row = try await runner.create(entity: entity, input: arguments["input"] ?? .object([]), actor: context.actorID, now: now)
            case .update:
                guard case .string(let id) = arguments["id"] else { return .error(FieldError("Missing id.", code: .badUserInput)) }
                row = try await runner.update(
                    entity: entity, id: id, input: arguments["input"] ?? .object([]), expectedVersion: expectedVersion,
                    actor: context.actorID, now: now)
            case .delete:
                guard case .string(let id) = arguments["id"] else { return .error(FieldError("Missing id.", code: .badUserInput)) }
                row = try await runner.delete(entity: entity, id: id, expectedVersion: expectedVersion, actor: context.actorID, now: now)
            }
            return .value(.object(.row(typeName: target.typeName, row)))
        } catch {
            var extensions: [ErrorExtension] = []
            if let field = error.field { extensions.append(ErrorExtension("field", .string(field))) }
            return .error(
                FieldError(
                    error.message, code: error.code, extensions: extensions, underlyingDescription: error.detail))
        }
    }

    static func wallClockMicroseconds() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1_000_000).rounded())
    }
}
