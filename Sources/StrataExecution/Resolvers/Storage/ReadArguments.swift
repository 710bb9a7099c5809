import StrataLanguage
import StrataModel
import StrataSchema
import StrataStorage

/// The `where`, `orderBy`, `first` and `after` arguments of a list or connection field, as storage terms,
/// with the target's visibility filter (soft delete) ANDed in.
struct ReadArguments {
    var filter: Predicate?
    var orderBy: [SortKey]
    var offset: Int
    var limit: Int

    static func parse(_ arguments: [String: InputValue], target: EntityBinding) throws(FieldError) -> ReadArguments {
        do throws(ModelError) {
            var filter = target.visibilityFilter
            if let predicate = try target.predicate(where: arguments["where"]) {
                filter = filter.map { $0.and(predicate) } ?? predicate
            }
            let page = try PageArguments(arguments: arguments)
            return ReadArguments(
                filter: filter, orderBy: target.sortKeys(orderBy: arguments["orderBy"]), offset: page.offset,
                limit: page.limit)
        } catch {
            throw FieldError(error.message, code: error.code)
        }
    }
}
