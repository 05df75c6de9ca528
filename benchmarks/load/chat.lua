-- wrk script of the load benchmark (run.sh): POSTs an OpenAI chat completion request, non-streaming or
-- streaming (LOAD_STREAM=1), with the headers the target needs (LOAD_TARGET = direct, gateway or portkey),
-- and prints one machine-readable RESULT line when the run is done.
local stream = os.getenv("LOAD_STREAM") == "1"
local target = os.getenv("LOAD_TARGET") or "direct"

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
if target == "gateway" then
  wrk.headers["Authorization"] = "Bearer " .. (os.getenv("LOAD_GATEWAY_TOKEN") or "")
else
  wrk.headers["Authorization"] = "Bearer " .. (os.getenv("LOAD_UPSTREAM_KEY") or "")
end
if target == "portkey" then
  wrk.headers["x-portkey-provider"] = "openai"
  wrk.headers["x-portkey-custom-host"] = os.getenv("LOAD_UPSTREAM_BASE")
end
wrk.body = '{"model":"gpt-4o-mini","messages":[{"role":"system","content":"You are a terse assistant."},'
  .. '{"role":"user","content":"Say hello to the load benchmark."}],"max_tokens":64,"temperature":0'
  .. (stream and ',"stream":true,"stream_options":{"include_usage":true}' or '') .. '}'

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT requests=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d "
      .. "non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
      summary.requests, summary.requests / secs, latency:percentile(50), latency:percentile(90),
      latency:percentile(99), latency.max, e.status, e.connect, e.read, e.write, e.timeout))
end
