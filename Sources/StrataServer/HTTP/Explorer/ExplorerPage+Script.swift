extension ExplorerPage {
    /// The page's behaviour: runs the query (Ctrl+Enter), keeps the editors in local storage, lists the schema's
    /// types from introspection and shows one type's fields, arguments, input fields or values. Every value shown
    /// goes through `textContent`.
    static let script = #"""
        "use strict";
        (function () {
          const $ = (id) => document.getElementById(id);
          const endpoint = "/graphql";
          const saved = (key, fallback) => localStorage.getItem("strata." + key) ?? fallback;
          $("query").value = saved("query", "{\n  __typename\n}\n");
          $("variables").value = saved("variables", "");
          $("operation").value = saved("operation", "");
          $("actor").value = saved("actor", "");
          for (const id of ["query", "variables", "operation", "actor"]) {
            $(id).addEventListener("input", () => localStorage.setItem("strata." + id, $(id).value));
          }

          async function post(query, variables, operationName) {
            const headers = {
              "Content-Type": "application/json",
              "Accept": "application/graphql-response+json, application/json;q=0.9",
            };
            const actor = $("actor").value.trim();
            if (actor) headers["X-Strata-Actor"] = actor;
            const response = await fetch(endpoint, {
              method: "POST", headers, body: JSON.stringify({ query, variables, operationName }),
            });
            const text = await response.text();
            let body = null;
            try { body = JSON.parse(text); } catch (_) { body = null; }
            return { status: response.status, text, body };
          }

          async function run() {
            let variables = null;
            const variablesText = $("variables").value.trim();
            if (variablesText) {
              try { variables = JSON.parse(variablesText); } catch (error) {
                $("status").textContent = "variables are not JSON: " + error.message;
                return;
              }
            }
            $("status").textContent = "running…";
            const started = performance.now();
            try {
              const result = await post($("query").value, variables, $("operation").value.trim() || null);
              const elapsed = (performance.now() - started).toFixed(1);
              $("status").textContent = "HTTP " + result.status + " · " + elapsed + " ms";
              $("response").textContent = result.body ? JSON.stringify(result.body, null, 2) : result.text;
            } catch (error) {
              $("status").textContent = "request failed: " + error.message;
            }
          }
          $("run").addEventListener("click", run);
          document.addEventListener("keydown", (event) => {
            if ((event.ctrlKey || event.metaKey) && event.key === "Enter") { event.preventDefault(); run(); }
          });

          const typeRef = "kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }";
          const introspection = "{ __schema { queryType { name } mutationType { name } subscriptionType { name } " +
            "types { kind name description fields(includeDeprecated: true) { name description isDeprecated " +
            "args { name type { " + typeRef + " } defaultValue } type { " + typeRef + " } } " +
            "inputFields { name description type { " + typeRef + " } defaultValue } interfaces { name } " +
            "possibleTypes { name } enumValues(includeDeprecated: true) { name description isDeprecated } } } }";
          let schema = null;

          const element = (tag, text, className) => {
            const node = document.createElement(tag);
            if (text !== undefined) node.textContent = text;
            if (className) node.className = className;
            return node;
          };
          function typeLink(type) {
            const span = element("span");
            if (type.kind === "NON_NULL") { span.append(typeLink(type.ofType), "!"); return span; }
            if (type.kind === "LIST") { span.append("[", typeLink(type.ofType), "]"); return span; }
            const link = element("a", type.name);
            link.addEventListener("click", () => show(type.name));
            span.append(link);
            return span;
          }

          function list() {
            const container = $("types");
            container.replaceChildren();
            if (!schema) return;
            const filter = $("filter").value.trim().toLowerCase();
            const roots = [schema.queryType, schema.mutationType, schema.subscriptionType].filter(Boolean).map((t) => t.name);
            const types = schema.types
              .filter((t) => !t.name.startsWith("__") && t.name.toLowerCase().includes(filter))
              .sort((a, b) => (roots.includes(b.name) - roots.includes(a.name)) || a.name.localeCompare(b.name));
            const items = element("ul");
            for (const type of types) {
              const item = element("li");
              const link = element("a", type.name);
              link.addEventListener("click", () => show(type.name));
              item.append(link, element("span", type.kind.toLowerCase().replace("_", " "), "kind"));
              items.append(item);
            }
            container.append(items);
          }

          function show(name) {
            const type = schema && schema.types.find((t) => t.name === name);
            if (!type) return;
            const container = $("types");
            container.replaceChildren();
            const back = element("a", "← all types");
            back.addEventListener("click", list);
            container.append(back, element("h3", type.name + " (" + type.kind.toLowerCase().replace("_", " ") + ")"));
            if (type.description) container.append(element("p", type.description, "muted"));
            if (type.interfaces && type.interfaces.length) {
              const line = element("p", "implements ");
              type.interfaces.forEach((i, n) => line.append(n ? ", " : "", typeLink({ kind: "INTERFACE", name: i.name })));
              container.append(line);
            }
            const members = element("ul");
            for (const field of type.fields || []) {
              const item = element("li");
              item.append(element("b", field.name));
              if (field.args.length) {
                item.append("(");
                field.args.forEach((arg, n) => item.append(n ? ", " : "", arg.name + ": ", typeLink(arg.type)));
                item.append(")");
              }
              item.append(": ", typeLink(field.type));
              if (field.isDeprecated) item.append(element("span", "deprecated", "kind"));
              if (field.description) item.append(element("div", field.description, "muted"));
              members.append(item);
            }
            for (const field of type.inputFields || []) {
              const item = element("li");
              item.append(element("b", field.name), ": ", typeLink(field.type));
              if (field.defaultValue !== null) item.append(" = " + field.defaultValue);
              if (field.description) item.append(element("div", field.description, "muted"));
              members.append(item);
            }
            for (const value of type.enumValues || []) {
              const item = element("li");
              item.append(element("b", value.name));
              if (value.description) item.append(element("div", value.description, "muted"));
              members.append(item);
            }
            for (const possible of type.possibleTypes || []) {
              const item = element("li");
              item.append(typeLink({ kind: "OBJECT", name: possible.name }));
              members.append(item);
            }
            container.append(members);
          }

          $("filter").addEventListener("input", list);
          post(introspection, null, null).then((result) => {
            if (result.body && result.body.data) { schema = result.body.data.__schema; list(); }
            else $("types").textContent = "introspection failed: HTTP " + result.status;
          }, (error) => { $("types").textContent = "introspection failed: " + error.message; });
        })();

        """#
}
