#!/usr/bin/env bash
# Big-board rendering benchmark of the web client in headless Chromium (docs/BENCHMARKS.md).
#
#   bench/web/run.sh [records] [runs]          defaults: 5000 3
#
# Starts a fresh server (server/target/crossboard.jar, empty temp data dir, first free port from
# 18190) and runs org.crossboard.bench.web.BoardRenderBench against it: fills one board with
# `records` records, then opens it `runs` times in fresh pages and reports the time to the first
# frame that shows the board and the frame rate while panning (at the opening zoom and zoomed out
# to the whole board).
#
# Environment (optional): CHROME_PATH (default /usr/bin/chromium), CROSSBOARD_WEBROOT_DIR (serve
# another copy of the web client, e.g. an older commit's, to compare), SERVER_JVM (-Xmx1g).
# Builds what is missing (mvn -q -B -DskipTests package -pl server,bench -am). The server is
# stopped by PID and its data dir removed on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
RECORDS="${1:-5000}"
RUNS="${2:-3}"
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
PORT=$PORT DATA_DIR="$DATA" java $SERVER_JVM -jar server/target/crossboard.jar >"$LOG" 2>&1 &
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
echo "server: pid $SERVER_PID, port $PORT, web client from ${CROSSBOARD_WEBROOT_DIR:-the jar}, log $LOG"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "bench/target/classes:$(cat "$CP_FILE")" org.crossboard.bench.web.BoardRenderBench \
  "http://127.0.0.1:$PORT" "$RECORDS" "$RUNS"
