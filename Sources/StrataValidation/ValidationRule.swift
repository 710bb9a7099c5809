/// One validation rule: a factory for the visitor that checks a document during the single traversal.
///
/// Rules are small configuration values (most have none), so lists of them can be shared freely; the per-run
/// state lives in the visitor that `makeVisitor(context:)` returns.
public protocol ValidationRule: Sendable {
    func makeVisitor(context: ValidationContext) -> ValidationVisitor
}
