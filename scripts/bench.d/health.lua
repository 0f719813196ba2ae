-- wrk script: the stock GET request (no request()/response() hooks, so wrk stays as fast as it
-- can); only done() is added, to print `bench.<key>=<value>`. Used by scripts/bench.

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("bench.seconds=%.3f\nbench.requests=%d\n", summary.duration / 1e6, summary.requests))
  io.write(string.format("bench.rps=%.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("bench.non2xx=%d\n", e.status))
  io.write(string.format("bench.socket_errors=%d\n", e.connect + e.read + e.write + e.timeout))
  io.write(string.format("bench.p50_ms=%.2f\nbench.p99_ms=%.2f\n", latency:percentile(50) / 1000,
      latency:percentile(99) / 1000))
end
