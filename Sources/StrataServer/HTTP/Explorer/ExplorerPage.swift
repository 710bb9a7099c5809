/// The query explorer a browser gets at `GET /graphql` (no `query` parameter, `Accept` preferring `text/html`):
/// one HTML page and its script (`/graphql/explorer.js`), both written here, with no resource from another
/// origin, so it works offline. The page sends queries to `/graphql` as any client does and browses the schema
/// through introspection; it writes every value it shows as text (never as HTML). Turned off with
/// `"explorer": false` in the config file or `STRATA_EXPLORER=false`.
enum ExplorerPage {
    static let scriptPath = "/graphql/explorer.js"

    /// Only what the page needs: its own script, inline styles, requests to this origin; no framing.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; "
        + "form-action 'none'; frame-ancestors 'none'"

    /// Whether a GET without a query asks for a page: `text/html` (or `text/*`) is acceptable and at least as
    /// wanted as either JSON media type named explicitly. Wildcards (`*/*`, the default of curl and `fetch`) do not
    /// count for HTML, so API clients keep getting the GraphQL-over-HTTP answer.
    static func isWanted(accept: String?) -> Bool {
        guard let accept else { return false }
        var html = 0
        var json = 0
        for range in AcceptRange.parse(accept) {
            switch (range.type, range.subtype) {
            case ("text", "html"), ("text", "*"): html = max(html, range.quality)
            case ("application", "json"), ("application", "graphql-response+json"): json = max(json, range.quality)
            default: continue
            }
        }
        return html > 0 && html >= json
    }

    static let html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Strata explorer</title>
        <style>
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #1d2330; background: #f4f5f7; height: 100vh;
          display: grid; grid-template-rows: auto 1fr; }
        header { display: flex; gap: .75rem; align-items: center; padding: .5rem .75rem; background: #1d2330; color: #fff; }
        header b { font-size: 15px; }
        header input { width: 12rem; }
        button { font: inherit; padding: .3rem .9rem; border: 0; border-radius: 4px; background: #3b6ee8; color: #fff;
          cursor: pointer; }
        main { display: grid; grid-template-columns: 1fr 1fr 22rem; gap: .5rem; padding: .5rem; min-height: 0; }
        section { display: flex; flex-direction: column; gap: .25rem; min-height: 0; }
        label { font-size: 12px; color: #5a6372; }
        textarea, pre, input { font: 13px/1.45 ui-monospace, Menlo, Consolas, monospace; border: 1px solid #d5d9e0;
          border-radius: 4px; background: #fff; padding: .5rem; margin: 0; }
        textarea { resize: none; }
        #query { flex: 3; } #variables { flex: 1; }
        pre { flex: 1; overflow: auto; white-space: pre-wrap; }
        #types { flex: 1; overflow: auto; background: #fff; border: 1px solid #d5d9e0; border-radius: 4px; padding: .5rem; }
        #types a { color: #3b6ee8; cursor: pointer; text-decoration: none; }
        #types li { margin: .15rem 0; } #types ul { padding-left: 1rem; margin: .25rem 0; }
        .muted { color: #5a6372; } .kind { font-size: 11px; color: #8a93a3; margin-left: .3rem; }
        </style>
        </head>
        <body>
        <header><b>Strata explorer</b>
        <button id="run" title="Ctrl+Enter">Run</button>
        <label for="operation" style="color:#c9cfda">operation</label><input id="operation" placeholder="(first)">
        <label for="actor" style="color:#c9cfda">X-Strata-Actor</label><input id="actor" placeholder="(none)">
        <span id="status" class="muted"></span></header>
        <main>
        <section><label for="query">Query</label><textarea id="query" spellcheck="false"></textarea>
        <label for="variables">Variables (JSON)</label><textarea id="variables" spellcheck="false"></textarea></section>
        <section><label>Response</label><pre id="response"></pre></section>
        <section><label for="filter">Schema</label><input id="filter" placeholder="filter types">
        <div id="types"></div></section>
        </main>
        <script src="\(scriptPath)"></script>
        </body>
        </html>

        """
}
