"""Compares Strata with graphql-core (Python's port of graphql-js) case by case.

    python3 differential.py generate CASES   appends value-coercion cases (graphql-core's answers included)
    python3 differential.py compare CASES ANSWERS
                                             prints every disagreement; exits 1 if one is not a known difference

Run through run.sh, which records the other cases from graphql-core's own test suite first."""

import itertools
import json
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

# The same for value coercion, matched against the case.
KNOWN_VALUES = [
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


def disagreement(case, answer):
    """None when Strata agrees; else (what graphql-core says, what Strata says, messages only Strata gave,
    messages only graphql-core gave)."""
    kind, expected = case["case"], case["expected"]
    if kind == "validate":
        if "errors" not in answer:
            return (expected, answer, [str(answer)], [])
        want = Counter((normalize(e["message"]), tuple(map(tuple, e["locations"]))) for e in expected)
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
    for name, test, why in KNOWN + KNOWN_VALUES:
        if known[name]:
            print(f"known difference, {known[name]} case(s): {name}: {why}")
    print("unexplained disagreements:", unexplained)
    sys.exit(1 if unexplained else 0)


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2])
    else:
        compare(sys.argv[2], sys.argv[3])
