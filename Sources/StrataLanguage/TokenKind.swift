/// The kinds of lexical token. Comments, commas, white space, line terminators and byte order marks
/// are ignored by the lexer and never become tokens.
public enum TokenKind: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case endOfFile
    case bang  // !
    case dollar  // $
    case ampersand  // &
    case parenLeft  // (
    case parenRight  // )
    case spread  // ...
    case colon  // :
    case equals  // =
    case at  // @
    case bracketLeft  // [
    case bracketRight  // ]
    case braceLeft  // {
    case pipe  // |
    case braceRight  // }
    case name
    case int
    case float
    case string
    case blockString

    /// How error messages name this kind: punctuators quoted, other kinds by their grammar name.
    public var description: String {
        switch self {
        case .endOfFile: "<EOF>"
        case .bang: "\"!\""
        case .dollar: "\"$\""
        case .ampersand: "\"&\""
        case .parenLeft: "\"(\""
        case .parenRight: "\")\""
        case .spread: "\"...\""
        case .colon: "\":\""
        case .equals: "\"=\""
        case .at: "\"@\""
        case .bracketLeft: "\"[\""
        case .bracketRight: "\"]\""
        case .braceLeft: "\"{\""
        case .pipe: "\"|\""
        case .braceRight: "\"}\""
        case .name: "Name"
        case .int: "Int"
        case .float: "Float"
        case .string: "String"
        case .blockString: "BlockString"
        }
    }
}
