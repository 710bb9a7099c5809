-- post-graphql.lua: wrk script that POSTs one GraphQL request body to every connection.
--
-- Where the body comes from, first match wins:
--   1. a script argument (after `--`): a path to a .json file (sent as is, a complete
--      {"query": ...} body) or to any other file (taken as a GraphQL document and wrapped);
--   2. $GRAPHQL_BODY       a complete JSON body;
--   3. $GRAPHQL_BODY_FILE  a path to a complete JSON body;
--   4. $GRAPHQL_QUERY      a GraphQL document, wrapped as {"query": "..."};
--   5. users100.json next to this script: { users(first: 100) { id name email role createdAt } }.
--
-- Examples:
--   wrk -t2 -c32 -d10s -s Benchmarks/wrk/post-graphql.lua http://127.0.0.1:8081/graphql
--   wrk -t2 -c32 -d10s -s Benchmarks/wrk/post-graphql.lua http://127.0.0.1:8081/graphql -- Benchmarks/wrk/users100.json
--   wrk -t2 -c32 -d10s -s Benchmarks/wrk/post-graphql.lua http://127.0.0.1:8081/graphql -- /work/shared/bench/queries/q3.graphql
--   GRAPHQL_QUERY='{ user(id: "u42") { name } }' wrk -t2 -c32 -d10s -s Benchmarks/wrk/post-graphql.lua http://127.0.0.1:8081/graphql

local function read_file(path)
  local f, err = io.open(path, "rb")
  if not f then
    error("post-graphql.lua: cannot open " .. path .. ": " .. tostring(err))
  end
  local text = f:read("*a")
  f:close()
  return text
end

-- JSON string literal for a GraphQL document.
local function json_string(s)
  local escaped = s:gsub('[%c"\\]', function(c)
    if c == '"' then return '\\"'
    elseif c == "\\" then return "\\\\"
    elseif c == "\n" then return "\\n"
    elseif c == "\r" then return "\\r"
    elseif c == "\t" then return "\\t"
    else return string.format("\\u%04x", c:byte())
    end
  end)
  return '"' .. escaped .. '"'
end

local function wrap_query(query)
  return '{"query":' .. json_string(query) .. '}'
end

-- Directory of this script, for the default body.
local function script_dir()
  local source = debug.getinfo(1, "S").source
  if source:sub(1, 1) == "@" then
    return source:sub(2):match("^(.*)/") or "."
  end
  return "."
end

local function trim(s)
  return (s:gsub("^%s+", ""):gsub("%s+$", ""))
end

local function choose_body(args)
  local path = args and args[1]
  if path then
    local text = read_file(path)
    if path:match("%.json$") then return trim(text) end
    return wrap_query(text)
  end
  local body = os.getenv("GRAPHQL_BODY")
  if body and body ~= "" then return body end
  local body_file = os.getenv("GRAPHQL_BODY_FILE")
  if body_file and body_file ~= "" then return trim(read_file(body_file)) end
  local query = os.getenv("GRAPHQL_QUERY")
  if query and query ~= "" then return wrap_query(query) end
  return trim(read_file(script_dir() .. "/users100.json"))
end

-- Runs once per thread; wrk formats the request (with Content-Length) right after.
function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = choose_body(args)
end
