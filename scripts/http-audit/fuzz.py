#!/usr/bin/env python3
"""Robustness pass: thousands of damaged GraphQL-over-HTTP requests against a running Strata server.

Each request is one of a few real operations over the default schema (nested lists, connections with filters and
cursors, a mutation, introspection), damaged or not: characters deleted, inserted or repeated, fragments of
GraphQL syntax dropped in, bodies cut short, wrong or hostile variables (NaN, 1e308, bad dates, NUL characters,
bad cursors), stray operation names, GET or POST, either response type. Every answer must be a well-formed
GraphQL response (data or errors; each error a non-empty message; a refused request's errors carrying
`extensions.code`) with a status below 500, and the server must answer every request.

usage: fuzz.py PORT COUNT [SEED]      prints a summary; exits 1 on any failure.
"""
import json
import random
import sys
import time

from strata_http import graphql_url, request

OPERATIONS = [
    "{ users(first: 3) { id name email role createdAt profile { bio } ownedProjects(first: 2) { name "
    "tasks(first: 2) { title status priority tags dueDate assignee { name } } } } }",
    "query Q($w: TaskWhere, $o: [TaskOrderBy!], $f: Int, $a: String) { tasksConnection(where: $w, orderBy: $o, "
    "first: $f, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title "
    "estimateHours } } } }",
    "mutation M($i: CreateTaskInput!) { createTask(input: $i) { id title version } }",
    "{ __schema { types { name kind fields { name args { name defaultValue } } } } }",
    "{ emissionRecords(first: 5) { id quantity kgCO2e activityDate factor { name value unit } laboratory { name } } }",
    'query { task(id: "00000005-0000-4000-8000-000000000001") { id title project { name owner { email } } } }',
    '{ laboratories(first: 2, where: { OR: [{ name: { contains: "a" } }, { NOT: { city: { isNull: true } } }] }) '
    "{ name code members(first: 3) { role user { name } } } }",
]

VARIABLES = [
    None, {}, {"w": {"title": {"contains": "x"}}}, {"w": {"status": {"in": ["TODO", "DONE"]}}, "f": 3},
    {"o": [{"field": "TITLE", "direction": "DESC"}]}, {"f": -5}, {"f": "x"}, {"a": "bzoy"}, {"a": "%%%"},
    {"i": {"title": "t", "projectId": "00000004-0000-4000-8000-000000000001",
           "createdById": "00000001-0000-4000-8000-000000000001"}},
    {"i": {"title": None}}, {"w": {"AND": [{"OR": []}]}}, {"w": {"dueDate": {"lt": "2026-13-45T99:00:00Z"}}},
    {"w": {"estimateHours": {"gt": 1e308}}}, {"w": {"estimateHours": {"gt": "NaN"}}},
    {"w": {"title": {"eq": "\u0000\ud7ff"}}},
]

SINGLE_CHARACTERS = '{}()[]:$!@."\\#,=&| \n\tabcxyz0123456789-+eE'
FRAGMENTS = ["...", '"""', "\\u{1F600}", "on", "fragment F on Task { id }", "@skip(if: true)",
             "@include(if: $x)", "__typename", "null", "99999999999999999999", "1.5e400", "$w"]


def damaged(text, rng):
    """`text` with one to four random edits."""
    chars = list(text)
    for _ in range(rng.randint(1, 4)):
        choice = rng.random()
        at = rng.randrange(len(chars) + 1)
        if choice < 0.3 and chars:
            del chars[rng.randrange(len(chars))]
        elif choice < 0.6:
            chars.insert(at, rng.choice(SINGLE_CHARACTERS))
        elif choice < 0.8 and chars:
            start = rng.randrange(len(chars))
            chars[start:start] = chars[start:start + rng.randint(1, 30)]
        else:
            chars.insert(at, rng.choice(FRAGMENTS))
    return "".join(chars)


def send(port, rng):
    """Sends one random request; returns (request text, status, body)."""
    document = rng.choice(OPERATIONS)
    if rng.random() < 0.8:
        document = damaged(document, rng)
    operation = {"query": document}
    variables = rng.choice(VARIABLES)
    if variables is not None:
        operation["variables"] = variables
    if rng.random() < 0.1:
        operation["operationName"] = rng.choice(["Q", "M", "X", None, 3])
    text = json.dumps(operation)
    if rng.random() < 0.05:
        text = text[:rng.randrange(len(text))]
    accept = rng.choice(["application/json", "application/graphql-response+json", None])
    headers = {"Accept": accept} if accept else {}
    if rng.random() < 0.2:
        query = {"query": document}
        if variables:
            query["variables"] = json.dumps(variables)
        reply = request(graphql_url(port), "GET", headers, query=query)
    else:
        headers["Content-Type"] = "application/json"
        reply = request(graphql_url(port), "POST", headers, text.encode("utf-8", "surrogatepass"))
    return text, reply.status, reply.body


def well_formed(status, body):
    """Whether `body` is a GraphQL response fit for `status`."""
    try:
        response = json.loads(body)
    except ValueError:
        return False
    if not isinstance(response, dict) or ("data" not in response and "errors" not in response):
        return False
    errors = response.get("errors", [])
    if not isinstance(errors, list):
        return False
    for error in errors:
        if not isinstance(error, dict) or not isinstance(error.get("message"), str) or not error["message"]:
            return False
        refused = status >= 400 or "data" not in response
        if refused and "code" not in (error.get("extensions") or {}):
            return False
    return status < 500


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    port, count = int(sys.argv[1]), int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) == 4 else 1
    rng = random.Random(seed)
    failures = 0
    statuses = {}
    for number in range(count):
        try:
            text, status, body = send(port, rng)
        except OSError as error:
            failures += 1
            print(f"request {number}: no answer ({error!r})")
            time.sleep(0.5)
            continue
        statuses[status] = statuses.get(status, 0) + 1
        if not well_formed(status, body):
            failures += 1
            print(f"request {number}: status {status}, body {body[:300]!r}, request {text[:300]}")
    print(f"fuzz: {count} requests (seed {seed}), statuses {dict(sorted(statuses.items()))}, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
