-- wrk script for the metastasectomy-cds benchmark.
-- Environment:
--   BENCH_BODY   file whose bytes are POSTed as application/json (unset: plain GET of the URL's path)
--   BENCH_AUTH   optional value of an Authorization header
--   BENCH_LABEL  free text copied into the JSON summary
--   BENCH_VARY   1: vary the prefetch's whitespace per request (see below)
-- done() prints one line "BENCHJSON {...}" with throughput, latency percentiles (ms) and error counts.

local body_file = os.getenv("BENCH_BODY")
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.body = f:read("*a")
  f:close()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
end
-- BENCH_VARY=1 (scenario (a'), issue 17): every request's prefetch differs in its bytes but not in its content: 12
-- characters of JSON whitespace (spaces and newlines spelling a counter) after "prefetch":{, 4,096 variants per thread,
-- the two threads on different ones. The service's assessment memo (keyed on the prefetch's bytes) then never hits, so
-- this measures what an EHR that never sends the same chart twice costs.
local vary = os.getenv("BENCH_VARY") == "1" and wrk.body ~= nil
local head, tail
if vary then
  local at = assert(string.find(wrk.body, '"prefetch":{', 1, true), 'BENCH_VARY: no "prefetch":{ in the body')
  head = string.sub(wrk.body, 1, at + 11)
  tail = string.sub(wrk.body, at + 12)
end
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local n = 0
if vary then
  request = function()
    n = n + 1
    local v = (n * 2 + (tid or 0)) % 4096
    local pad = {}
    for i = 1, 12 do
      pad[i] = (math.floor(v / 2 ^ (i - 1)) % 2 == 1) and "\n" or " "
    end
    return wrk.format(nil, nil, nil, head .. table.concat(pad) .. tail)
  end
end
local auth = os.getenv("BENCH_AUTH")
if auth and auth ~= "" then
  wrk.headers["Authorization"] = auth
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local function ms(p) return latency:percentile(p) / 1000.0 end
  io.write(string.format(
    'BENCHJSON {"label":"%s","requests":%d,"seconds":%.3f,"rps":%.2f,"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f,"mean":%.3f,' ..
    '"errors_connect":%d,"errors_read":%d,"errors_write":%d,"errors_status":%d,"errors_timeout":%d}\n',
    os.getenv("BENCH_LABEL") or "", summary.requests, seconds, summary.requests / seconds,
    ms(50), ms(90), ms(99), latency.max / 1000.0, latency.mean / 1000.0,
    e.connect, e.read, e.write, e.status, e.timeout))
end
