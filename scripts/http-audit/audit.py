#!/usr/bin/env python3
"""GraphQL-over-HTTP audit: asks a running Strata server what the GraphQL over HTTP draft specification
(https://graphql.github.io/graphql-over-http/draft/) requires or recommends, one request per check.

The checks follow the list of audits the GraphQL foundation's `graphql-http` package runs against servers
(MUST, SHOULD and MAY items alike) and add a few the specification states that it leaves out. Written here,
standard library only, so CI needs neither Node nor npm.

usage: audit.py URL        (for example http://127.0.0.1:8080/graphql)
Prints one line per check and exits 1 when any check fails.
"""
import json
import sys

from strata_http import request

GQL = "application/graphql-response+json"
JSON = "application/json"


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


def status_is(res, *allowed):
    expect(res.status in allowed, f"status {res.status}, expected {' or '.join(map(str, allowed))}: {res.body[:200]!r}")


def status_between(res, low, high):
    expect(low <= res.status <= high, f"status {res.status}, expected {low}–{high}: {res.body[:200]!r}")


def content_type_has(res, media_type):
    value = res.header("content-type")
    expect(media_type in value, f"Content-Type {value!r}, expected {media_type}")


def result(res):
    try:
        body = res.json()
    except (ValueError, UnicodeDecodeError) as error:
        raise Failure(f"body is not JSON ({error}): {res.body[:200]!r}")
    expect(isinstance(body, dict), f"body is not a JSON object: {res.body[:200]!r}")
    return body


def has_errors(res):
    body = result(res)
    errors = body.get("errors")
    expect(isinstance(errors, list) and errors, f"no errors in {body}")
    for error in errors:
        expect(isinstance(error, dict) and isinstance(error.get("message"), str), f"malformed error {error}")
    return body


def no_errors(res):
    body = result(res)
    expect("errors" not in body, f"unexpected errors {body.get('errors')}")
    expect("data" in body, f"no data in {body}")
    return body


def no_data(res):
    body = result(res)
    expect("data" not in body, f"data entry present: {body}")


def kind(value):
    """`value`'s JSON kind with its article, for check titles ("an object", "a number", …)."""
    name = kind_name(value)
    return ("an " if name[0] in "aeiou" else "a ") + name


def kind_name(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def build_checks(url):
    checks = []

    def check(level, title):
        def register(function):
            checks.append((level, title, function))
            return function
        return register

    def post(body, accept=None, content_type=JSON, raw=False):
        headers = {}
        if content_type is not None:
            headers["Content-Type"] = content_type
        if accept is not None:
            headers["Accept"] = accept
        text = body if raw else json.dumps(body)
        return request(url, "POST", headers, text)

    def get(params, accept=None):
        headers = {"Accept": accept} if accept is not None else {}
        return request(url, "GET", headers, query=params)

    typename = {"query": "{ __typename }"}

    # Media types
    @check("SHOULD", "accept application/graphql-response+json and answer with it")
    def _():
        res = post(typename, GQL)
        status_is(res, 200)
        content_type_has(res, GQL)
        no_errors(res)

    @check("MUST", "accept application/json and answer with it")
    def _():
        res = post(typename, JSON)
        status_is(res, 200)
        content_type_has(res, JSON)
        no_errors(res)

    @check("SHOULD", "accept */* and answer with application/json")
    def _():
        res = post(typename, "*/*")
        status_is(res, 200)
        content_type_has(res, JSON)

    # The specification's legacy watershed: from 2025-01-01 a request without Accept is treated as accepting
    # application/graphql-response+json (graphql-http's audit 80D8 still expects application/json).
    @check("SHOULD", "answer a POST without Accept with application/graphql-response+json")
    def _():
        res = post(typename)
        status_is(res, 200)
        content_type_has(res, GQL)

    @check("SHOULD", "answer a GET without Accept with application/graphql-response+json")
    def _():
        res = get(typename)
        status_is(res, 200)
        content_type_has(res, GQL)

    @check("MUST", "answer in UTF-8 and say so")
    def _():
        res = post({"query": '{ __type(name: "Run🏃Swim🏊") { name } }'}, JSON)
        status_is(res, 200)
        res.body.decode("utf-8")
        content_type_has(res, "charset=utf-8")

    @check("MUST", "accept a request that names charset=utf-8")
    def _():
        res = post({"query": '{ __type(name: "Run🏃Swim🏊") { name } }'}, JSON, f"{JSON}; charset=utf-8")
        status_is(res, 200)
        no_errors(res)

    @check("MUST", "accept a request with a charset parameter in other letter case and quotes")
    def _():
        res = post(typename, JSON, f'{JSON.upper()}; Charset="UTF-8"')
        status_is(res, 200)
        no_errors(res)

    @check("MUST", "assume UTF-8 when the request names no charset")
    def _():
        res = post({"query": '{ __type(name: "é") { name } }'}, JSON)
        status_is(res, 200)
        no_errors(res)

    @check("MUST", "refuse a request body in another charset")
    def _():
        res = post(typename, JSON, f"{JSON}; charset=iso-8859-1")
        status_between(res, 400, 499)
        has_errors(res)

    @check("MUST", "answer 406 to an Accept that names only another charset")
    def _():
        res = get(typename, f"{GQL}; charset=iso-8859-1")
        status_is(res, 406)
        has_errors(res)

    @check("SHOULD", "answer 406 to an Accept it cannot serve")
    def _():
        res = post(typename, "text/html")
        status_is(res, 406)

    @check("SHOULD", "prefer the media type with the higher quality value")
    def _():
        res = post(typename, f"{JSON};q=0.5, {GQL};q=0.9")
        status_is(res, 200)
        content_type_has(res, GQL)
        res = post(typename, f"{JSON};q=0.9, {GQL};q=0.5")
        status_is(res, 200)
        expect(GQL not in res.header("content-type"), f"Content-Type {res.header('content-type')}")

    @check("SHOULD", "treat q=0 as not acceptable")
    def _():
        res = post(typename, f"{GQL};q=0, {JSON}")
        status_is(res, 200)
        expect(GQL not in res.header("content-type"), f"Content-Type {res.header('content-type')}")

    # Requests
    @check("MUST", "accept POST requests")
    def _():
        status_is(post(typename), 200)

    @check("MAY", "accept GET requests with URL-encoded parameters")
    def _():
        res = get(typename)
        status_is(res, 200)
        no_errors(res)

    @check("MUST", "refuse a mutation in a GET request with 405 and Allow: POST")
    def _():
        res = get({"query": "mutation { __typename }"}, GQL)
        status_is(res, 405)
        expect("POST" in res.header("allow"), f"Allow {res.header('allow')!r}")

    @check("MUST", "answer HEAD as GET, with the same headers and no body")
    def _():
        head = request(url, "HEAD", {"Accept": GQL}, query=typename)
        got = get(typename, GQL)
        status_is(head, 200)
        expect(head.body == b"", f"HEAD body {head.body[:100]!r}")
        expect(head.header("content-type") == got.header("content-type"),
               f"Content-Type {head.header('content-type')!r} against GET's {got.header('content-type')!r}")
        expect(head.header("content-length") == str(len(got.body)),
               f"Content-Length {head.header('content-length')!r}, GET's body is {len(got.body)} bytes")

    @check("MUST", "refuse a mutation in a HEAD request with 405")
    def _():
        res = request(url, "HEAD", {"Accept": GQL}, query={"query": "mutation { __typename }"})
        status_is(res, 405)

    @check("MUST", "refuse a mutation in a GET request under application/json too")
    def _():
        res = get({"query": "mutation { __typename }"}, JSON)
        status_is(res, 405)

    @check("MUST", "run the selected query of a GET document that also holds a mutation")
    def _():
        res = get({"query": "query Q { __typename } mutation M { __typename }", "operationName": "Q"}, GQL)
        status_is(res, 200)
        no_errors(res)

    @check("SHOULD", "answer 4xx to a POST without Content-Type")
    def _():
        res = request(url, "POST", {}, None)
        status_between(res, 400, 499)

    @check("SHOULD", "answer 415 to a POST with an unsupported Content-Type")
    def _():
        res = post("query=%7B__typename%7D", None, "text/plain", raw=True)
        status_is(res, 415)
        has_errors(res)

    @check("MUST", "accept application/json POST requests")
    def _():
        status_is(post(typename, None, JSON), 200)

    @check("MAY", "answer 400 to a POST without a body")
    def _():
        res = request(url, "POST", {"Content-Type": JSON, "Accept": GQL}, None)
        status_is(res, 400)
        has_errors(res)

    @check("MUST", "answer a POST without a body with errors under application/json")
    def _():
        res = request(url, "POST", {"Content-Type": JSON, "Accept": JSON}, None)
        if JSON in res.header("content-type"):
            has_errors(res)
        else:
            status_is(res, 400)

    # Request parameters
    @check("SHOULD", "answer 400 to a missing {query} under application/graphql-response+json")
    def _():
        res = post({"notquery": "{ __typename }"}, GQL)
        status_is(res, 400)
        has_errors(res)
        no_data(res)

    @check("MAY", "answer 400 with errors to a missing {query} under application/json")
    def _():
        res = post({"notquery": "{ __typename }"}, JSON)
        status_is(res, 400)
        has_errors(res)

    for invalid in [{"obj": "ect"}, 0, False, ["array"]]:
        @check("SHOULD", f"answer 400 to {kind(invalid)} {{query}} under application/graphql-response+json")
        def _(invalid=invalid):
            res = post({"query": invalid}, GQL)
            status_is(res, 400)
            has_errors(res)

        for accept in [JSON, None]:
            @check("MAY", f"answer 400 to {kind(invalid)} {{query}} under {accept or 'no Accept'}")
            def _(invalid=invalid, accept=accept):
                res = post({"query": invalid}, accept)
                status_is(res, 400)
                has_errors(res)

    @check("SHOULD", "allow a string {query} under application/graphql-response+json")
    def _():
        res = post(typename, GQL)
        status_is(res, 200)
        no_errors(res)

    @check("MUST", "allow a string {query} under application/json")
    def _():
        res = post(typename, JSON)
        status_is(res, 200)
        no_errors(res)

    for invalid in [{"obj": "ect"}, 0, False, ["array"]]:
        @check("SHOULD", f"answer 400 to {kind(invalid)} {{operationName}} under application/graphql-response+json")
        def _(invalid=invalid):
            res = post({"operationName": invalid, "query": "{ __typename }"}, GQL)
            status_is(res, 400)
            has_errors(res)

        @check("MAY", f"answer 400 to {kind(invalid)} {{operationName}} under application/json")
        def _(invalid=invalid):
            res = post({"operationName": invalid, "query": "{ __typename }"}, JSON)
            status_is(res, 400)
            has_errors(res)

    @check("SHOULD", "allow a string {operationName} under application/graphql-response+json")
    def _():
        res = post({"operationName": "Query", "query": "query Query { __typename }"}, GQL)
        status_is(res, 200)
        no_errors(res)

    @check("MUST", "allow a string {operationName} under application/json")
    def _():
        res = post({"operationName": "Query", "query": "query Query { __typename }"}, JSON)
        status_is(res, 200)
        no_errors(res)

    @check("MUST", "select the operation {operationName} names among several")
    def _():
        res = post({"operationName": "B", "query": "query A { a: __typename } query B { b: __typename }"}, GQL)
        status_is(res, 200)
        body = no_errors(res)
        expect(body["data"] == {"b": "Query"}, f"data {body['data']}")

    @check("SHOULD", "answer 400 when {operationName} names no operation of the document")
    def _():
        res = post({"operationName": "C", "query": "query A { __typename } query B { __typename }"}, GQL)
        status_is(res, 400)
        has_errors(res)
        no_data(res)

    @check("SHOULD", "answer 400 when a document of several operations comes without {operationName}")
    def _():
        res = post({"query": "query A { __typename } query B { __typename }"}, GQL)
        status_is(res, 400)
        has_errors(res)
        no_data(res)

    for parameter in ["variables", "operationName", "extensions"]:
        for accept in [GQL, JSON]:
            @check("MUST", f"allow a null {{{parameter}}} under {accept}")
            def _(parameter=parameter, accept=accept):
                res = post({"query": "{ __typename }", parameter: None}, accept)
                status_is(res, 200)
                no_errors(res)

    for parameter in ["variables", "extensions"]:
        for invalid in ["string", 0, False, ["array"]]:
            @check("SHOULD", f"answer 400 to {kind(invalid)} {{{parameter}}} under application/graphql-response+json")
            def _(parameter=parameter, invalid=invalid):
                res = post({"query": "{ __typename }", parameter: invalid}, GQL)
                status_is(res, 400)
                has_errors(res)
                no_data(res)

            @check("MAY", f"answer 400 to {kind(invalid)} {{{parameter}}} under application/json")
            def _(parameter=parameter, invalid=invalid):
                res = post({"query": "{ __typename }", parameter: invalid}, JSON)
                status_is(res, 400)
                has_errors(res)

        for accept in [GQL, JSON]:
            @check("MUST", f"allow a map {{{parameter}}} under {accept}")
            def _(parameter=parameter, accept=accept):
                value = {"name": "sometype"} if parameter == "variables" else {"some": "value"}
                res = post({"query": "query Type($name: String!) { __type(name: $name) { name } }"
                            if parameter == "variables" else "{ __typename }", parameter: value}, accept)
                status_is(res, 200)
                no_errors(res)

    for accept in [GQL, JSON]:
        @check("MAY", f"allow URL-encoded JSON {{variables}} in a GET under {accept}")
        def _(accept=accept):
            res = get({"query": "query Type($name: String!) { __type(name: $name) { name } }",
                       "variables": json.dumps({"name": "sometype"})}, accept)
            status_is(res, 200)
            no_errors(res)

        @check("MAY", f"allow URL-encoded JSON {{extensions}} in a GET under {accept}")
        def _(accept=accept):
            res = get({"query": "{ __typename }", "extensions": json.dumps({"some": "value"})}, accept)
            status_is(res, 200)
            no_errors(res)

    @check("SHOULD", "answer 400 to {variables} in a GET that are not a JSON object")
    def _():
        res = get({"query": "{ __typename }", "variables": "[1"}, GQL)
        status_is(res, 400)
        has_errors(res)

    @check("SHOULD", "answer 400 to a GET without {query}")
    def _():
        res = get({"variables": "{}"}, GQL)
        status_is(res, 400)
        has_errors(res)

    # Responses under application/json. A request that is not a well-formed GraphQL-over-HTTP request (no JSON,
    # wrong parameters) gets 400 whatever the Accept; a well-formed one gets 200 even when it fails.
    @check("MAY", "answer 400 to a body that is not JSON under application/json")
    def _():
        res = post('{ "not a JSON', JSON, raw=True)
        status_is(res, 400)
        has_errors(res)

    @check("MAY", "answer 400 to invalid parameters under application/json")
    def _():
        res = post({"qeury": "{ __typename }"}, JSON)
        status_is(res, 400)
        has_errors(res)

    @check("SHOULD", "answer 200 to variables that do not coerce under application/json")
    def _():
        res = post({"query": "query CoerceFailure($id: ID!) { __typename }", "variables": {"id": None}}, JSON)
        status_is(res, 200)
        has_errors(res)
        no_data(res)

    @check("SHOULD", "answer 200 to a document that does not parse under application/json")
    def _():
        res = post({"query": "{"}, JSON)
        status_is(res, 200)
        has_errors(res)

    @check("SHOULD", "answer 200 to a document that does not validate under application/json")
    def _():
        res = post({"query": "{ 8f31403dfe404bccbb0e835f2629c6a7 }"}, JSON)
        status_is(res, 200)
        has_errors(res)

    # Responses under application/graphql-response+json
    @check("SHOULD", "answer 400 to a body that is not JSON under application/graphql-response+json")
    def _():
        res = post('{ "not a JSON', GQL, raw=True)
        status_is(res, 400)
        has_errors(res)
        no_data(res)

    @check("SHOULD", "answer 400 to a body that is JSON but not an object")
    def _():
        res = post("[]", GQL, raw=True)
        status_is(res, 400)
        has_errors(res)

    @check("SHOULD", "answer 400 to invalid parameters under application/graphql-response+json, without data")
    def _():
        res = post({"qeury": "{ __typename }"}, GQL)
        status_is(res, 400)
        has_errors(res)
        no_data(res)

    @check("SHOULD", "answer 400 to a document that does not parse, without data")
    def _():
        res = post({"query": "{"}, GQL)
        status_is(res, 400)
        body = has_errors(res)
        no_data(res)
        expect("locations" in body["errors"][0], f"syntax error without locations: {body}")

    @check("SHOULD", "answer 400 to a document that does not validate, without data")
    def _():
        res = post({"query": "{ 8f31403dfe404bccbb0e835f2629c6a7 }"}, GQL)
        status_is(res, 400)
        has_errors(res)
        no_data(res)

    @check("SHOULD", "answer 400 to variables that do not coerce, without data")
    def _():
        res = post({"query": "query CoerceFailure($id: ID!) { __typename }", "variables": {"id": None}}, GQL)
        status_is(res, 400)
        has_errors(res)
        no_data(res)

    @check("SHOULD", "answer 2xx when execution started and data is present")
    def _():
        res = post({"query": "{ __type(name: \"Query\") { name } }"}, GQL)
        status_is(res, 200)
        no_errors(res)

    @check("MUST", "not accept a subscription over a plain request without saying why")
    def _():
        res = post({"query": "subscription { __typename }"}, GQL)
        status_between(res, 400, 499)
        has_errors(res)

    # Methods
    @check("SHOULD", "answer 405 with Allow to a method it does not support")
    def _():
        res = request(url, "PUT", {"Content-Type": JSON}, json.dumps(typename))
        status_is(res, 405)
        expect("POST" in res.header("allow"), f"Allow {res.header('allow')!r}")

    # Hostile requests: refused with a GraphQL error and a status, never a dropped connection
    @check("SHOULD", "answer 413 with an error to a body over the size limit")
    def _():
        res = post({"query": "{ __typename }", "padding": "a" * (3 << 20)}, GQL)
        status_is(res, 413)
        has_errors(res)

    @check("SHOULD", "answer 400 with a located error to a document nested too deeply")
    def _():
        res = post({"query": "{" + "a{" * 300 + "b" + "}" * 301}, GQL)
        status_is(res, 400)
        body = has_errors(res)
        expect("locations" in body["errors"][0], f"no locations: {body}")

    @check("SHOULD", "answer 400 to a batch (a JSON array of requests), which is not supported")
    def _():
        res = post([typename, typename], GQL)
        status_is(res, 400)
        has_errors(res)

    return checks


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    url = sys.argv[1]
    failed = 0
    checks = build_checks(url)
    for level, title, function in checks:
        try:
            function()
            print(f"ok    {level:6} {title}")
        except Failure as failure:
            failed += 1
            print(f"FAIL  {level:6} {title}: {failure}")
        except OSError as error:
            failed += 1
            print(f"FAIL  {level:6} {title}: {error}")
    print(f"{len(checks)} checks, {len(checks) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
