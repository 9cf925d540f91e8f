-- wrk's side of perf/reports-map.sh: GET /signalements.geojson?bbox=west,south,east,north, one of the 16 views of
-- perf/reports-map.sql drawn at random for each request; at the end, the percentiles and the answers other than 200.
math.randomseed(os.time())

request = function()
  local view = math.random(0, 15)
  local west = 5.27 + (view % 4) * 0.03
  local south = 46.07 + math.floor(view / 4) * 0.02
  return wrk.format("GET", string.format("/signalements.geojson?bbox=%.4f,%.4f,%.4f,%.4f", west, south,
    west + 0.028, south + 0.0072))
end

done = function(summary, latency, requests)
  io.write(string.format("WRK requests=%d seconds=%.3f per_second=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
