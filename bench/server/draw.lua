-- wrk: POST /v1/determinations, each request a new shipment that draws on the
-- durable ledger (AIA to Germany in 2025: a posted transfer on aia:PARTY, a
-- counter without a cap, so every request draws). Ids are unique per thread
-- and request. HF_KEY=... wrk -s draw.lua URL
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  thread_id = tid
  prefix = os.getenv("HF_RUN") or tostring(os.time())
end

function request()
  counter = counter + 1
  local body = string.format('{"id":"draw-%s-%d-%d","date":"2025-06-01","destination":"DE",' ..
    '"units":1,"item":"nvidia-h100-sxm","consignee":{"name":"TU Munich"}}',
    prefix, thread_id, counter)
  return wrk.format("POST", "/v1/determinations", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. os.getenv("HF_KEY")}, body)
end
