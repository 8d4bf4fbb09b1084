#!/usr/bin/env bash
# Big-board rendering benchmark of the web client in headless Chromium (docs/BENCHMARKS.md).
#
#   bench/web/run.sh [records] [runs]          defaults: 5000 3
#   bench/web/run.sh --throttle [records] [runs] [ThrottledLinkBench flags]   defaults: 500 3
#
# --throttle runs org.crossboard.bench.web.ThrottledLinkBench instead: the page reaches the server
# through a slow link (a pacing TCP proxy in the bench: 32,000 B/s each way, 300 ms RTT; flags
# --bps, --rtt, --link cdp for Chromium's own emulation, --peers 20, --edits 30, --no-thin) and it
# reports open time, bytes over the link and edit latency (docs/BENCHMARKS.md "Throttled link").
#
# Starts a fresh server (server/target/crossboard.jar, empty temp data dir, first free port from
# 18190) and runs org.crossboard.bench.web.BoardRenderBench against it: fills one board with
# `records` records, then opens it `runs` times in fresh pages and reports the time to the first
# frame that shows the board and the frame rate while panning (at the opening zoom and zoomed out
# to the whole board).
#
# Environment (optional): SERVER_JAR (default server/target/crossboard.jar: another build to
# compare), COMPRESSION_LEVEL (0: the server compresses nothing), CHROME_PATH (default /usr/bin/chromium), CROSSBOARD_WEBROOT_DIR (serve
# another copy of the web client, e.g. an older commit's, to compare), SERVER_JVM (-Xmx1g).
# Builds what is missing (mvn -q -B -DskipTests package -pl server,bench -am). The server is
# stopped by PID and its data dir removed on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
MAIN=org.crossboard.bench.web.BoardRenderBench
DEFAULT_RECORDS=5000
if [ "${1:-}" = "--throttle" ]; then
  MAIN=org.crossboard.bench.web.ThrottledLinkBench
  DEFAULT_RECORDS=500
  # the 20 simulated people are connections of the bench's one account (default limit 20 per user)
  export MAX_CONNECTIONS_PER_USER="${MAX_CONNECTIONS_PER_USER:-100}"
  shift
fi
RECORDS="${1:-$DEFAULT_RECORDS}"
RUNS="${2:-3}"
shift $(( $# < 2 ? $# : 2 ))
SERVER_JAR="${SERVER_JAR:-server/target/crossboard.jar}"
SERVER_JVM="${SERVER_JVM:--Xmx1g}"
MVN_OFFLINE=""
[ -d "$HOME/.m2/repository" ] && MVN_OFFLINE="-o"

if [ ! -f server/target/crossboard.jar ] || [ ! -d bench/target/classes/org/crossboard/bench/web ]; then
  mvn -q -B $MVN_OFFLINE -DskipTests package -pl server,bench -am
fi
CP_FILE=bench/target/web-bench.classpath
if [ ! -s "$CP_FILE" ] || [ bench/pom.xml -nt "$CP_FILE" ]; then
  mvn -q -B $MVN_OFFLINE dependency:build-classpath -pl bench -Dmdep.outputFile="$PWD/$CP_FILE" >/dev/null
fi

PORT=18190
while (echo >/dev/tcp/127.0.0.1/$PORT) 2>/dev/null; do PORT=$((PORT + 1)); done
DATA=$(mktemp -d /tmp/crossboard-webbench.XXXXXX)
LOG="$DATA.server.log"
PORT=$PORT DATA_DIR="$DATA" java $SERVER_JVM -jar "$SERVER_JAR" >"$LOG" 2>&1 &
SERVER_PID=$!
cleanup() {
  kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/api/health/ready" >/dev/null && break
  sleep 0.2
done
echo "server: $SERVER_JAR ($(sha1sum "$SERVER_JAR" | cut -c1-12)), COMPRESSION_LEVEL=${COMPRESSION_LEVEL:-default}"
echo "server: pid $SERVER_PID, port $PORT, web client from ${CROSSBOARD_WEBROOT_DIR:-the jar}, log $LOG"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "bench/target/classes:$(cat "$CP_FILE")" $MAIN \
  "http://127.0.0.1:$PORT" "$RECORDS" "$RUNS" "$@"
