-- wrk script for the metastasectomy-cds benchmark.
-- Environment:
--   BENCH_BODY   file whose bytes are POSTed as application/json (unset: plain GET of the URL's path)
--   BENCH_AUTH   optional value of an Authorization header
--   BENCH_LABEL  free text copied into the JSON summary
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
