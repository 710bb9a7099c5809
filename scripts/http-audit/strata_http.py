"""The one HTTP client of the scripts in this folder (standard library only): a request as bytes on the wire,
with exactly the headers given (no Accept-Encoding or Content-Type added), and its answer."""
import http.client
import json
import urllib.parse


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def header(self, name):
        return self.headers.get(name.lower(), "")

    def json(self):
        return json.loads(self.body.decode("utf-8"))


def graphql_url(port):
    return f"http://127.0.0.1:{port}/graphql"


def request(url, method="GET", headers=None, body=None, query=None, timeout=30):
    """Sends `body` (text as UTF-8, or bytes) with `headers`; `query` is form-encoded into the URL."""
    parts = urllib.parse.urlsplit(url)
    path = parts.path or "/"
    if query is not None:
        path += "?" + urllib.parse.urlencode(query)
    connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=timeout)
    try:
        data = body.encode("utf-8") if isinstance(body, str) else body
        connection.putrequest(method, path, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        if data is not None:
            connection.putheader("Content-Length", str(len(data)))
        elif method == "POST":
            connection.putheader("Content-Length", "0")
        connection.endheaders(data)
        reply = connection.getresponse()
        received = {name.lower(): value for name, value in reply.getheaders()}
        return Response(reply.status, received, reply.read())
    finally:
        connection.close()


def post_graphql(port, query, variables=None, accept=None, timeout=30):
    """`POST /graphql` with a JSON body `{query, variables?}`."""
    body = {"query": query}
    if variables is not None:
        body["variables"] = variables
    headers = {"Content-Type": "application/json"}
    if accept is not None:
        headers["Accept"] = accept
    return request(graphql_url(port), "POST", headers, json.dumps(body), timeout=timeout)
