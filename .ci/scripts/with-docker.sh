#!/usr/bin/env bash
# Runs the container suite (or the command given) against a throw-away Docker engine, set up as
# /work/shared/toolchain.md describes: vfs storage, cgroupfs, no iptables and no bridge (containers
# run in the host's network on 127.0.0.1 only), Ryuk off since no image can be pulled. The engine
# and every file it wrote are removed on the way out, whatever happened; the command's exit status
# is the script's.
set -euo pipefail
cd "$(dirname "$0")/../.."

started=$SECONDS
if ! command -v dockerd >/dev/null; then
  echo "with-docker: installing docker.io"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io >/dev/null
  echo "with-docker: docker.io installed in $((SECONDS - started)) s"
fi

D=$(mktemp -d)
DOCKERD_PID=

stop_engine() {
  local status=$?
  set +e
  if [[ -n "$DOCKERD_PID" ]] && kill -0 "$DOCKERD_PID" 2>/dev/null; then
    kill "$DOCKERD_PID"
    # dockerd stops its containers and containerd first: give it 20 s, then stop waiting politely.
    for _ in $(seq 1 40); do kill -0 "$DOCKERD_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$DOCKERD_PID" 2>/dev/null && kill -KILL "$DOCKERD_PID"
    wait "$DOCKERD_PID" 2>/dev/null
  fi
  # The engine's network namespace stays bind-mounted after it exits; unmount anything left under $D.
  awk -v d="$D" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r | while read -r mount; do umount "$mount"; done
  if [[ $status -ne 0 && -f "$D/dockerd.log" ]]; then
    echo "with-docker: exit status $status; the engine's last log lines:" >&2
    tail -n 20 "$D/dockerd.log" >&2
  fi
  rm -rf "$D"
  exit "$status"
}
trap stop_engine EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

dockerd --host "unix://$D/docker.sock" --data-root "$D/root" --exec-root "$D/exec" \
  --pidfile "$D/dockerd.pid" --storage-driver vfs --exec-opt native.cgroupdriver=cgroupfs \
  --iptables=false --ip6tables=false --bridge=none >"$D/dockerd.log" 2>&1 </dev/null &
DOCKERD_PID=$!
export DOCKER_HOST="unix://$D/docker.sock" TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost
# An engine is started right here, so the suite must not skip for want of one: CI=true makes that fail.
export CI="${CI:-true}"

engine_started=$SECONDS
until docker info >/dev/null 2>&1; do
  if ! kill -0 "$DOCKERD_PID" 2>/dev/null; then echo "with-docker: dockerd exited before answering" >&2; exit 1; fi
  if (( SECONDS - engine_started >= 30 )); then echo "with-docker: dockerd did not answer within 30 s" >&2; exit 1; fi
  sleep 0.2
done
echo "with-docker: engine up in $((SECONDS - engine_started)) s ($(docker version --format '{{.Server.Version}}'))"

suite_started=$SECONDS
if [[ $# -eq 0 ]]; then set -- npm run test:container; fi
status=0
"$@" || status=$?
echo "with-docker: '$*' finished with status $status in $((SECONDS - suite_started)) s (total $((SECONDS - started)) s)"
exit "$status"
