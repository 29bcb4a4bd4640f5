-- wrk script: POST a small JSON shipment-sized body.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"id":"PO-1","date":"2025-06-01","destination":"DE","units":8,"item":"nvidia-h100-sxm","consignee":{"name":"TU Munich"}}'
