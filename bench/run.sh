#!/usr/bin/env bash
# Crossboard load benchmark: one command that starts a fresh server and runs the generator.
#
#   bench/run.sh [clients] [rate] [duration]        defaults: 200 2 60
#
#   clients   WebSocket clients on one board (each creates one note, then patches it)
#   rate      edits per second per client (Poisson arrivals)
#   duration  measured seconds (after WARMUP seconds of load)
#
# Environment (optional): PORT (default: first free port from 18090), WARMUP (5),
# SERVER_JVM (-Xmx1g), BENCH_JVM (-Xmx2g), BENCH_ARGS (extra generator flags, e.g.
# "--decode-cache false"). Builds the jars if missing
# (mvn -q -B -DskipTests package -pl server,bench -am). The server runs pinned to CPU 0 and
# the generator to CPU 1 (taskset), so the generator does not measure itself. The server
# gets an empty DATA_DIR in a temp dir and both run from copies of the jars there; the
# server is stopped and the temp dir removed on exit (the server log is kept in /tmp).
# Exit status: the generator's (0 = nothing lost or duplicated).
set -euo pipefail

CLIENTS="${1:-200}"
RATE="${2:-2}"
DURATION="${3:-60}"
WARMUP="${WARMUP:-5}"
SERVER_JVM="${SERVER_JVM:--Xmx1g}"
BENCH_JVM="${BENCH_JVM:--Xmx2g}"
BENCH_ARGS="${BENCH_ARGS:-}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SERVER_JAR=server/target/crossboard.jar
BENCH_JAR=bench/target/crossboard-bench.jar

if ! command -v taskset >/dev/null; then
  echo "taskset is required (util-linux): the server and generator must run on separate cores" >&2
  exit 2
fi
if [ "$(nproc --all)" -lt 2 ]; then
  echo "need at least 2 CPUs to pin server and generator apart (nproc --all = $(nproc --all))" >&2
  exit 2
fi

if [ ! -f "$SERVER_JAR" ] || [ ! -f "$BENCH_JAR" ]; then
  echo "building jars..."
  mvn -q -B -DskipTests package -pl server,bench -am
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [ -z "${PORT:-}" ]; then
  PORT=18090
  while ! port_free "$PORT"; do PORT=$((PORT + 1)); done
elif ! port_free "$PORT"; then
  echo "port $PORT is in use" >&2
  exit 2
fi

WORK="$(mktemp -d -t crossboard-bench-XXXXXX)"
DATA_DIR="$WORK/data"
SERVER_LOG="$WORK.server.log"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "server did not stop within 10 s of SIGTERM; killing it" >&2
      kill -9 "$SERVER_PID" 2>/dev/null || true
    else
      echo "server stopped on SIGTERM"
    fi
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$DATA_DIR"
# run copies, so that a rebuild during the run cannot swap a jar under a running JVM
cp "$SERVER_JAR" "$WORK/crossboard.jar"
cp "$BENCH_JAR" "$WORK/crossboard-bench.jar"

echo "machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "server:    taskset -c 0 java $SERVER_JVM -jar $SERVER_JAR   (copy; sha256 $(sha256sum "$SERVER_JAR" | cut -c1-12), built $(date -r "$SERVER_JAR" '+%F %T'))"
echo "           PORT=$PORT DATA_DIR=$DATA_DIR, log $SERVER_LOG"
# shellcheck disable=SC2086 # JVM flags are a word list on purpose
PORT="$PORT" DATA_DIR="$DATA_DIR" taskset -c 0 java $SERVER_JVM -jar "$WORK/crossboard.jar" >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!

for i in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "server exited during start-up; log:" >&2
    tail -n 40 "$SERVER_LOG" >&2
    exit 2
  fi
  if [ "$i" -eq 120 ]; then
    echo "server not healthy after 60 s; log:" >&2
    tail -n 40 "$SERVER_LOG" >&2
    exit 2
  fi
  sleep 0.5
done
echo "health:    $(curl -fsS "http://127.0.0.1:$PORT/api/health")"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# busy and total jiffies of cpu0 and cpu1, to see whether anything else competed for the cores
core_ticks() { awk '/^cpu[01] / {printf "%d %d ", $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat; }
TICKS=$(getconf CLK_TCK)
T0=$(cpu_ticks "$SERVER_PID")
C0=$(core_ticks)
S0=$(date +%s.%N)
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "generator: taskset -c 1 java $BENCH_JVM -jar $BENCH_JAR --clients $CLIENTS --rate $RATE --duration $DURATION --warmup $WARMUP $BENCH_ARGS"
set +e
# shellcheck disable=SC2086 # JVM flags and extra args are word lists on purpose
taskset -c 1 java $BENCH_JVM -jar "$WORK/crossboard-bench.jar" --url "http://127.0.0.1:$PORT" \
  --clients "$CLIENTS" --rate "$RATE" --duration "$DURATION" --warmup "$WARMUP" $BENCH_ARGS
RC=$?
set -e
C1=$(core_ticks)
awk -v a="$C0" -v b="$C1" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
  split(a, x, " "); split(b, y, " ");
  printf "core busy during the generator run: cpu0 %.0f %%, cpu1 %.0f %% (load average after: %s)\n",
    100*(y[1]-x[1])/(y[2]-x[2]), 100*(y[3]-x[3])/(y[4]-x[4]), load }'
if kill -0 "$SERVER_PID" 2>/dev/null; then
  T1=$(cpu_ticks "$SERVER_PID")
  S1=$(date +%s.%N)
  awk -v t="$((T1 - T0))" -v hz="$TICKS" -v s0="$S0" -v s1="$S1" \
    'BEGIN { printf "server CPU over the whole generator run (setup+warm-up+window+drain): %.1f s in %.1f s = %.0f %% of its core\n", t/hz, s1-s0, 100*t/hz/(s1-s0) }'
else
  echo "server is no longer running; last log lines:" >&2
  tail -n 40 "$SERVER_LOG" >&2
fi
WARNINGS=$(grep -ciE 'exception|error' "$SERVER_LOG" || true)
echo "server log: $WARNINGS lines mentioning exception/error (log kept at $SERVER_LOG)"
echo "generator exit status: $RC"
exit "$RC"
