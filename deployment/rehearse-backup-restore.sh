#!/usr/bin/env bash
# Rehearses README "Operations": backup and restore. A platform on PostgreSQL gets a model
# version, a deployment and materialized features (the serving benchmark's set-up); then the
# database is dumped and the files are archived, the database and the files are destroyed,
# restored from the backup, and the platform started again must serve the same version with the
# same artifact and the same answers.
#
#   deployment/rehearse-backup-restore.sh
#
# Uses ports 28080 (platform) and 28180 (Keycloak), the database mlp_backup_restore (dropped and
# created) and MLP_REHEARSAL_DIR (default /tmp/mlp-backup-restore).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${MLP_REHEARSAL_DIR:-/tmp/mlp-backup-restore}"
db=mlp_backup_restore
export MLP_DATA_DIR="$work/data" MLP_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
    MLP_DB_USER=postgres MLP_DB_PASSWORD= MLP_PORT=28080 MLP_KEYCLOAK_PORT=28180
base="http://localhost:$MLP_PORT"
token_url="http://localhost:$MLP_KEYCLOAK_PORT/realms/mlp/protocol/openid-connect/token"
# What a backup holds besides the database: the shared files and the generated artifact key.
files=(artifacts training-sets batch-predictions keys)

step() { printf '\n==> %s (%s)\n' "$*" "$(date +%T)"; }
token() {
    curl -fsS -d grant_type=password -d client_id=mlp-cli -d username=alice -d password=alice \
        "$token_url" | grep -o '"access_token":"[^"]*"' | cut -d'"' -f4
}
# The version's recorded hash, the hash of the artifact as downloaded, and a prediction.
fingerprint() {
    local t
    t="$(token)"
    curl -fsS -H "Authorization: Bearer $t" "$base/api/v1/models/bench_lr/versions/1" |
        grep -o '"sha256":"[^"]*"'
    curl -fsS -H "Authorization: Bearer $t" "$base/api/v1/models/bench_lr/versions/1/artifact" |
        sha256sum | cut -d' ' -f1
    curl -fsS -H "Authorization: Bearer $t" -H 'Content-Type: application/json' \
        -d '{"inputs":[{"name":"input","shape":[1,8],"datatype":"FP32","data":[0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8]}]}' \
        "$base/v2/models/bench_lr/infer" | grep -o '"outputs":.*'
}

step "a platform on PostgreSQL with a model, a deployment and features"
rm -rf "$work"
mkdir -p "$work"
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
"$here/mlp" start --background
trap '"$here/mlp" stop >/dev/null 2>&1 || true' EXIT
(cd "$here" && ./mvnw -B -q -pl benchmarks exec:exec@serving \
    -Dserving.args="$base $token_url targets=v2 warmup=1 measure=1 concurrency=1") >"$work/setup.txt"
fingerprint >"$work/before.txt"

step "backup: the database first, then the files"
pg_dump -h 127.0.0.1 -U postgres -Fc -f "$work/mlp.dump" "$db"
present=()
for f in "${files[@]}"; do
    [[ ! -e "$MLP_DATA_DIR/$f" ]] || present+=("$f")
done
tar -C "$MLP_DATA_DIR" -czf "$work/files.tgz" "${present[@]}"
tar -tzf "$work/files.tgz" | sed 's|/.*||' | sort | uniq -c
ls -l "$work/mlp.dump" "$work/files.tgz"

step "losing everything: the platform stopped, the database dropped, the files deleted"
"$here/mlp" stop
psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE $db"
(cd "$MLP_DATA_DIR" && rm -rf "${files[@]}" index)

step "restore: the database, then the files; the platform started again"
psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db"
pg_restore -h 127.0.0.1 -U postgres -d "$db" "$work/mlp.dump"
tar -C "$MLP_DATA_DIR" -xzf "$work/files.tgz"
"$here/mlp" start --background
for _ in $(seq 1 60); do
    fingerprint >"$work/after.txt" 2>/dev/null && break
    sleep 1
done

step "before and after"
cat "$work/before.txt"
if diff "$work/before.txt" "$work/after.txt"; then
    echo "restored: the same version, artifact and answer"
    result=0
else
    echo "the restored platform differs"
    result=1
fi
exit "$result"
