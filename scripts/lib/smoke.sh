# Shared by the smoke checks (scripts/check-run, scripts/check-image); source it, don't run it.

# Prints a TCP port on 127.0.0.1 that nothing listens on (a connection to it is refused).
free_port() {
  local port
  for _ in $(seq 100); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}

# await_200 URL SECONDS PID LOG: polls URL until it answers 200. Fails with the last answer and the log's tail when
# SECONDS pass first or when process PID (the server being checked) exits.
await_200() {
  local url=$1 seconds=$2 pid=$3 log=$4 status=none deadline=$((SECONDS + $2))
  while ((SECONDS < deadline)); do
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)
    [[ $status == 200 ]] && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "FAIL: the server exited before $url answered 200; its log ends:" >&2
      tail -n 40 "$log" >&2
      return 1
    fi
    sleep 1
  done
  echo "FAIL: $url did not answer 200 within ${seconds}s (last status: $status); the log ends:" >&2
  tail -n 40 "$log" >&2
  return 1
}

# await_exit PID SECONDS: waits for process PID to end; fails when SECONDS pass first.
await_exit() {
  local pid=$1 deadline=$((SECONDS + $2))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      echo "FAIL: process $pid still runs ${2}s after it was told to stop" >&2
      return 1
    fi
    sleep 1
  done
}
