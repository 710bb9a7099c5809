@main struct StrataCommandPlaceholder { static func main() {} }
