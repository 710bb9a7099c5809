#!/usr/bin/env python3
"""Outage check through HTTP: with PostgreSQL stopped under a running Strata server, a query must fail fast
(within 15 s, no hang) with a GraphQL error coded SERVICE_UNAVAILABLE and `/health` must answer 503; once
PostgreSQL is back, the same query must succeed again within 30 s and `/health` answer 200, in the same process.

usage: outage.py PORT STOP_COMMAND START_COMMAND      (each command one shell string; exits 1 on any failure)
"""
import json
import subprocess
import sys
import time

from strata_http import post_graphql, request

QUERY = "{ users(first: 2) { id name } }"


def ask(port):
    """The query, as a GraphQL client sends it: status and parsed body."""
    reply = post_graphql(port, QUERY, accept="application/graphql-response+json", timeout=15)
    return reply.status, reply.json()


def health(port):
    reply = request(f"http://127.0.0.1:{port}/health", timeout=15)
    return reply.status, reply.json()


def codes(body):
    return [(error.get("extensions") or {}).get("code") for error in body.get("errors", [])]


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    port, stop, start = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    failures = []
    status, body = ask(port)
    if status != 200 or "errors" in body:
        print(f"outage: the query fails before the outage: {status} {body}")
        return 1

    subprocess.run(stop, shell=True, check=True, stdout=subprocess.DEVNULL)
    for attempt in range(3):
        started = time.monotonic()
        try:
            status, body = ask(port)
        except OSError as error:
            failures.append(f"down, attempt {attempt}: no answer ({error!r})")
            continue
        took = time.monotonic() - started
        if codes(body) != ["SERVICE_UNAVAILABLE"] or (body.get("data") or {}).get("users") is not None:
            failures.append(f"down, attempt {attempt}: {status} {json.dumps(body)[:300]}")
        print(f"outage: PostgreSQL down, attempt {attempt}: {status} {codes(body)} in {took:.2f} s")
    status, body = health(port)
    if status != 503:
        failures.append(f"/health while down: {status} {body}")

    subprocess.run(start, shell=True, check=True, stdout=subprocess.DEVNULL)
    started = time.monotonic()
    recovered = False
    while time.monotonic() - started < 30:
        try:
            status, body = ask(port)
            if status == 200 and "errors" not in body and len(body["data"]["users"]) == 2:
                recovered = True
                break
        except OSError:
            pass
        time.sleep(0.5)
    if not recovered:
        failures.append(f"no recovery within 30 s after PostgreSQL restarted: {status} {json.dumps(body)[:300]}")
    else:
        print(f"outage: recovered {time.monotonic() - started:.2f} s after PostgreSQL restarted")
    status, body = health(port)
    if status != 200:
        failures.append(f"/health after recovery: {status} {body}")
    for failure in failures:
        print(f"outage: {failure}")
    print(f"outage: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
