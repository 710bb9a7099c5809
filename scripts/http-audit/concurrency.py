#!/usr/bin/env python3
"""Lost-update check: many clients update one task at once through a running Strata server, each sending back
the version it read (`expectedVersion`). Every update must either commit or fail with CONFLICT (never a 5xx,
never another error), and afterwards the task's version must have grown by exactly the number of commits, and
its audit trail by exactly one entry per commit: no update lost, none half-written.

usage: concurrency.py PORT [CLIENTS] [UPDATES_PER_CLIENT]      exits 1 on any failure.
"""
import json
import sys
import threading

from strata_http import post_graphql

TASK = "00000005-0000-4000-8000-000000000001"


def post(port, query, variables=None):
    reply = post_graphql(port, query, variables, timeout=60)
    return reply.status, reply.json()


def state(port):
    status, body = post(port, """query($id: ID!) { task(id: $id) { version }
        activityLogs(where: { entityId: { eq: $id } }, first: 10000) { action } }""", {"id": TASK})
    if status != 200 or "errors" in body:
        raise SystemExit(f"concurrency: reading the task failed: {status} {body}")
    return body["data"]["task"]["version"], len(body["data"]["activityLogs"])


def main():
    if len(sys.argv) not in (2, 3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    port = int(sys.argv[1])
    clients = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    version_before, entries_before = state(port)
    outcomes = {"committed": 0, "conflict": 0}
    failures = []
    lock = threading.Lock()

    def client(number):
        for round_number in range(rounds):
            _, read = post(port, "query($id: ID!) { task(id: $id) { version } }", {"id": TASK})
            version = read["data"]["task"]["version"]
            status, body = post(
                port,
                "mutation($id: ID!, $title: String!, $v: Int) "
                "{ updateTask(id: $id, input: { title: $title }, expectedVersion: $v) { version } }",
                {"id": TASK, "title": f"client {number} round {round_number}", "v": version})
            codes = [(error.get("extensions") or {}).get("code") for error in body.get("errors", [])]
            with lock:
                if status == 200 and not codes and body["data"]["updateTask"]["version"] == version + 1:
                    outcomes["committed"] += 1
                elif status == 200 and codes == ["CONFLICT"]:
                    outcomes["conflict"] += 1
                else:
                    failures.append(f"status {status}: {json.dumps(body)[:300]}")

    threads = [threading.Thread(target=client, args=(number,)) for number in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    version_after, entries_after = state(port)
    committed = outcomes["committed"]
    if version_after != version_before + committed:
        failures.append(f"version went from {version_before} to {version_after} after {committed} commits")
    if entries_after != entries_before + committed:
        failures.append(f"audit entries went from {entries_before} to {entries_after} after {committed} commits")
    if committed == 0:
        failures.append("no update committed")
    for failure in failures[:20]:
        print(f"concurrency: {failure}")
    print(f"concurrency: {clients} clients × {rounds} updates: {committed} committed, {outcomes['conflict']} CONFLICT, "
          f"version {version_before} → {version_after}, audit entries {entries_before} → {entries_after}, "
          f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
