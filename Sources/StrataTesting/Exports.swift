// Re-exported because StrataTesting's API is spelled in JSONValue (fixtures, variables, `TestResponse.json`): a test
// that imports StrataTesting can build and match JSON values without also importing StrataJSON. The style guide allows
// `@_exported` in a testing-support target only.
@_exported public import StrataJSON
