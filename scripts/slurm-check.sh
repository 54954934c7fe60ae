#!/usr/bin/env bash
# A sharded ecosys test on a real Slurm: a single-node cluster (munged,
# slurmctld and slurmd on this machine, the recipe of shared/SLURM.md)
# runs the array job that 'ecosys test --emit slurm' prints, with
# sbatch --wait; 'ecosys test merge' of its shards must equal the
# unsharded run byte for byte. The daemons are stopped by their pids.
#
# It needs root and Debian's slurm-wlm and munge (installed if missing).
# Where they cannot be installed (not root, no apt-get, the install
# fails) it says so and exits 0; any other failure exits 1.
#
# Usage: scripts/slurm-check.sh   (from anywhere; builds ./cmd/ecosys)
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
skip() { echo "slurm-check: skipped: $*" >&2; exit 0; }

[ "$(id -u)" = 0 ] || skip "not root (the daemons run as root)"
if ! command -v sbatch >/dev/null || ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  command -v apt-get >/dev/null || skip "no apt-get to install slurm-wlm and munge"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge) >/dev/null 2>&1 \
    || skip "apt-get could not install slurm-wlm and munge"
  echo "slurm-check: installed slurm-wlm and munge in $((SECONDS - start)) s"
fi
[ -r /etc/munge/munge.key ] || skip "the munge package left no /etc/munge/munge.key"

d=$(mktemp -d /tmp/slurm-check.XXXXXX)
chmod 755 "$d"
munged_pid=
cleanup() {
  local pids=()
  for f in "$d/slurmd.pid" "$d/slurmctld.pid"; do
    [ -s "$f" ] && pids+=("$(cat "$f")")
  done
  [ -n "$munged_pid" ] && pids+=("$munged_pid")
  if [ ${#pids[@]} -gt 0 ]; then
    kill "${pids[@]}" 2>/dev/null || true
    for _ in $(seq 50); do  # up to 5 s for them to exit
      alive=0
      for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
      [ $alive = 0 ] && break
      sleep 0.1
    done
  fi
  rm -rf "$d"
}
trap cleanup EXIT
fail() {
  echo "slurm-check: FAILED: $*" >&2
  for f in "$d"/*.log "$d"/job/*.err; do
    [ -f "$f" ] && { echo "--- $f (last 20 lines)" >&2; tail -20 "$f" >&2; }
  done
  exit 1
}

# Munge on its own socket, so that a munged of the system is neither used
# nor disturbed; Slurm is told the socket (AuthInfo).
mkdir -p "$d/state" "$d/spool" "$d/job" "$d/bin" "$d/munge"
chown munge:munge "$d/munge" 2>/dev/null || true
munged --force --socket="$d/munge/munge.socket" --pid-file="$d/munge/munged.pid" \
  --log-file="$d/munged.log" --seed-file="$d/munge/munged.seed" 2>>"$d/munged.log" || fail "munged did not start"
for _ in $(seq 50); do [ -s "$d/munge/munged.pid" ] && break; sleep 0.1; done
munged_pid=$(cat "$d/munge/munged.pid" 2>/dev/null) || fail "munged wrote no pid file"
munge -S "$d/munge/munge.socket" -n | unmunge -S "$d/munge/munge.socket" >/dev/null || fail "munge credentials do not round-trip"

host=$(hostname)
export SLURM_CONF="$d/slurm.conf"
cat > "$SLURM_CONF" <<EOF
ClusterName=local
SlurmctldHost=$host
AuthType=auth/munge
AuthInfo=socket=$d/munge/munge.socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$d/state
SlurmdSpoolDir=$d/spool
SlurmctldPidFile=$d/slurmctld.pid
SlurmdPidFile=$d/slurmd.pid
SlurmctldLogFile=$d/slurmctld.log
SlurmdLogFile=$d/slurmd.log
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
NodeName=$host CPUs=$(nproc) RealMemory=2000 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -f "$SLURM_CONF" || fail "slurmctld did not start"
slurmd -f "$SLURM_CONF" || fail "slurmd did not start"
for _ in $(seq 150); do  # up to 30 s for the node to come up
  sinfo -h -o %t 2>/dev/null | grep -qx idle && break
  sleep 0.2
done
sinfo -h -o %t | grep -qx idle || fail "the node is not idle: $(sinfo 2>&1)"
ready=$SECONDS
echo "slurm-check: Slurm $(sinfo -V | cut -d' ' -f2) up on $host ($(nproc) CPUs) in $((ready - start)) s"

# The built binary, on the PATH that sbatch passes to the tasks.
go build -o "$d/bin/ecosys" ./cmd/ecosys
export PATH="$d/bin:$PATH"
cd "$d/job"
# check NAME ARGS...: the unsharded run of ecosys ARGS, then its array job
# of 4 shards as --emit slurm prints it, merged; equal byte for byte.
check() {
  local name=$1; shift
  ecosys "$@" > "whole-$name.json" 2>"whole-$name.err" || fail "ecosys $*: $(cat "whole-$name.err")"
  ecosys "$@" --emit slurm --shards 4 --out "$name.sbatch"
  local t=$SECONDS sub
  sub=$(sbatch --wait "$name.sbatch") || fail "sbatch --wait $name.sbatch: $sub"
  local jobid=${sub##* } prefix
  prefix=$(sed -n 's/^#SBATCH --output=\(.*\)-%A_%a.json$/\1/p' "$name.sbatch")
  echo "slurm-check: $name: $sub, array 1-4 ended in $((SECONDS - t)) s"
  local n
  n=$(ls "$prefix-${jobid}"_*.json 2>/dev/null | wc -l || true)
  [ "$n" = 4 ] || fail "$n shard files, want 4: $(ls)"
  for f in "$prefix-${jobid}"_*.err; do
    [ -s "$f" ] && { echo "slurm-check: $f:"; sed 's/^/  /' "$f" | head -5; }
  done
  ecosys test merge --format json "$prefix-${jobid}"_*.json > "merged-$name.json"
  cmp "whole-$name.json" "merged-$name.json" || fail "$name: merged shards differ from the unsharded run"
  echo "slurm-check: $name: merge of the 4 shards = unsharded run ($(wc -c < "merged-$name.json") bytes), identical"
}
check test test ledger --stat centralization.betweenness,gini.strength --null gnm --samples 4000 --seed 7 --format json
check ecosystem test ecosystem --samples 199 --robust-samples 199 --power-samples 20 --seed 3 --format json
echo "slurm-check: ok in $((SECONDS - start)) s"
