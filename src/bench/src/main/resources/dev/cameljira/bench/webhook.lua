-- wrk script of the webhook benchmark: POSTs one signed payload with a unique delivery id per request.
-- args: <X-Hub-Signature value> <payload file> <run id>
local counter = 0
local prefix
local body
local hdrs = {}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  local f = assert(io.open(args[2], "rb"))
  body = f:read("*a")
  f:close()
  prefix = args[3] .. "-" .. tostring(tid or 0) .. "-"
  hdrs["Content-Type"] = "application/json; charset=UTF-8"
  hdrs["X-Hub-Signature"] = args[1]
  hdrs["User-Agent"] = "Atlassian Webhook HTTP Client"
end

function request()
  counter = counter + 1
  hdrs["X-Atlassian-Webhook-Identifier"] = prefix .. counter
  return wrk.format("POST", nil, hdrs, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK requests=%d duration_us=%d p50_us=%d p99_us=%d errors=%d non2xx=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
