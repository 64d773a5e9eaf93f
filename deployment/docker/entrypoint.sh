#!/bin/sh
# Starts the MLP platform inside its container: the essentials of the launcher's start_platform
# (./mlp) without what a container does not need (building, a local Keycloak, pid files, waiting
# for readiness: Kubernetes' probes do that). Settings are the launcher's MLP_* variables; see
# README.md, "Configuration" and "Kubernetes". Extra arguments are passed on to Payara Micro.
set -eu

readonly APP_DIR=/opt/mlp

die() {
    printf 'mlp: error: %s\n' "$*" >&2
    exit 1
}

# Trims white space at both ends (a secret file usually ends with a line break).
trim() {
    printf '%s' "$1" | sed -e '1s/^[[:space:]]*//' -e '$s/[[:space:]]*$//'
}

# Java argument files: "..." quotes, backslash escapes inside them.
argfile_quote() {
    printf '"%s"\n' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"
}

MLP_PORT="${MLP_PORT:-8080}"
MLP_DATA_DIR="${MLP_DATA_DIR:-/var/lib/mlp/data}"
MLP_JAVA_OPTS="${MLP_JAVA_OPTS:--XX:MaxRAMPercentage=60}"

# TLS ends at the Ingress or load balancer; the launcher's keystore handling is not repeated here.
if [ -n "${MLP_HTTPS_PORT:-}" ]; then
    die "MLP_HTTPS_PORT is not supported in the container: end TLS at the Ingress"
fi

# The DataSource is defined by annotation and Payara resolves it from system properties only, so
# the database settings go to the JVM as -D flags, as the launcher passes them.
MLP_DB_URL="${MLP_DB_URL:-jdbc:h2:file:$MLP_DATA_DIR/db/mlp;AUTO_SERVER=FALSE;LOCK_TIMEOUT=10000}"
case "$MLP_DB_URL" in
    jdbc:postgresql:*)
        datasource_class=org.postgresql.ds.PGSimpleDataSource
        default_password=mlp
        ;;
    *)
        datasource_class=org.h2.jdbcx.JdbcDataSource
        default_password=
        ;;
esac
case "$(printf '%s' "$MLP_DB_URL" | tr '[:upper:]' '[:lower:]')" in
    *password=*) die "MLP_DB_URL must not carry a password (it is logged at start); give MLP_DB_PASSWORD_FILE" ;;
esac
MLP_DB_USER="${MLP_DB_USER-mlp}"

# MLP_DB_PASSWORD_FILE: read here, because the password goes into the argument file. The other
# secrets' _FILE variables (MLP_OIDC_CLIENT_SECRET_FILE, MLP_ARTIFACTS_KEY_FILE, ...) are read by
# the platform itself.
if [ -n "${MLP_DB_PASSWORD_FILE:-}" ]; then
    [ -z "${MLP_DB_PASSWORD:-}" ] || die "MLP_DB_PASSWORD and MLP_DB_PASSWORD_FILE are both set; give one of them"
    [ -f "$MLP_DB_PASSWORD_FILE" ] && [ -r "$MLP_DB_PASSWORD_FILE" ] ||
        die "MLP_DB_PASSWORD_FILE names $MLP_DB_PASSWORD_FILE, which is not a readable file"
    db_password="$(trim "$(cat "$MLP_DB_PASSWORD_FILE")")"
    [ -n "$db_password" ] || die "MLP_DB_PASSWORD_FILE names $MLP_DB_PASSWORD_FILE, which is empty"
    unset MLP_DB_PASSWORD_FILE
else
    db_password="${MLP_DB_PASSWORD-$default_password}"
fi
unset MLP_DB_PASSWORD

run_dir="$MLP_DATA_DIR/run"
mkdir -p "$run_dir" "$MLP_DATA_DIR/logs" "$MLP_DATA_DIR/db"
chmod 700 "$run_dir"

# Secrets go into a private argument file, not onto the command line that ps shows.
argfile="$run_dir/platform.args"
(
    umask 077
    {
        argfile_quote "-Dmlp.data.dir=$MLP_DATA_DIR"
        argfile_quote "-Dmlp.db.url=$MLP_DB_URL"
        argfile_quote "-Dmlp.db.user=$MLP_DB_USER"
        argfile_quote "-Dmlp.db.password=$db_password"
        argfile_quote "-Dmlp.db.datasource-class=$datasource_class"
    } >"$argfile"
)
unset db_password

# Payara Micro's runtime folder, fresh every start (as in the launcher: a kept one makes Payara
# deploy the application twice).
payara_root="$run_dir/payara"
rm -rf "$payara_root"

# Payara Micro's data grid (Hazelcast), as the launcher's payara_cluster_args: off unless
# MLP_CLUSTER_DNS or MLP_CLUSTER_MEMBERS says where the members are. MLP_CLUSTER_DNS is a DNS name
# that resolves to every member (in Kubernetes the headless Service): Payara's dns discovery asks
# for all its addresses, where Hazelcast's TCP/IP join would use only one. MLP_CLUSTER_MEMBERS
# lists host:port pairs. The uber-jar was built with --nocluster and keeps that in its
# properties; a --systemproperties file overrides it.
if [ -n "${MLP_CLUSTER_DNS:-}" ] && [ -n "${MLP_CLUSTER_MEMBERS:-}" ]; then
    die "MLP_CLUSTER_DNS and MLP_CLUSTER_MEMBERS are both set; give one of them"
fi
if [ -n "${MLP_CLUSTER_DNS:-}${MLP_CLUSTER_MEMBERS:-}" ]; then
    MLP_CLUSTER_PORT="${MLP_CLUSTER_PORT:-5701}"
    MLP_CLUSTER_NAME="${MLP_CLUSTER_NAME:-mlp}"
    MLP_NODE_NAME="${MLP_NODE_NAME:-$(uname -n)}"
    export MLP_NODE_NAME
    case "$MLP_CLUSTER_PORT" in
        '' | *[!0-9]*) die "MLP_CLUSTER_PORT must be a port number, got '$MLP_CLUSTER_PORT'" ;;
    esac
    case "$MLP_CLUSTER_NAME$MLP_NODE_NAME" in
        *[!A-Za-z0-9._-]*) die "MLP_CLUSTER_NAME and MLP_NODE_NAME may only contain letters, digits and . _ -" ;;
    esac
    if [ -n "${MLP_CLUSTER_DNS:-}" ]; then
        case "$MLP_CLUSTER_DNS" in
            *[!A-Za-z0-9.-]* | .* | *.) die "MLP_CLUSTER_DNS must be a DNS name, got '$MLP_CLUSTER_DNS'" ;;
        esac
        discovery="dns:$MLP_CLUSTER_DNS:$MLP_CLUSTER_PORT"
    else
        discovery="tcpip:$MLP_CLUSTER_MEMBERS"
    fi
    cluster_properties="$run_dir/cluster.properties"
    printf '# written by the entrypoint: the data grid on, whatever the uber-jar says\npayaramicro.noCluster=false\n' \
        >"$cluster_properties"
    set -- --systemproperties "$cluster_properties" \
        --clustermode "$discovery" --startport "$MLP_CLUSTER_PORT" \
        --clustername "$MLP_CLUSTER_NAME" --name "$MLP_NODE_NAME" "$@"
else
    set -- --nocluster "$@"
fi

# MLP_JAVA_OPTS is split on white space, without file name expansion.
set -f
# shellcheck disable=SC2086
exec java --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector \
    $MLP_JAVA_OPTS "@$argfile" \
    -jar "$APP_DIR/mlplatform.jar" --port "$MLP_PORT" --rootDir "$payara_root" \
    --postbootcommandfile "$APP_DIR/post-boot-commands.asadmin" \
    "$@"
