internal import StrataLanguage
internal import StrataStorage

extension ModelError {
    /// The client-facing error for a storage failure while writing `entity`: constraint violations name the
    /// GraphQL field, optimistic-lock conflicts are `CONFLICT`, connection trouble is `SERVICE_UNAVAILABLE`.
    init(_ error: StorageError, entity: EntityDescriptor) {
        let field = error.column.flatMap { column in entity.columns.first { $0.name == column }?.field }
        let subject = field.map { "field `\($0)` of \(entity.name)" } ?? entity.name
        let code: ErrorCode
        let message: String
        switch error.code {
        case .uniqueViolation:
            code = .constraintViolation
            message = "Another \(entity.name) already has this value (\(subject) must be unique)."
        case .foreignKeyViolation:
            code = .constraintViolation
            if let field {
                message = "Field `\(field)` of \(entity.name) refers to a row that does not exist."
            } else {
                message =
                    "The \(entity.name) is still referred to by other rows, or refers to a row that does not exist."
            }
        case .notNullViolation:
            code = .constraintViolation
            message = "A value is required for \(subject)."
        case .checkViolation:
            code = .constraintViolation
            message = "The value of \(subject) is not allowed."
        case .conflict:
            code = .conflict
            message = "The \(entity.name) was changed by someone else (version mismatch)."
        case .notFound:
            code = .notFound
            message = "\(entity.name) not found."
        case .invalidRequest:
            code = .badUserInput
            message = error.message
        case .connectionFailed, .connectionLost, .timeout, .busy, .closed:
            code = .serviceUnavailable
            message = "The data source is unavailable; try again later."
        default:
            code = .internalServerError
            message = "Internal server error."
        }
        self.init(code, message, field: field, detail: error.debugDescription)
    }
}
