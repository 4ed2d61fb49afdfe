-- wrk script for bench.sh: builds one request per call with unique event ids (run id, thread number,
-- counter), so no request is a duplicate of another, and prints one machine-readable line at the end.
--
-- Environment (set by bench.sh):
--   BENCH_TARGET   ping | pixel | link | beacon | events1 | events500 | segment | dni | calls
--   BENCH_CALL_NUMBER  calls: an offline tracking number of the tenant (E.164)
--   BENCH_RUN      a run id, unique per run (prefix of every event id)
--   BENCH_SITE     public site key (pixel, beacon)
--   BENCH_AUTH     value of the Authorization header (events API: "Bearer trk_…"; Segment: "Basic …")
--   BENCH_PATH     request path (with query for GET targets that need none generated)
--   BENCH_BATCH    events per request for events500 / segment (default 500)

local target = os.getenv("BENCH_TARGET") or "ping"
local run = os.getenv("BENCH_RUN") or tostring(os.time())
local site = os.getenv("BENCH_SITE") or ""
local auth = os.getenv("BENCH_AUTH")
local path = os.getenv("BENCH_PATH") or "/v1/ping"
local batch = tonumber(os.getenv("BENCH_BATCH") or "500")

local threads = {}
local counter = 0
tid = 0 -- each thread's number, set by setup() in the thread's own Lua state

function setup(thread)
   table.insert(threads, thread)
   thread:set("tid", #threads)
end

local function now()
   return os.date("!%Y-%m-%dT%H:%M:%SZ")
end

local function nextId()
   counter = counter + 1
   return run .. "-" .. tostring(tid) .. "-" .. tostring(counter)
end

local landing = "https://shop.example/landing?utm_source=bench&utm_medium=cpc&utm_campaign=speed&gclid=BENCH"

local function event(id)
   return '{"event_id":"' .. id .. '","type":"touchpoint","timestamp":"' .. now()
      .. '","visitor_id":"v-' .. id .. '","url":"' .. landing .. '"}'
end

local function segmentMessage(id)
   return '{"type":"track","messageId":"' .. id .. '","anonymousId":"a-' .. id
      .. '","event":"Product Added","timestamp":"' .. now()
      .. '","properties":{"sku":"TENT-2","price":129.9},"context":{"campaign":{"source":"bench","medium":"cpc","name":"speed"},'
      .. '"page":{"url":"' .. landing .. '"}}}'
end

local builders = {}

builders.ping = function()
   return wrk.format("GET", path)
end

builders.link = builders.ping

builders.pixel = function()
   local id = nextId()
   return wrk.format("GET", "/p.gif?k=" .. site .. "&type=page_view&id=" .. id .. "&vid=v-" .. id
      .. "&url=https%3A%2F%2Fshop.example%2Flanding%3Futm_source%3Dbench%26utm_medium%3Dcpc%26utm_campaign%3Dspeed%26gclid%3DBENCH")
end

builders.beacon = function()
   local id = nextId()
   local body = '{"v":1,"site":"' .. site .. '","hits":[{"type":"page_view","id":"' .. id .. '","t":"' .. now()
      .. '","consent":"none","vid":"v-' .. id .. '","sid":"s-' .. id .. '","ss":true,"url":"' .. landing
      .. '","utm":{"source":"bench","medium":"cpc","campaign":"speed"},"click":{"gclid":"BENCH"}}]}'
   return wrk.format("POST", "/v1/collect", {["Content-Type"] = "text/plain;charset=UTF-8"}, body)
end

builders.events1 = function()
   return wrk.format("POST", "/api/v1/events",
      {["Content-Type"] = "application/json", ["Authorization"] = auth}, '{"events":[' .. event(nextId()) .. ']}')
end

builders.events500 = function()
   local parts = {}
   for i = 1, batch do
      parts[i] = event(nextId())
   end
   return wrk.format("POST", "/api/v1/events",
      {["Content-Type"] = "application/json", ["Authorization"] = auth}, '{"events":[' .. table.concat(parts, ",") .. ']}')
end

builders.segment = function()
   local parts = {}
   for i = 1, batch do
      parts[i] = segmentMessage(nextId())
   end
   return wrk.format("POST", "/v1/batch",
      {["Content-Type"] = "application/json", ["Authorization"] = auth}, '{"batch":[' .. table.concat(parts, ",") .. ']}')
end

-- A new visitor session per request: each claims one of the pool's numbers until all are held, then gets
-- the fallback number (the pool under contention: every request locks and skips the held ones).
builders.dni = function()
   local id = nextId()
   return wrk.format("GET", "/api/v1/dni/number?site=" .. site .. "&vid=v-" .. id .. "&sid=s-" .. id
      .. "&consent=granted&url=https%3A%2F%2Fshop.example%2F%3Futm_source%3Dbench%26gclid%3DBENCH")
end

-- A call to the offline number BENCH_CALL_NUMBER, a new provider call id each.
builders.calls = function()
   local id = nextId()
   local body = '{"to":"' .. os.getenv("BENCH_CALL_NUMBER") .. '","from":"+13125550123","call_id":"' .. id
      .. '","started_at":"' .. now() .. '","duration":75,"status":"answered"}'
   return wrk.format("POST", "/api/v1/calls", {["Content-Type"] = "application/json", ["Authorization"] = auth}, body)
end

local build = builders[target] or error("unknown BENCH_TARGET " .. target)

function request()
   return build()
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format("BENCH requests=%d duration_us=%d non2xx3xx=%d socket_errors=%d p50_us=%d p99_us=%d max_us=%d\n",
      summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
      latency:percentile(50), latency:percentile(99), latency.max))
end
