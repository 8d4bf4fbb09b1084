#!/usr/bin/env bash
# Crossboard load benchmark: one command that starts fresh server node(s) and runs the generator.
#
#   bench/run.sh [--nodes N] [--cursors R] [--external] [clients] [rate] [duration]
#                                                         defaults: 1 node, 0 cursors, 200 2 60
#   bench/run.sh [--nodes N] --session [participants]    the live-session scenario (default 200)
#
#   clients    WebSocket clients on one board (each creates one note, then patches it)
#   rate       edits per second per client (Poisson arrivals)
#   duration   measured seconds (after WARMUP seconds of load)
#   --cursors  cursor moves per second per client (presence frames, at most 20: one per 50 ms)
#   --nodes    server nodes; with N > 1 the clients are spread over them round-robin and the
#              nodes share one Redis (pub/sub) and one standalone MongoDB-compatible server
#   --external one node, but with the Redis + standalone Mongo set-up of a multi-node run
#   --session  instead of the edit load: one live session (docs/SESSIONS.md) with a facilitator and
#              N participants who all cast 3 dots within 5 s of a vote opening, a 6 s timer closing
#              the vote at zero (org.crossboard.bench.session.SessionBench; more of its flags,
#              e.g. "--rounds 3" or "--spread-ms 1000", through BENCH_ARGS)
#
# Examples: the presence scenario on one node, then on two nodes through Redis:
#   bench/run.sh --cursors 20 300 1 60
#   bench/run.sh --nodes 2 --cursors 20 300 1 60
#
# One node (default): the node uses its own embedded storage (mongo-java-server + H2 file
# under DATA_DIR), exactly as a single-node install. Several nodes (or --external): a
# redis-server (Debian package redis-server; --save '' --appendonly no --bind 127.0.0.1) and a
# standalone mongo-java-server with an H2 file (org.crossboard.bench.EmbeddedMongoLauncher in
# the bench jar; MONGO_BACKEND=memory for its in-memory backend), each on a free loopback port;
# nodes get PORT, DATA_DIR, MONGO_URL, REDIS_URL, a shared random JWT_SECRET and NODE_ID=node-1, node-2, …
#
# Pinning: every server-side process (nodes, Mongo, Redis) on CPU 0, the generator on CPU 1
# (taskset), so the generator does not measure itself. Two nodes sharing one core measure the
# protocol (ops and presence crossing nodes through Redis), not scale-out.
#
# Environment (optional): PORT (first node; default: first free port from 18090), WARMUP (15: JIT and storage warm-up),
# SERVER_JVM (-Xmx1g), BENCH_JVM (-Xmx2g), MONGO_JVM (-Xmx1g), MONGO_BACKEND (h2), BENCH_ARGS
# (extra generator flags, e.g. "--decode-cache false"). Builds the jars if missing
# (mvn -q -B -DskipTests package -pl server,bench -am). Everything runs from copies of the jars
# in a temp dir with empty data dirs; every process started here is stopped by PID and the temp
# dir removed on exit (logs are kept in /tmp).
# Exit status: the generator's (0 = nothing lost or duplicated; with --session: every check
# passed, no cast refused); 2 = setup failed.
set -euo pipefail

NODES=1
CURSORS=0
EXTERNAL=0
SESSION=0
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) NODES="${2:?--nodes needs a value}"; shift 2 ;;
    --cursors) CURSORS="${2:?--cursors needs a value}"; shift 2 ;;
    --external) EXTERNAL=1; shift ;;
    --session) SESSION=1; shift ;;
    --*) echo "unknown option $1 (see the top of $0)" >&2; exit 2 ;;
    *) break ;;
  esac
done
case "$NODES" in ''|*[!0-9]*|0) echo "--nodes must be a positive integer" >&2; exit 2 ;; esac
[ "$NODES" -gt 1 ] && EXTERNAL=1

CLIENTS="${1:-200}"
case "$CLIENTS" in ''|*[!0-9]*|0) echo "clients / participants must be a positive integer" >&2; exit 2 ;; esac
RATE="${2:-2}"
DURATION="${3:-60}"
WARMUP="${WARMUP:-15}"
SERVER_JVM="${SERVER_JVM:--Xmx1g}"
BENCH_JVM="${BENCH_JVM:--Xmx2g}"
MONGO_JVM="${MONGO_JVM:--Xmx1g}"
MONGO_BACKEND="${MONGO_BACKEND:-h2}"
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
if [ "$EXTERNAL" = 1 ] && ! command -v redis-server >/dev/null; then
  echo "redis-server is required for a multi-node run: apt-get install -y redis-server" >&2
  exit 2
fi

if [ ! -f "$SERVER_JAR" ] || [ ! -f "$BENCH_JAR" ]; then
  echo "building jars..."
  mvn -q -B -DskipTests package -pl server,bench -am
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
TAKEN=" "
# first free port from $1 that this script has not handed out yet
free_port() {
  local p=$1
  while ! port_free "$p" || [[ "$TAKEN" == *" $p "* ]]; do p=$((p + 1)); done
  TAKEN="$TAKEN$p "
  echo "$p"
}
if [ -n "${PORT:-}" ]; then
  if ! port_free "$PORT"; then echo "port $PORT is in use" >&2; exit 2; fi
  TAKEN=" $PORT "
  PORTS=("$PORT")
else
  PORTS=("$(free_port 18090)")
fi
for n in $(seq 2 "$NODES"); do PORTS+=("$(free_port $((PORTS[0] + 1)))"); done

WORK="$(mktemp -d -t crossboard-bench-XXXXXX)"
PIDS=()     # every process started here, in start order
NAMES=()
stop_pid() {  # name pid: SIGTERM, then SIGKILL after 10 s
  local name=$1 pid=$2
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "$name did not stop within 10 s of SIGTERM; killing it" >&2
    kill -9 "$pid" 2>/dev/null || true
  else
    echo "$name stopped on SIGTERM"
  fi
}
cleanup() {
  # nodes first (they flush to storage), then Mongo and Redis: reverse start order
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${NAMES[$i]}" "${PIDS[$i]}"; done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# run copies, so that a rebuild during the run cannot swap a jar under a running JVM
cp "$SERVER_JAR" "$WORK/crossboard.jar"
cp "$BENCH_JAR" "$WORK/crossboard-bench.jar"

wait_for() {  # name pid log command...: until the command succeeds, at most 60 s
  local name=$1 pid=$2 log=$3
  shift 3
  for i in $(seq 1 120); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited during start-up; log:" >&2
      tail -n 40 "$log" >&2
      exit 2
    fi
    if [ "$i" -eq 120 ]; then
      echo "$name not ready after 60 s; log:" >&2
      tail -n 40 "$log" >&2
      exit 2
    fi
    sleep 0.5
  done
}
redis_ping() { [ "$(redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null)" = PONG ]; }
node_ok() { curl -fsS "http://127.0.0.1:$1/api/health" | grep -q '"status":"ok"'; }

echo "machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
NODE_ENV=()
if [ "$EXTERNAL" = 1 ]; then
  REDIS_PORT=$(free_port 16379)
  MONGO_PORT=$(free_port 27117)
  mkdir -p "$WORK/redis" "$WORK/mongo"
  echo "redis:     taskset -c 0 redis-server --port $REDIS_PORT ($(redis-server --version | cut -d' ' -f3)), log $WORK.redis.log"
  taskset -c 0 redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
    --dir "$WORK/redis" --daemonize no >"$WORK.redis.log" 2>&1 &
  PIDS+=($!); NAMES+=(redis)
  wait_for redis $! "$WORK.redis.log" redis_ping "$REDIS_PORT"
  echo "mongo:     taskset -c 0 java $MONGO_JVM -cp $BENCH_JAR org.crossboard.bench.EmbeddedMongoLauncher $MONGO_PORT $MONGO_BACKEND, log $WORK.mongo.log"
  # shellcheck disable=SC2086 # JVM flags are a word list on purpose
  taskset -c 0 java $MONGO_JVM -cp "$WORK/crossboard-bench.jar" org.crossboard.bench.EmbeddedMongoLauncher \
    "$MONGO_PORT" "$MONGO_BACKEND" "$WORK/mongo" >"$WORK.mongo.log" 2>&1 &
  PIDS+=($!); NAMES+=(mongo)
  wait_for mongo $! "$WORK.mongo.log" grep -q listening "$WORK.mongo.log"
  # nodes that share boards must verify each other's tokens: one random key for this run
  NODE_ENV=(MONGO_URL="mongodb://127.0.0.1:$MONGO_PORT" REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
    JWT_SECRET="$(head -c 48 /dev/urandom | base64 | tr -d '\n')")
fi

URLS=""
SERVER_PIDS=()
LOGS=()
echo "server:    taskset -c 0 java $SERVER_JVM -jar $SERVER_JAR   (copy; sha256 $(sha256sum "$SERVER_JAR" | cut -c1-12), built $(date -r "$SERVER_JAR" '+%F %T'))"
for n in $(seq 1 "$NODES"); do
  P=${PORTS[$((n - 1))]}
  DATA_DIR="$WORK/data-$n"
  LOG="$WORK.server.log"
  [ "$NODES" -gt 1 ] && LOG="$WORK.node-$n.log"
  mkdir -p "$DATA_DIR"
  SHOWN_ENV=("${NODE_ENV[@]/#JWT_SECRET=*/JWT_SECRET=***}") # never print the key
  echo "           node-$n: PORT=$P DATA_DIR=$DATA_DIR${SHOWN_ENV[*]:+ ${SHOWN_ENV[*]}}, log $LOG"
  # shellcheck disable=SC2086 # JVM flags are a word list on purpose
  env PORT="$P" DATA_DIR="$DATA_DIR" NODE_ID="node-$n" "${NODE_ENV[@]}" \
    taskset -c 0 java $SERVER_JVM -jar "$WORK/crossboard.jar" >"$LOG" 2>&1 &
  PIDS+=($!); NAMES+=("node-$n"); SERVER_PIDS+=($!); LOGS+=("$LOG")
  URLS="$URLS${URLS:+,}http://127.0.0.1:$P"
done
for n in $(seq 1 "$NODES"); do
  wait_for "node-$n" "${SERVER_PIDS[$((n - 1))]}" "${LOGS[$((n - 1))]}" node_ok "${PORTS[$((n - 1))]}"
  echo "health:    $(curl -fsS "http://127.0.0.1:${PORTS[$((n - 1))]}/api/health")"
done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
rss_mib() { awk '/^VmRSS:/ {printf "%.1f MiB", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo "n/a"; }
# busy and total jiffies of cpu0 and cpu1, to see whether anything else competed for the cores
core_ticks() { awk '/^cpu[01] / {printf "%d %d ", $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat; }
TICKS=$(getconf CLK_TCK)
T0=()
for pid in "${PIDS[@]}"; do T0+=("$(cpu_ticks "$pid")"); done
C0=$(core_ticks)
S0=$(date +%s.%N)
TARGET="--url $URLS"
[ "$NODES" -gt 1 ] && TARGET="--urls $URLS"
[ "$CURSORS" != 0 ] && TARGET="$TARGET --cursors $CURSORS"
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
set +e
if [ "$SESSION" = 1 ]; then
  TARGET="--urls $URLS"
  echo "generator: taskset -c 1 java $BENCH_JVM -cp $BENCH_JAR org.crossboard.bench.session.SessionBench $TARGET --participants $CLIENTS $BENCH_ARGS"
  # shellcheck disable=SC2086 # JVM flags and extra args are word lists on purpose
  taskset -c 1 java $BENCH_JVM -cp "$WORK/crossboard-bench.jar" org.crossboard.bench.session.SessionBench $TARGET \
    --participants "$CLIENTS" $BENCH_ARGS
  RC=$?
else
  echo "generator: taskset -c 1 java $BENCH_JVM -jar $BENCH_JAR $TARGET --clients $CLIENTS --rate $RATE --duration $DURATION --warmup $WARMUP $BENCH_ARGS"
  # shellcheck disable=SC2086 # JVM flags and extra args are word lists on purpose
  taskset -c 1 java $BENCH_JVM -jar "$WORK/crossboard-bench.jar" $TARGET \
    --clients "$CLIENTS" --rate "$RATE" --duration "$DURATION" --warmup "$WARMUP" $BENCH_ARGS
  RC=$?
fi
set -e
C1=$(core_ticks)
S1=$(date +%s.%N)
awk -v a="$C0" -v b="$C1" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" 'BEGIN {
  split(a, x, " "); split(b, y, " ");
  printf "core busy during the generator run: cpu0 %.0f %%, cpu1 %.0f %% (load average after: %s)\n",
    100*(y[1]-x[1])/(y[2]-x[2]), 100*(y[3]-x[3])/(y[4]-x[4]), load }'
for i in "${!PIDS[@]}"; do
  pid=${PIDS[$i]}
  name=${NAMES[$i]}
  [ "$name" = node-1 ] && [ "$NODES" = 1 ] && name=server
  if kill -0 "$pid" 2>/dev/null; then
    awk -v n="$name" -v t="$(($(cpu_ticks "$pid") - T0[i]))" -v hz="$TICKS" -v s0="$S0" -v s1="$S1" -v rss="$(rss_mib "$pid")" \
      'BEGIN { printf "%s CPU over the whole generator run (setup+warm-up+window+drain): %.1f s in %.1f s = %.0f %% of its core; RSS %s\n", n, t/hz, s1-s0, 100*t/hz/(s1-s0), rss }'
  else
    echo "$name is no longer running" >&2
  fi
done
for i in "${!SERVER_PIDS[@]}"; do
  LOG=${LOGS[$i]}
  kill -0 "${SERVER_PIDS[$i]}" 2>/dev/null || { echo "last lines of $LOG:" >&2; tail -n 40 "$LOG" >&2; }
  WARNINGS=$(grep -ciE 'exception|error' "$LOG" || true)
  echo "server log: $WARNINGS lines mentioning exception/error (log kept at $LOG)"
done
echo "generator exit status: $RC"
exit "$RC"
