-- wrk script: rotate over the paths given after "--" and print the figures
-- as one JSON line (wrk's own output has no 95th percentile).
-- "{n}" in a path becomes a number new on every request (per thread), so
-- that nothing kept for an earlier request answers it.
local paths, counter, serial, threads = {}, 1, 0, 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  for _, value in ipairs(args) do table.insert(paths, value) end
  if #paths == 0 then table.insert(paths, "/") end
end

function request()
  counter = counter % #paths + 1
  local path = paths[counter]
  if path:find("{n}", 1, true) then
    serial = serial + 1
    path = path:gsub("{n}", (id or 0) .. "-" .. serial)
  end
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "seconds": %.3f, "rps": %.2f, "p50_ms": %.2f, ' ..
    '"p95_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, "non2xx": %d, ' ..
    '"timeouts": %d, "socket_errors": %d, "bytes": %d}\n',
    summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    errors.status, errors.timeout,
    errors.connect + errors.read + errors.write, summary.bytes))
end
