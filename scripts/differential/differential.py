"""Compares Strata with graphql-core (Python's port of graphql-js) case by case.

    python3 differential.py generate CASES   appends value-coercion cases (graphql-core's answers included)
    python3 differential.py compare CASES ANSWERS
                                             prints every disagreement; exits 1 if one is not a known difference

Run through run.sh, which records the other cases from graphql-core's own test suite first."""

import itertools
import json
import os
import re
import sys
from collections import Counter

# Where Strata deliberately answers differently, with the reason; matched against the rule or the query.
KNOWN = [
    ("KnownOperationTypesRule",
     lambda c, extra, missing: all("operation is not supported by the schema" in m for m in extra) and not missing,
     "Strata also runs the draft's Known Operation Types rule (graphql-js 17), which graphql-core 3.2 lacks"),
    ("unknown directive on a type-system definition",
     lambda c, extra, missing: not extra and all("Unknown directive" in m for m in missing),
     "an executable document holding type-system definitions is refused by Executable Definitions already; "
     "Strata does not also check the directives inside them"),
    ("custom scalar literal",
     lambda c, extra, missing: not extra and all(re.search(r'"(Invalid|CustomScalar)"', m) for m in missing),
     "custom scalars built from SDL accept any literal in Strata; graphql-core's test schema gives them code"),
    ("built-in scalar absent from the SDL",
     lambda c, extra, missing: not extra and all(re.match(r'Unknown type "(ID|Float|Int)"', m) for m in missing),
     "Strata's schemas always hold the five built-in scalars; graphql-core's hold only those the SDL names"),
]

# For execution, matched against the case, Strata's response and the disagreeing errors (path, message).
def _nulled(data, path):
    """Whether some object or list on the way to `path` (the response root included) ended up null."""
    node = data
    for key in path[:-1] if path else []:
        if node is None:
            return True
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return True
    return node is None


KNOWN_EXECUTION = [
    ("argument message names the reason",
     lambda c, response, extra, missing: len(extra) == len(missing) and all(
         e[1].startswith('Argument "') and "has invalid value:" in e[1] for e in extra) and all(
         m[1].startswith('Argument "') and "has invalid value {" in m[1] for m in missing),
     "for an argument literal that cannot be coerced at run time (a variable inside it is null where null is not "
     "allowed), graphql-js prints the literal; Strata says which part failed and why"),
    ("errors under a nulled parent",
     lambda c, response, extra, missing: response.get("data") == c["expected"]["data"] and all(
         _nulled(c["expected"]["data"], path) for path, _ in extra + missing),
     "once a non-null error has nulled a parent, which of the parent's other fields still run is the executor's "
     "choice: graphql-js goes depth first and stops at the first such error in document order, Strata goes one "
     "level at a time for the whole response and stops below a nulled parent; each reports the errors of the fields "
     "it ran"),
    ("overlapping fields through nested fragments",
     lambda c, response, extra, missing: response.get("data") is None and response.get("errors") and all(
         "conflict because" in e["message"] for e in response["errors"]),
     "graphql-core 3.2 misses some conflicts between fields reached through fragments spread inside fragments "
     "(its fragment-pair cache); the sampled ones were real conflicts by the specification's FieldsInSetCanMerge"),
]

KNOWN.append(
    ("conflicts graphql-core does not see",
     lambda c, extra, missing: not missing and all("conflict because" in m for m in extra),
     "graphql-core 3.2 misses some conflicts between fields reached through fragments spread inside fragments, and "
     "reports some conflicting pairs once where Strata reports each pair; the sampled ones were real conflicts by "
     "the specification's FieldsInSetCanMerge (same parent type, same response name, different fields)"))

# The same for value coercion and parsing, matched against the case.
KNOWN_VALUES = [
    ("long braced Unicode escape",
     lambda c: c["case"] == "parse" and re.search(r"\\u\{[0-9A-Fa-f]{9,}\}", c["document"]) is not None,
     "graphql-js reads at most eight hex digits in \\u{…}; the specification allows any number as long as the value "
     "is a Unicode scalar value, and Strata follows the specification (\\u{000000000} is U+0000)"),
    ("ID from a number beyond 2^53",
     lambda c: c["case"] == "variable" and c["type"] == "ID" and abs(float(json.loads(c["variable"]))) > 2 ** 53,
     "JSON numbers that large lose digits as doubles; Strata refuses them as IDs rather than serve a different ID "
     "(graphql-core keeps Python's exact integer, graphql-js the rounded double)"),
]


def normalize(message):
    """graphql-core quotes with ' and prints Python values; graphql-js (Strata's model) uses " and JSON."""
    message = message.replace("'", '"').replace("True", "true").replace("False", "false").replace("None", "null")
    message = message.replace("to be a mapping", "to be an object").replace(", ", ",").replace(": ", ":")
    message = re.sub(r"(-?\d+)\.0\b", r"\1", message).replace("-0", "0")
    # Python keeps a big JSON integer exact; JavaScript, like Strata, holds it as a double.
    message = message.replace("12345678901234567890", "12345678901234567000")
    message = re.sub(r"may not be used on ([a-z ]+)\.",
                     lambda m: "may not be used on " + m.group(1).upper().replace(" ", "_") + ".", message)
    return message


def generate(path):
    sys.path.insert(0, ".")
    from graphql import parse, parse_type, parse_value, print_schema, type_from_ast, value_from_ast, Undefined
    from graphql.execution.values import get_variable_values
    from tests.validation.harness import test_schema
    sdl = print_schema(test_schema)
    types = ["Int", "Int!", "[Int]", "[Int!]", "[Int!]!", "[[Int]]", "String", "String!", "Float", "Boolean", "ID",
             "DogCommand", "[DogCommand!]", "ComplexInput", "ComplexInput!", "[ComplexInput]"]
    values = [1, -1, 0, 2147483647, 2147483648, -2147483649, 1.5, 1.0, 1e3, "1", "abc", "", True, False, None, [],
              [1], [1, None], [[1]], [None], {}, "SIT", "sit", {"requiredField": True},
              {"requiredField": True, "intField": "x"}, {"requiredField": True, "unknownField": 1},
              {"requiredField": None}, {"requiredField": True, "stringListField": "a"},
              {"requiredField": True, "stringListField": ["a", None]}, {"requiredField": True, "nonNullField": None},
              {"intField": 3}, [{"requiredField": True}, 1], "\u00e9", 0.1, 1e100, 12345678901234567890]
    literals = ["1", "-1", "2147483648", "1.5", "1.0", "1e3", '"1"', '"abc"', "true", "null", "[]", "[1]",
                "[1, null]", "[[1]]", "[null]", "{}", "SIT", "sit", "$a", "$s", "$n", "[$a]", "[$m]", "[1, $m]",
                "[$n]", "{requiredField: true}", "{requiredField: $b}", "{requiredField: $m}",
                "{requiredField: true, intField: $m}", "{requiredField: true, intField: $n}",
                "{requiredField: true, nonNullField: $m}", "{requiredField: true, nonNullField: $n}",
                '{requiredField: true, stringListField: "a"}', '{requiredField: true, stringListField: ["a", $m]}',
                "[{requiredField: true}, $m]", "0"]
    with open(path, "a") as out:
        for type_text, value in itertools.product(types, values):
            definitions = parse("query($v: %s) { __typename }" % type_text).definitions[0].variable_definitions
            if value is None and type_text.endswith("!"):
                continue  # graphql-js refuses a null non-null variable before coercing it, as Strata's executor does
            result = get_variable_values(test_schema, definitions, {"v": value})
            expected = {"ok": False, "message": result[0].message} if isinstance(result, list) else {"ok": True}
            out.write(json.dumps({"case": "variable", "schemaSDL": sdl, "type": type_text,
                                  "variable": json.dumps(value), "expected": expected}) + "\n")
        variables = {"a": 1, "s": "x", "n": None, "b": True}
        for type_text, literal in itertools.product(types, literals):
            value = value_from_ast(parse_value(literal), type_from_ast(test_schema, parse_type(type_text)), variables)
            expected = {"ok": False} if value is Undefined else {"ok": True, "value": value}
            out.write(json.dumps({"case": "literal", "schemaSDL": sdl, "type": type_text, "literal": literal,
                                  "expected": expected}) + "\n")


EXECUTION_SDL = """
interface Node { id: ID! }
interface Named { name: String }
type Person implements Node & Named {
  id: ID!
  name: String
  age: Int
  score: Float
  admin: Boolean!
  color: Color
  tags: [String!]
  friends: [Person]
  strictFriends: [Person!]!
  best: Person!
  pet: Pet
  pets: [Pet!]
}
type Dog implements Node & Named { id: ID! name: String barks: Boolean! owner: Person }
type Cat implements Node & Named { id: ID! name: String lives: Int! owner: Person! }
union Pet = Dog | Cat
enum Color { RED GREEN BLUE }
input Filter { name: String min: Int = 0 colors: [Color!] nested: Filter }
type Query {
  echo(a: Int, b: [String!] = ["x"], c: Color = RED, f: Filter, n: Int! = 3, l: [[Int]]): String
  me: Person
  strictMe: Person!
  people: [Person!]!
  nodes: [Node]
  named(first: Int = 2): [Named!]
  pet: Pet
}
type Mutation {
  echo(a: Int, b: [String!] = ["x"], c: Color = RED, f: Filter, n: Int! = 3, l: [[Int]]): String
  me: Person
  strictMe: Person!
  people: [Person!]!
  pet: Pet
}
"""


def generate_execution(path, count=600, seed=7):
    """Random operations over a random JSON root value for EXECUTION_SDL, answered by graphql-core with a
    resolver that reads each field from the parent object by name: nulls, errors and wrong values anywhere, so
    that null propagation, error paths, abstract types, fragments and directives all get exercised."""
    import random
    from graphql import build_schema, graphql_sync, parse, validate, GraphQLError
    from graphql.type import (GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLInterfaceType,
                              GraphQLUnionType, GraphQLEnumType, get_named_type)
    rng = random.Random(seed)
    schema = build_schema(EXECUTION_SDL)
    objects = ["Person", "Dog", "Cat"]

    def leaf(named):
        roll = rng.random()
        if roll < 0.06:
            return rng.choice(["x", 1.5, [1], True, 2 ** 40])  # a value the type cannot represent
        name = named.name
        if name == "ID":
            return rng.choice(["a1", 7, "b2"])
        if name == "Int":
            return rng.randint(-5, 99)
        if name == "Float":
            return rng.choice([1.5, 2, -0.25])
        if name == "String":
            return rng.choice(["Ann", "Bo", "é🙂", ""])
        if name == "Boolean":
            return rng.random() < 0.5
        if isinstance(named, GraphQLEnumType):
            return rng.choice(["RED", "GREEN", "BLUE", "BLUE", "PURPLE"])
        return None

    def value(type_, depth):
        nullable = not isinstance(type_, GraphQLNonNull)
        inner = type_ if nullable else type_.of_type
        if rng.random() < (0.12 if nullable else 0.05):
            return None
        if rng.random() < 0.03:
            return {"$error": rng.choice(["boom", "bad thing"])}
        if isinstance(inner, GraphQLList):
            return [item(inner.of_type, depth) for _ in range(rng.randint(0, 3))]
        return plain(inner, depth)

    def item(type_, depth):
        nullable = not isinstance(type_, GraphQLNonNull)
        if rng.random() < (0.12 if nullable else 0.05):
            return None
        return plain(type_ if nullable else type_.of_type, depth)

    def plain(type_, depth):
        if isinstance(type_, GraphQLList):
            return [item(type_.of_type, depth) for _ in range(rng.randint(0, 2))]
        named = get_named_type(type_)
        if isinstance(named, (GraphQLObjectType, GraphQLInterfaceType, GraphQLUnionType)):
            if depth > 3:
                return None
            if isinstance(named, GraphQLObjectType):
                concrete = named
            else:
                concrete = schema.get_type(rng.choice(
                    [o.name for o in schema.get_possible_types(named)]))
            result = {"__typename": concrete.name}
            for field_name, field in concrete.fields.items():
                if rng.random() < 0.9:
                    result[field_name] = value(field.type, depth + 1)
            return result
        return leaf(named)

    def selection(type_, depth, fragments):
        named = get_named_type(type_)
        parts = []
        if isinstance(named, (GraphQLObjectType, GraphQLInterfaceType)):
            fields = list(named.fields.items())
            for field_name, field in rng.sample(fields, rng.randint(1, min(4, len(fields)))):
                parts.append(field_selection(field_name, field, depth, fragments))
        if isinstance(named, (GraphQLInterfaceType, GraphQLUnionType)) or rng.random() < 0.2:
            candidates = [named.name] + ([o.name for o in schema.get_possible_types(named)]
                                         if not isinstance(named, GraphQLObjectType) else [])
            if isinstance(named, GraphQLObjectType):
                candidates += list(i.name for i in named.interfaces)
            for target in rng.sample(candidates, min(len(candidates), rng.randint(1, 2))):
                inner = selection(schema.get_type(target), depth + 1, fragments) if depth < 4 else "__typename"
                if rng.random() < 0.5:
                    parts.append(f"... on {target} {{ {inner} }}")
                else:
                    fragment = f"F{len(fragments)}"
                    fragments.append(f"fragment {fragment} on {target} {{ {inner} }}")
                    parts.append(f"...{fragment}")
        if rng.random() < 0.3 or not parts:
            parts.append("__typename")
        return " ".join(parts)

    def field_selection(field_name, field, depth, fragments):
        if field_name == "echo":
            return echo_field()
        text = field_name
        if rng.random() < 0.2:
            text = f"a{rng.randint(0, 2)}: {field_name}"
        if rng.random() < 0.15:
            condition = rng.choice(["true", "false", "$yes", "$no"])
            text += f" @{rng.choice(['skip', 'include'])}(if: {condition})"
        named = get_named_type(field.type)
        if isinstance(named, (GraphQLObjectType, GraphQLInterfaceType, GraphQLUnionType)):
            text += " { " + (selection(field.type, depth + 1, fragments) if depth < 4 else "__typename") + " }"
        return text

    def literal(kind):
        valid = {
            "a": ["1", "-7", "null", "$va"],
            "b": ['["p", "q"]', '"single"', "[]", "null", "$vb", '["p", $vs]'],
            "c": ["GREEN", "BLUE", "$vc", "null"],
            "f": ["{name: \"n\"}", "{min: 5, colors: [RED, $vc]}", "{nested: {name: $vs}}", "$vf", "{}",
                  "{min: null}", "{colors: BLUE}"],
            "n": ["4", "$va"],
            "l": ["[[1, 2], [3]]", "1", "[1, 2]", "[[1], null]", "[[$va]]"],
        }
        invalid = {"a": ['"1"', "2.5"], "b": ["[null]"], "c": ['"RED"'], "f": ["{name: $missing}", "{x: 1}"],
                   "n": ["null"], "l": ['[["a"]]']}
        return rng.choice(invalid[kind] if rng.random() < 0.1 else valid[kind])

    def echo_field():
        arguments = [f"{k}: {literal(k)}" for k in "abcfnl" if rng.random() < 0.4]
        text = f"e{rng.randint(0, 99)}: echo" + (f"({', '.join(arguments)})" if arguments else "")
        return text

    def variable_values():
        valid = {
            "va": [1, None, 3.0, -2],
            "vb": [["a"], "a", None, []],
            "vc": ["BLUE", None],
            "vs": ["s", None],
            "vf": [{"name": "x"}, {"colors": "RED"}, None, {"nested": {"min": 2}}, {"min": None}],
        }
        invalid = {"va": ["x", 2 ** 40, 1.5], "vb": [[None], [1]], "vc": ["PINK", 1], "vs": [5],
                   "vf": [{"min": "1"}, {"nope": 1}, {"colors": ["RED", None]}]}
        chosen = {name: rng.choice(invalid[name] if rng.random() < 0.05 else pool)
                  for name, pool in valid.items() if rng.random() < 0.6}
        if rng.random() < 0.1:
            chosen[rng.choice(["yes", "no"])] = rng.choice([True, False, None])
        return chosen

    def resolve(parent, info, **arguments):
        if info.field_name == "echo":
            return json.dumps(arguments, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        found = parent.get(info.field_name) if isinstance(parent, dict) else None
        if isinstance(found, dict) and "$error" in found:
            raise GraphQLError(found["$error"])
        return found

    def resolve_type(value, info, abstract_type):
        return value.get("__typename")

    query_type = schema.query_type
    with open(path, "a") as out:
        written = 0
        while written < count:
            fragments = []
            root_type = schema.mutation_type if rng.random() < 0.25 else query_type
            body = selection(root_type, 0, fragments)
            if rng.random() < 0.5:
                body += " " + echo_field()
            if root_type is query_type and rng.random() < 0.2:
                name = rng.choice(["Person", "Pet", "Node", "Color", "Filter", "Query", "Missing", "Boolean"])
                body += (f' t: __type(name: "{name}") {{ name kind fields(includeDeprecated: true) {{ name '
                         "args { name defaultValue type { name kind ofType { name kind } } } type { name kind "
                         "ofType { name kind ofType { name kind } } } } interfaces { name } possibleTypes { name } "
                         "enumValues { name isDeprecated } inputFields { name defaultValue } }")
            # Every variable is used, so that only the subject of the case can make the document invalid.
            body += " zz: echo(a: $va, b: $vb, c: $vc, f: {name: $vs, nested: $vf}) @include(if: $yes) @skip(if: $no)"
            header = ("query Q($yes: Boolean = true, $no: Boolean = false, $va: Int, $vb: [String!], $vc: Color = GREEN,"
                      " $vs: String, $vf: Filter)")
            if root_type is not query_type:
                header = "mutation" + header[len("query"):]
            operation = header + " { " + body + " }\n" + "\n".join(fragments)
            document = parse(operation)
            if any("conflict" in e.message for e in validate(schema, document)):
                continue  # two aliases asking for different fields: not this check's subject
            variables = variable_values()
            root = plain(root_type, 0)
            root.pop("__typename", None)
            result = graphql_sync(schema, operation, root_value=root, field_resolver=resolve,
                                  type_resolver=resolve_type, variable_values=variables)
            expected = {"data": result.data, "errors": [
                {"message": e.message, "path": e.path, "locations": [[l.line, l.column] for l in e.locations or []]}
                for e in result.errors or []]}
            out.write(json.dumps({"case": "execute", "schemaSDL": EXECUTION_SDL, "operation": operation,
                                  "rootValue": json.dumps(root), "variables": json.dumps(variables),
                                  "expected": expected}) + "\n")
            written += 1


def in_order(value):
    """The value as text that keeps the order of object members (the response follows the selection order) and
    reads 2.0 and 2 as one number (JSON does not tell them apart)."""
    def plain(v):
        if isinstance(v, dict):
            return [[k, plain(x)] for k, x in v.items()]
        if isinstance(v, list):
            return [plain(x) for x in v]
        if isinstance(v, float) and v.is_integer():
            return int(v)
        return v
    return json.dumps(plain(value))


def generate_validation(path, seed=11):
    """Each random operation of the execution cases (all valid) with one defect put in it: an unknown field,
    argument, directive, type or variable, a value of the wrong kind, a directive out of place, an unused or
    cyclic fragment, a spread that cannot apply, a conflicting alias, a duplicate name. graphql-core validates the
    result with every rule."""
    import random
    from graphql import build_schema, parse, validate, GraphQLSyntaxError
    rng = random.Random(seed)
    schema = build_schema(EXECUTION_SDL)
    operations = [json.loads(line)["operation"] for line in open(path) if '"case": "execute"' in line]

    def replace_one(text, old, new):
        spots = [m.start() for m in re.finditer(re.escape(old), text)]
        if not spots:
            return None
        at = rng.choice(spots)
        return text[:at] + new + text[at + len(old):]

    defects = [
        lambda t: replace_one(t, " name", " nmae"),
        lambda t: replace_one(t, " id", " id(x: 1)"),
        lambda t: replace_one(t, " __typename", " __typename @nope"),
        lambda t: replace_one(t, " __typename", " __typename @skip(if: 1)"),
        lambda t: replace_one(t, " __typename", " __typename @include(if: true) @include(if: false)"),
        lambda t: replace_one(t, "GREEN", "PINK"),
        lambda t: replace_one(t, "$va", "$undefined"),
        lambda t: replace_one(t, "$vc", "$vs"),
        lambda t: replace_one(t, "$vf", "$vb"),
        lambda t: replace_one(t, "{name: $vs", "{name: 5"),
        lambda t: replace_one(t, "n: 4", "n: null"),
        lambda t: replace_one(t, "... on Dog", "... on Color"),
        lambda t: replace_one(t, "... on Cat", "... on Nope"),
        lambda t: replace_one(t, " me {", " me { me: age"),
        lambda t: replace_one(t, " { ", " { id: name "),
        lambda t: replace_one(t, "$vs: String", "$vs: Person"),
        lambda t: replace_one(t, "$va: Int", "$va: Int, $va: String"),
        lambda t: t + "fragment Unused on Person { id }\n",
        lambda t: t + "query Q { __typename }\n",
        lambda t: t + "{ __typename }\n",
        lambda t: t + "fragment Loop on Person { ...Loop2 }\nfragment Loop2 on Person { ...Loop }\n",
        lambda t: replace_one(t, " __typename", " ...OnDog") and replace_one(t, " __typename", " ...OnDog")
        + "fragment OnDog on Dog { barks }\n",
        lambda t: replace_one(t, " __typename", " __typename { x }"),
        lambda t: replace_one(t, " friends", " friends(first: 1)"),
        lambda t: replace_one(t, " strictMe {", " strictMe @deprecated {"),
    ]
    with open(path, "a") as out:
        for text in operations:
            defect = rng.choice(defects)
            changed = defect(text)
            if not changed or changed == text:
                continue
            try:
                document = parse(changed)
            except GraphQLSyntaxError:
                continue
            try:
                errors = validate(schema, document)
            except RecursionError:
                continue
            out.write(json.dumps({"case": "validate", "rule": "one defect", "schemaSDL": EXECUTION_SDL,
                                  "query": changed, "expected": located(errors)}) + "\n")


def located(errors):
    return [{"message": e.message, "locations": [[l.line, l.column] for l in (e.locations or [])]} for e in errors]


def core_locations(text, locations):
    """graphql-core 3.2 reports a position at the very start of a line as one past the end of the line before
    (line 1, column 14 for the first character of line 2 when line 1 is 13 long); graphql-js and Strata say line 2,
    column 1."""
    lines = re.split(r"\r\n|[\n\r]", text)
    fixed = []
    for line, column in locations:
        if line < len(lines) and column == len(lines[line - 1]) + 1:
            line, column = line + 1, 1
        fixed.append([line, column])
    return fixed


def disagreement(case, answer):
    """None when Strata agrees; else (what graphql-core says, what Strata says, messages only Strata gave,
    messages only graphql-core gave)."""
    kind, expected = case["case"], case["expected"]
    if kind == "validate":
        if "errors" not in answer:
            return (expected, answer, [str(answer)], [])
        want = Counter((normalize(e["message"]), tuple(map(tuple, core_locations(case["query"], e["locations"]))))
                       for e in expected)
        got = Counter((normalize(e["message"]), tuple(map(tuple, e["locations"]))) for e in answer["errors"])
        if want == got:
            return None
        return (expected, answer["errors"], [m for m, _ in got - want], [m for m, _ in want - got])
    if kind == "schema":
        return None if (not expected) == answer.get("ok") else (expected, answer, [], [])
    if kind == "parse":
        same = expected["ok"] == answer.get("ok") and (expected["ok"] or expected["locations"] == answer["locations"])
        return None if same else (expected, answer, [], [])
    if kind == "variable":
        same = expected["ok"] == answer.get("ok") and (
            expected["ok"] or normalize(expected["message"]) == normalize(answer["message"]))
        return None if same else (expected, answer, [], [])
    if kind == "execute":
        response = json.loads(answer["response"])
        errors = Counter((normalize(e["message"]), json.dumps(e.get("path")), json.dumps(e.get("locations")))
                         for e in response.get("errors", []))
        want = Counter((normalize(e["message"]), json.dumps(e["path"]),
                        json.dumps([{"line": l[0], "column": l[1]} for l in e["locations"]]))
                       for e in expected["errors"])
        if in_order(response.get("data")) == in_order(expected["data"]) and errors == want:
            return None
        return (expected, response, [(json.loads(p), m) for m, p, _ in errors - want],
                [(json.loads(p), m) for m, p, _ in want - errors])
    if kind == "literal":
        same = expected["ok"] == answer.get("ok") and (
            not expected["ok"] or json.loads(answer["value"]) == expected["value"])
        return None if same else (expected, answer, [], [])
    return (expected, answer, [], [])


def compare(cases_path, answers_path):
    cases = [json.loads(line) for line in open(cases_path)]
    answers = [json.loads(line) for line in open(answers_path)]
    if len(cases) != len(answers):
        sys.exit(f"{len(cases)} cases but {len(answers)} answers")
    totals, known, unexplained = Counter(), Counter(), 0
    for case, answer in zip(cases, answers):
        totals[case["case"]] += 1
        found = disagreement(case, answer)
        if found is None:
            continue
        expected, got, extra, missing = found
        reason = next((name for name, test, _ in KNOWN
                       if case["case"] == "validate" and (extra or missing) and test(case, extra, missing)), None)
        reason = reason or next((name for name, test, _ in KNOWN_VALUES if test(case)), None)
        if case["case"] == "execute" and not reason:
            response = json.loads(answer["response"])
            reason = next((name for name, test, _ in KNOWN_EXECUTION if test(case, response, extra, missing)), None)
            if not reason:
                # Several known differences in one response: take out the argument messages, pair by pair, and
                # explain the rest.
                paths = {json.dumps(p) for p, m in extra if "has invalid value:" in m} & {
                    json.dumps(p) for p, m in missing if "has invalid value {" in m}
                rest_extra = [(p, m) for p, m in extra if json.dumps(p) not in paths]
                rest_missing = [(p, m) for p, m in missing if json.dumps(p) not in paths]
                if paths and KNOWN_EXECUTION[1][1](case, response, rest_extra, rest_missing):
                    reason = KNOWN_EXECUTION[1][0]
        if reason:
            known[reason] += 1
            continue
        unexplained += 1
        print(f"--- {case['case']} ({case.get('rule', case.get('type', ''))})")
        print("    input:       ", json.dumps(case.get("query") or case.get("document") or case.get("variable")
                                              or case.get("literal") or case.get("schemaSDL"))[:400])
        print("    graphql-core:", json.dumps(expected)[:400])
        print("    strata:      ", json.dumps(got)[:400])
    print("cases:", dict(totals))
    for name, test, why in KNOWN + KNOWN_VALUES + KNOWN_EXECUTION:
        if known[name]:
            print(f"known difference, {known[name]} case(s): {name}: {why}")
    print("unexplained disagreements:", unexplained)
    sys.exit(1 if unexplained else 0)


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2])
        generate_execution(sys.argv[2], seed=int(os.environ.get("DIFFERENTIAL_SEED", "7")))
        generate_validation(sys.argv[2], seed=int(os.environ.get("DIFFERENTIAL_SEED", "7")) + 4)
    else:
        compare(sys.argv[2], sys.argv[3])
