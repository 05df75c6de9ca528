#!/usr/bin/env bash
# Load benchmark of the gateway (issue 6): a fast loopback mock upstream speaking OpenAI Chat Completions,
# our gateway and Portkey's gateway in front of it, each driven by wrk at fixed concurrency for sync and
# streaming chat completions, plus the upstream called directly as the baseline. Prints throughput and
# p50/p99 latency per target and the latency each gateway adds over the direct call.
#
# Usage: benchmarks/load/run.sh [options]
#   -d SECONDS   measured duration of each wrk run (default 20)
#   -w SECONDS   warm-up run per target and mode before measuring, not reported (default 10)
#   -c "LIST"    connection counts (default "1 32 64"; 1 shows the unloaded per-request overhead)
#   -t THREADS   wrk threads (default 2; never more than the connection count)
#   -m "LIST"    modes: sync and/or stream (default "sync stream")
#   -T "LIST"    targets: direct, gateway and/or portkey (default "direct gateway portkey")
#   -p PORT      first of the three consecutive loopback ports used (default 18101)
# Environment:
#   GATEWAY_JAR        the gateway jar (default router-gateway/target/router-gateway.jar; built when missing)
#   GATEWAY_JAVA_OPTS  JVM flags of the gateway (default "-Xms1g -Xmx1g -XX:+UseParallelGC")
#   UPSTREAM_JAVA_OPTS JVM flags of the mock upstream (default "-Xms256m -Xmx256m -XX:+UseSerialGC")
#   KEEP_LOGS=1        keep the logs and raw wrk output (printed path) instead of deleting them
#
# Everything listens on 127.0.0.1 only; every process this script starts is stopped when it exits.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

DURATION=20
WARMUP=10
CONNECTIONS="1 32 64"
THREADS=2
MODES="sync stream"
TARGETS="direct gateway portkey"
PORT_BASE=18101
while getopts "d:w:c:t:m:T:p:h" opt; do
  case "$opt" in
    d) DURATION="$OPTARG" ;;
    w) WARMUP="$OPTARG" ;;
    c) CONNECTIONS="$OPTARG" ;;
    t) THREADS="$OPTARG" ;;
    m) MODES="$OPTARG" ;;
    T) TARGETS="$OPTARG" ;;
    p) PORT_BASE="$OPTARG" ;;
    h) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "unknown option; see -h" >&2; exit 2 ;;
  esac
done

GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC}"
UPSTREAM_JAVA_OPTS="${UPSTREAM_JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC}"
UPSTREAM_PORT=$PORT_BASE
GATEWAY_PORT=$((PORT_BASE + 1))
PORTKEY_PORT=$((PORT_BASE + 2))
UPSTREAM_BASE="http://127.0.0.1:$UPSTREAM_PORT/v1"
# Not secrets: the gateway's access token for this run and the key the upstream is "called" with.
GATEWAY_TOKEN="load-benchmark-token"
UPSTREAM_KEY="sk-load-benchmark"

die() { echo "run.sh: $*" >&2; exit 1; }
has_target() { [[ " $TARGETS " == *" $1 "* ]]; }

# ---- tools -------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "installing wrk (Debian package)..."
    apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  else
    die "wrk is not installed (Debian: apt-get install -y wrk)"
  fi
fi
command -v java >/dev/null || die "java is not installed"
command -v curl >/dev/null || die "curl is not installed"
if has_target portkey; then
  command -v node >/dev/null || die "node is not installed (needed for Portkey; or leave it out with -T)"
  if [[ ! -f "$HERE/portkey/node_modules/@portkey-ai/gateway/build/start-server.js" ]]; then
    echo "installing Portkey's gateway into benchmarks/load/portkey (npm ci)..."
    (cd "$HERE/portkey" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
  pk_version=$(node -p "require('$HERE/portkey/node_modules/@portkey-ai/gateway/package.json').version")
  hono_version=$(node -p "require('$HERE/portkey/node_modules/@hono/node-server/package.json').version")
  [[ "$pk_version" == "1.15.2" && "$hono_version" == "1.13.8" ]] \
    || die "expected @portkey-ai/gateway 1.15.2 with @hono/node-server 1.13.8, found $pk_version / $hono_version (run npm ci in benchmarks/load/portkey)"
fi

GATEWAY_JAR="${GATEWAY_JAR:-$ROOT/router-gateway/target/router-gateway.jar}"
if has_target gateway && [[ ! -f "$GATEWAY_JAR" ]]; then
  echo "building the gateway jar (./mvnw -B -ntp -q -DskipTests -pl router-gateway -am package)..."
  (cd "$ROOT" && ./mvnw -B -ntp -q -DskipTests -pl router-gateway -am package)
  [[ -f "$GATEWAY_JAR" ]] || die "no gateway jar at $GATEWAY_JAR after the build"
fi

for port in $UPSTREAM_PORT $GATEWAY_PORT $PORTKEY_PORT; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port on 127.0.0.1 is already in use (choose another base with -p)"
  fi
done

# ---- processes -----------------------------------------------------------------------------------------
WORK="$(mktemp -d /tmp/llmrouter-load.XXXXXX)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [[ "${KEEP_LOGS:-0}" == 1 ]]; then
    echo "logs and raw wrk output kept in $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_http() { # url, name, pid: waits up to 60 s for any HTTP answer
  for _ in $(seq 1 300); do
    if curl -s -o /dev/null --max-time 1 "$1"; then return 0; fi
    kill -0 "$3" 2>/dev/null || die "$2 exited while starting; its log: $(tail -5 "$WORK/$2.log")"
    sleep 0.2
  done
  die "$2 did not answer at $1 within 60 s"
}

echo "starting the mock upstream on 127.0.0.1:$UPSTREAM_PORT"
# shellcheck disable=SC2086
java $UPSTREAM_JAVA_OPTS "$HERE/Upstream.java" "$UPSTREAM_PORT" >"$WORK/upstream.log" 2>&1 &
PIDS+=($!)
wait_http "http://127.0.0.1:$UPSTREAM_PORT/" upstream "${PIDS[-1]}"

if has_target gateway; then
  cat >"$WORK/gateway.json" <<EOF
{
  "host": "127.0.0.1",
  "port": $GATEWAY_PORT,
  "env_providers": false,
  "mock": {"enabled": false},
  "providers": [
    {"alias": "openai", "kind": "openai", "endpoint": "$UPSTREAM_BASE", "api_key_env": "LOAD_UPSTREAM_KEY"}
  ]
}
EOF
  echo "starting the gateway on 127.0.0.1:$GATEWAY_PORT ($GATEWAY_JAR, JVM flags: $GATEWAY_JAVA_OPTS)"
  # shellcheck disable=SC2086
  env -u HOST -u PORT LOAD_UPSTREAM_KEY="$UPSTREAM_KEY" GATEWAY_AUTH_TOKENS="$GATEWAY_TOKEN" \
    java $GATEWAY_JAVA_OPTS -jar "$GATEWAY_JAR" --config "$WORK/gateway.json" >"$WORK/gateway.log" 2>&1 &
  PIDS+=($!)
  wait_http "http://127.0.0.1:$GATEWAY_PORT/health" gateway "${PIDS[-1]}"
fi

if has_target portkey; then
  echo "starting Portkey's gateway $pk_version on 127.0.0.1:$PORTKEY_PORT (node $(node --version), --headless)"
  (cd "$HERE/portkey" && exec node --require ./loopback.cjs node_modules/@portkey-ai/gateway/build/start-server.js \
    --port="$PORTKEY_PORT" --headless) >"$WORK/portkey.log" 2>&1 &
  PIDS+=($!)
  wait_http "http://127.0.0.1:$PORTKEY_PORT/" portkey "${PIDS[-1]}"
fi

url_of() {
  case "$1" in
    direct) echo "http://127.0.0.1:$UPSTREAM_PORT/v1/chat/completions" ;;
    gateway) echo "http://127.0.0.1:$GATEWAY_PORT/v1/chat/completions" ;;
    portkey) echo "http://127.0.0.1:$PORTKEY_PORT/v1/chat/completions" ;;
  esac
}

# ---- sanity: every target answers correctly before it is measured ---------------------------------------
check() { # target, mode
  local headers=(-H "Content-Type: application/json")
  case "$1" in
    gateway) headers+=(-H "Authorization: Bearer $GATEWAY_TOKEN") ;;
    *) headers+=(-H "Authorization: Bearer $UPSTREAM_KEY") ;;
  esac
  [[ "$1" == portkey ]] && headers+=(-H "x-portkey-provider: openai" -H "x-portkey-custom-host: $UPSTREAM_BASE")
  local stream=""
  [[ "$2" == stream ]] && stream=',"stream":true'
  local out
  out=$(curl -s --max-time 10 -w '\nHTTP %{http_code}' "${headers[@]}" \
    -d "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]$stream}" "$(url_of "$1")") \
    || die "$1 ($2) did not answer"
  [[ "$out" == *"HTTP 200" ]] || die "$1 ($2) answered: $out"
  if [[ "$2" == stream ]]; then
    [[ "$out" == *'"content":" upstream answering."'* && "$out" == *"data: [DONE]"* ]] \
      || die "$1 ($2) did not relay the stream: $out"
  else
    [[ "$out" == *"upstream answering."* ]] || die "$1 ($2) did not relay the reply: $out"
  fi
}
for target in $TARGETS; do
  for mode in $MODES; do
    check "$target" "$mode"
  done
done
echo "all targets relay sync and streaming replies correctly"

# ---- measurement -----------------------------------------------------------------------------------------
run_wrk() { # target, mode, connections, seconds -> prints the RESULT line
  local t=$THREADS
  ((t > $3)) && t=$3
  LOAD_TARGET="$1" LOAD_STREAM=$([[ "$2" == stream ]] && echo 1 || echo 0) \
    LOAD_GATEWAY_TOKEN="$GATEWAY_TOKEN" LOAD_UPSTREAM_KEY="$UPSTREAM_KEY" LOAD_UPSTREAM_BASE="$UPSTREAM_BASE" \
    wrk -t"$t" -c"$3" -d"${4}s" --timeout 10s -s "$HERE/chat.lua" "$(url_of "$1")" \
    >"$WORK/wrk-$1-$2-c$3-$4s.txt" 2>&1 || die "wrk failed against $1: $(tail -3 "$WORK/wrk-$1-$2-c$3-$4s.txt")"
  grep '^RESULT' "$WORK/wrk-$1-$2-c$3-$4s.txt" || die "no result from wrk against $1 ($2, c=$3)"
}
field() { # name, RESULT line
  sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$2"
}

declare -A RESULT
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
max_conn=$(tr ' ' '\n' <<<"$CONNECTIONS" | sort -n | tail -1)
for mode in $MODES; do
  for target in $TARGETS; do
    if ((WARMUP > 0)); then
      echo "warming up $target ($mode, ${WARMUP}s at $max_conn connections)"
      run_wrk "$target" "$mode" "$max_conn" "$WARMUP" >/dev/null
    fi
  done
  for conns in $CONNECTIONS; do
    for target in $TARGETS; do
      echo "measuring $target ($mode, $conns connections, ${DURATION}s)"
      RESULT[$mode,$conns,$target]=$(run_wrk "$target" "$mode" "$conns" "$DURATION")
    done
  done
done

# ---- report ----------------------------------------------------------------------------------------------
ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }
signed_ms() { awk -v us="$1" 'BEGIN { printf "%+.2f", us / 1000 }'; }
echo
echo "Load benchmark: OpenAI chat completions through each target to a loopback mock upstream"
echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo);" \
  "$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); $(java -version 2>&1 | head -1);" \
  "node $(command -v node >/dev/null && node --version || echo -); load average before: $LOAD_BEFORE"
echo "gateway JVM flags: $GATEWAY_JAVA_OPTS; wrk: up to $THREADS threads, ${DURATION}s per run after ${WARMUP}s warm-up"
echo
printf "%-6s %5s  %-8s %10s %9s %9s %12s %12s %8s\n" mode conns target "req/s" "p50 ms" "p99 ms" \
  "added p50" "added p99" errors
for mode in $MODES; do
  for conns in $CONNECTIONS; do
    base="${RESULT[$mode,$conns,direct]:-}"
    for target in $TARGETS; do
      line="${RESULT[$mode,$conns,$target]}"
      p50=$(field p50_us "$line")
      p99=$(field p99_us "$line")
      errors=$(($(field non2xx "$line") + $(field connect "$line") + $(field read "$line") \
        + $(field write "$line") + $(field timeout "$line")))
      added50="-"
      added99="-"
      if [[ -n "$base" && "$target" != direct ]]; then
        added50=$(signed_ms $((p50 - $(field p50_us "$base"))))
        added99=$(signed_ms $((p99 - $(field p99_us "$base"))))
      fi
      printf "%-6s %5s  %-8s %10.0f %9s %9s %12s %12s %8s\n" "$mode" "$conns" "$target" \
        "$(field rps "$line")" "$(ms "$p50")" "$(ms "$p99")" "$added50" "$added99" "$errors"
    done
    if [[ -n "${RESULT[$mode,$conns,gateway]:-}" && -n "${RESULT[$mode,$conns,portkey]:-}" ]]; then
      awk -v g="$(field rps "${RESULT[$mode,$conns,gateway]}")" -v p="$(field rps "${RESULT[$mode,$conns,portkey]}")" \
        'BEGIN { printf "%-6s %5s  gateway/portkey throughput: %.1fx\n", "", "", g / p }'
    fi
  done
done
echo
echo "added p50/p99: the target's latency percentile minus the direct call's at the same mode and concurrency"
echo "(negative when the target happens to be faster); errors: non-2xx replies plus socket errors and timeouts."
