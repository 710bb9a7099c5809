"""Strata's own HTTP behaviour beyond the GraphQL-over-HTTP audit, checked on a live server:
the browser explorer at /graphql (page, script, HEAD, and API clients untouched) and the refusal of JSON
objects that name a key twice. Usage: strata_checks.py URL (the server's /graphql URL)."""
import json
import sys

from strata_http import request

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
failures = []


def check(name, condition, detail=""):
    print(("ok    " if condition else "FAIL  ") + name + ("" if condition else f" — {detail}"))
    if not condition:
        failures.append(name)


def main(url):
    base = url.rsplit("/graphql", 1)[0]
    page = request(url, "GET", {"Accept": BROWSER})
    check("a browser gets the explorer page", page.status == 200 and page.header("content-type") == "text/html; charset=utf-8",
          f"{page.status} {page.header('content-type')}")
    check("the page loads only its own script", b'<script src="/graphql/explorer.js"></script>' in page.body
          and b"http" not in page.body.split(b"<body>", 1)[-1])
    policy = page.header("content-security-policy")
    check("the page is served under a same-origin content security policy",
          "default-src 'none'" in policy and "script-src 'self'" in policy and "frame-ancestors 'none'" in policy, policy)
    head = request(url, "HEAD", {"Accept": BROWSER})
    check("HEAD gets the page's headers and no body",
          head.status == 200 and head.body == b"" and head.header("content-length") == str(len(page.body)),
          f"{head.status} {len(head.body)} {head.header('content-length')}")
    script = request(base + "/graphql/explorer.js", "GET", {"Accept": "*/*"})
    check("the script is served as JavaScript", script.status == 200
          and script.header("content-type") == "text/javascript; charset=utf-8" and b"innerHTML" not in script.body,
          f"{script.status} {script.header('content-type')}")
    for accept in ["*/*", "application/json", "application/graphql-response+json"]:
        api = request(url, "GET", {"Accept": accept})
        check(f"an API client ({accept}) without a query still gets 400 JSON",
              api.status == 400 and api.header("content-type").startswith("application/"), f"{api.status}")
    repeated = request(url, "POST", {"Content-Type": "application/json"},
                       '{"query": "{ __typename }", "query": "mutation { __typename }"}')
    body = json.loads(repeated.body) if repeated.body else {}
    errors = body.get("errors") or [{}]
    check("a body naming a key twice gets 400 BAD_REQUEST and runs nothing",
          repeated.status == 400 and errors[0].get("extensions", {}).get("code") == "BAD_REQUEST" and "data" not in body,
          repeated.body[:200])
    print(f"{len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
