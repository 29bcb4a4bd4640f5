-- wrk: the nodraw shipment at a paced rate. Each connection waits HF_DELAY_MS
-- between requests, so C connections offer about C * 1000 / HF_DELAY_MS
-- requests a second (wrk's latency then is the server's at that load).
-- HF_KEY=... HF_DELAY_MS=6 wrk -c64 -s paced.lua URL
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("HF_KEY")
wrk.body = '{"id":"bench-nodraw","date":"2024-06-01","destination":"DE","units":8,' ..
           '"item":"nvidia-h100-sxm","consignee":{"name":"TU Munich"}}'
local delay_ms = tonumber(os.getenv("HF_DELAY_MS") or "10")
function delay()
  return delay_ms
end
