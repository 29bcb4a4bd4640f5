-- wrk: POST /v1/determinations, one shipment that draws on no ledger account
-- (an H100 to Germany in 2024: the October 2023 rule needs no licence there).
-- The key comes from the environment: HF_KEY=... wrk -s nodraw.lua URL
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("HF_KEY")
wrk.body = '{"id":"bench-nodraw","date":"2024-06-01","destination":"DE","units":8,' ..
           '"item":"nvidia-h100-sxm","consignee":{"name":"TU Munich"}}'
