"""A pytest plugin that records the cases graphql-core's own test suite feeds to its parser, validator and schema
validator, with graphql-core's answers, as JSON lines in $DIFFERENTIAL_OUT. Loaded by run.sh with
`python -m pytest -p record_plugin` from the root of graphql-core's source distribution."""

import json
import os

OUT = None


def write(record):
    OUT.write(json.dumps(record) + "\n")
    OUT.flush()


def _encodable(text):
    """Whether the text can be sent as UTF-8 at all (a Python string may hold a lone surrogate; a request cannot)."""
    try:
        text.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def located(errors):
    return [
        {"message": e.message, "locations": [[l.line, l.column] for l in (e.locations or [])]}
        for e in errors
    ]


def pytest_configure(config):
    global OUT
    OUT = open(os.environ["DIFFERENTIAL_OUT"], "a")

    import graphql
    import graphql.language
    import graphql.language.parser as parser_module
    import graphql.type.validate as type_validate
    import graphql.utilities
    from graphql import parse, print_schema, validate
    from graphql.error import GraphQLSyntaxError
    from graphql.validation import specified_rules
    from tests.validation import harness

    # Executable documents: every rule runs, as Strata's validate does.
    check_rule = harness.assert_validation_errors

    def record_validation(rule, query, errors, schema=harness.test_schema):
        full = validate(schema, parse(query), specified_rules)
        write({"case": "validate", "rule": rule.__name__, "schemaSDL": print_schema(schema),
               "query": query, "expected": located(full)})
        return check_rule(rule, query, errors, schema)

    harness.assert_validation_errors = record_validation

    # SDL documents on their own: graphql-core builds and validates the schema, Strata builds it.
    check_sdl = harness.assert_sdl_validation_errors

    def record_sdl(rule, sdl, errors, schema=None):
        if schema is None:
            try:
                built = graphql.build_ast_schema(parse(sdl))
                problems = [e.message for e in graphql.validate_schema(built)]
            except Exception as error:  # graphql-core refuses some SDL while building it
                problems = [str(error)]
            write({"case": "schema", "rule": rule.__name__, "schemaSDL": sdl, "expected": problems})
        return check_sdl(rule, sdl, errors, schema)

    harness.assert_sdl_validation_errors = record_sdl

    # Documents given to the parser.
    original_parse = parser_module.parse

    def record_parse(source, *args, **kwargs):
        text = source if isinstance(source, str) else source.body
        plain = not args and not any(kwargs.get(k) for k in
                                     ("allow_legacy_fragment_variables", "max_tokens", "no_location"))
        if plain and _encodable(text):
            try:
                original_parse(source)
                write({"case": "parse", "document": text, "expected": {"ok": True}})
            except GraphQLSyntaxError as error:
                write({"case": "parse", "document": text, "expected": {
                    "ok": False, "message": error.message,
                    "locations": [[l.line, l.column] for l in (error.locations or [])]}})
        return original_parse(source, *args, **kwargs)

    # Lexer errors met on a document's first token: parsing the same text must fail at the same place.
    import graphql.language.lexer as lexer_module
    original_advance = lexer_module.Lexer.advance

    def record_advance(self):
        first = getattr(self, "_differential_advanced", False) is False
        self._differential_advanced = True
        try:
            return original_advance(self)
        except GraphQLSyntaxError as error:
            if first and _encodable(self.source.body):
                write({"case": "parse", "document": self.source.body, "expected": {
                    "ok": False, "message": error.message,
                    "locations": [[l.line, l.column] for l in (error.locations or [])]}})
            raise

    lexer_module.Lexer.advance = record_advance

    parser_module.parse = record_parse
    graphql.language.parse = record_parse
    graphql.parse = record_parse

    # Schemas built from SDL and then validated, unless the test changed them in between.
    original_build = graphql.utilities.build_schema
    built_from = {}

    def record_build(source, *args, **kwargs):
        schema = original_build(source, *args, **kwargs)
        if isinstance(source, str) and not args and not kwargs:
            built_from[id(schema)] = (source, schema, print_schema(schema))
        return schema

    original_validate_schema = type_validate.validate_schema

    def record_validate_schema(schema):
        problems = original_validate_schema(schema)
        entry = built_from.get(id(schema))
        if entry and entry[1] is schema and print_schema(schema) == entry[2]:
            write({"case": "schema", "rule": "validate_schema", "schemaSDL": entry[0],
                   "expected": [e.message for e in problems]})
        return problems

    graphql.utilities.build_schema = record_build
    graphql.build_schema = record_build
    type_validate.validate_schema = record_validate_schema
    graphql.type.validate_schema = record_validate_schema
    graphql.validate_schema = record_validate_schema
