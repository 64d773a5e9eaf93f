#!/usr/bin/env bash
# Rehearses a rolling upgrade on this machine. A two-node cluster of an earlier commit, on
# PostgreSQL behind nginx, serves predictions while each node in turn is stopped and started
# again on this checkout's build: the first upgraded node migrates the schema while the other
# still runs the old version. A load driver counts the answers through nginx the whole time.
#
#   deployment/rehearse-rolling-upgrade.sh <earlier commit> [seconds of load, default 480]
#
# Uses ports 28080-28082 (nginx, nodes), 28180 (Keycloak), 28701-28702 (data grid), the database
# mlp_rolling_upgrade (dropped and created) and MLP_REHEARSAL_DIR (default /tmp/mlp-rolling-upgrade).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
earlier="${1:?usage: $0 <earlier commit> [seconds of load]}"
seconds="${2:-480}"
work="${MLP_REHEARSAL_DIR:-/tmp/mlp-rolling-upgrade}"
old="$work/old"
db=mlp_rolling_upgrade

export MLP_DATA_DIR="$work/data" MLP_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
    MLP_DB_USER=postgres MLP_DB_PASSWORD= MLP_PORT=28080 MLP_KEYCLOAK_PORT=28180 \
    MLP_CLUSTER_BASE_PORT=28700
base="http://localhost:$MLP_PORT"
token_url="http://localhost:$MLP_KEYCLOAK_PORT/realms/mlp/protocol/openid-connect/token"

step() { printf '\n==> %s (%s)\n' "$*" "$(date +%T)"; }

step "building $earlier and this checkout"
rm -rf "$work"
mkdir -p "$work"
git -C "$here" worktree add --force --detach "$old" "$earlier" >/dev/null
trap 'git -C "$here" worktree remove --force "$old" 2>/dev/null || true' EXIT
(cd "$old" && ./mvnw -B -q package -pl deployment -am -DskipTests -Dspotless.check.skip=true)
(cd "$here" && ./mvnw -B -q install -DskipTests -Dspotless.check.skip=true)

step "starting two nodes of $earlier"
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
"$old/mlp" cluster start --nodes 2

step "deploying the serving benchmark's model"
(cd "$here" && ./mvnw -B -q -pl benchmarks exec:exec@serving \
    -Dserving.args="$base $token_url targets=v2 warmup=2 measure=3 concurrency=1")

step "load through nginx for $seconds s while the nodes are upgraded one by one"
(cd "$here" && ./mvnw -B -q -pl benchmarks exec:exec@upgrade-load \
    -Dupgrade.args="$base $token_url seconds=$seconds") >"$work/load.txt" 2>&1 &
load=$!
sleep 20
for node in 1 2; do
    step "node $node: stopped on $earlier"
    "$old/mlp" cluster stop-node "$node"
    step "node $node: started on this checkout"
    "$here/mlp" cluster start-node "$node"
    sleep 15
done
"$here/mlp" cluster status
step "waiting for the load to end"
wait "$load" || true
cat "$work/load.txt"
"$here/mlp" cluster stop
