#!/usr/bin/env bash
# Runs the server's container image without a container engine, the way one would run it:
#
#   smoke-test.sh <image tar from jib:buildTar> <referral JSON to post> [class-data option]
#
# with --write-class-data <file>, the run is also the training run of the image's class-data
# archive: the JVM records every class this workload loads and writes them, as it exits, to
# <file> (docs/CONTAINER.md). With --expect-class-data it checks that the server mapped the
# archive the image ships, that is, that the JVM accepted it rather than silently starting without.
#
# unpacks the image's layers into a root filesystem, then, in new network, mount and PID
# namespaces (only a loopback interface, as a container has), starts the image's entrypoint
# under chroot as the image's user with the image's environment and `--host 0.0.0.0`, and checks:
# the server answers /health and the FHIR metadata, takes a referral from a bearer token signed
# by a key only this script holds and gives it back, runs as uid 65532 rather than root, and
# writes its database into /data as that user. Needs root (chroot, namespaces, mounts), util-linux,
# curl, jq and openssl. Everything it makes is under one temporary folder, removed at the end.
set -euo pipefail

image_tar=$(readlink -f "$1")
example=$(readlink -f "$2")
class_data_mode=${3:-}
class_data_out=${4:-}
port=8080
fail() { echo "smoke-test: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "needs root for chroot and namespaces (or build with -DskipTests)"
for tool in unshare chroot curl jq openssl; do
    command -v "$tool" >/dev/null || fail "needs $tool"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/image" "$work/rootfs"
tar -xf "$image_tar" -C "$work/image"

# Layers in order, as a container engine stacks them; a scratch-based image has no deletions.
while read -r layer; do
    tar -xzf "$work/image/$layer" -C "$work/rootfs" --numeric-owner --same-owner --same-permissions \
        --warning=no-unknown-keyword
done < <(jq -r '.[0].Layers[]' "$work/image/manifest.json")
if find "$work/rootfs" -name '.wh.*' | grep -q .; then fail "unexpected whiteout files in the layers"; fi
rootfs=$work/rootfs

config=$work/image/$(jq -r '.[0].Config' "$work/image/manifest.json")
user=$(jq -r '.config.User' "$config")
[ "$user" = "65532:65532" ] || fail "the image's user is '$user', not 65532:65532"
[ "$(jq -r '.config.Volumes | keys[]' "$config")" = "/data" ] || fail "the image does not declare /data a volume"
[ "$(stat -c %u:%g "$rootfs/data")" = "65532:65532" ] || fail "/data is not owned by the server's user"
others=$(find "$rootfs" ! -uid 0 ! -path "$rootfs/data")
[ -z "$others" ] || fail "files not owned by root besides /data: $others"
if find "$rootfs" -perm -o+w ! -type l ! -path "$rootfs/tmp" | grep -q .; then fail "world-writable files besides /tmp"; fi

# The example as a client sends it: without the fields the server assigns.
referral=$work/referral.json
jq 'del(.id, .status, .referralId, .version)' "$example" > "$referral"

# A token issuer of our own: an Ed25519 key pair; the server gets the public half read-only.
openssl genpkey -algorithm ed25519 -out "$work/issuer.pem" 2>/dev/null
mkdir -p "$rootfs/etc/linkway"
openssl pkey -in "$work/issuer.pem" -pubout -out "$rootfs/etc/linkway/token-keys.pem"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
header=$(printf '{"alg":"EdDSA","typ":"JWT"}' | b64url)
claims=$(printf '{"sub":"smoke@image-test","org":"image-test","role":"admin","iss":"https://issuer.example","aud":"linkway","iat":%d,"exp":%d}' \
    "$(date +%s)" "$(( $(date +%s) + 600 ))" | b64url)
printf '%s.%s' "$header" "$claims" > "$work/signing-input"
signature=$(openssl pkeyutl -sign -rawin -inkey "$work/issuer.pem" -in "$work/signing-input" | b64url)
token="$header.$claims.$signature"

# The container: entrypoint and environment exactly as the image's config gives them.
mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' "$config")
mapfile -t environment < <(jq -r '.config.Env[]' "$config")
workdir=$(jq -r '.config.WorkingDir' "$config")
if [ "$class_data_mode" = --write-class-data ]; then
    # right after the java binary: the JVM writes the archive where the server's user may write
    entrypoint=("${entrypoint[0]}" -XX:ArchiveClassesAtExit=/tmp/linkway-server.jsa "${entrypoint[@]:1}")
fi
printf '%s\n' "${entrypoint[@]}" > "$work/entrypoint"
printf '%s\n' "${environment[@]}" > "$work/environment"

chroot_bin=$(command -v chroot)
export rootfs work port token referral workdir user chroot_bin class_data_mode
unshare --net --mount --pid --fork --kill-child --mount-proc bash -euo pipefail -c '
    fail() { echo "smoke-test: FAILED: $*" >&2; exit 1; }
    ip link set lo up
    # what a container engine provides: /proc, a few devices, nothing else of the host
    mkdir -p "$rootfs/proc" "$rootfs/dev"
    mount -t proc proc "$rootfs/proc"
    mount -t tmpfs -o mode=755 tmpfs "$rootfs/dev"
    for d in null zero random urandom; do touch "$rootfs/dev/$d"; mount --bind "/dev/$d" "$rootfs/dev/$d"; done

    mapfile -t entrypoint < "$work/entrypoint"
    mapfile -t environment < "$work/environment"
    launched=$(date +%s%N)
    ( cd "$rootfs$workdir" && exec env -i "${environment[@]}" \
        LINKWAY_JWT_KEYS=/etc/linkway/token-keys.pem LINKWAY_JWT_ISSUER=https://issuer.example LINKWAY_JWT_AUDIENCE=linkway \
        "$chroot_bin" --userspec="$user" "$rootfs" "${entrypoint[@]}" --host 0.0.0.0 --port "$port" ) > "$work/server.log" 2>&1 &
    server=$!

    for _ in $(seq 1 1200); do
        if curl -sf "http://127.0.0.1:$port/health" > "$work/health.json" 2>/dev/null; then break; fi
        kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; fail "the server exited"; }
        sleep 0.05
    done
    [ -s "$work/health.json" ] || { cat "$work/server.log" >&2; fail "no answer on /health"; }
    echo "smoke-test: /health -> $(cat "$work/health.json") $(( ($(date +%s%N) - launched) / 1000000 )) ms after launch"

    uid=$(awk "/^Uid:/ { print \$2 \":\" \$3 \":\" \$4 \":\" \$5 }" "/proc/$server/status")
    [ "$uid" = "65532:65532:65532:65532" ] || fail "the server runs as uid $uid"
    echo "smoke-test: the server process runs as uid/euid/suid/fsuid $uid"
    if [ "$class_data_mode" = --expect-class-data ]; then
        grep -q "/app/class-data/linkway-server.jsa" "/proc/$server/maps" || fail "the JVM did not map the image'"'"'s class-data archive"
        echo "smoke-test: the JVM is using the class-data archive /app/class-data/linkway-server.jsa"
    fi

    curl -sf "http://127.0.0.1:$port/fhir/R4/metadata" | jq -e ".resourceType == \"CapabilityStatement\"" >/dev/null \
        || fail "no FHIR CapabilityStatement"
    echo "smoke-test: /fhir/R4/metadata -> CapabilityStatement"

    status=$(curl -s -o "$work/created.json" -D "$work/created.headers" -w "%{http_code}" -H "Authorization: Bearer $token" \
        -H "Content-Type: application/json" --data-binary "@$referral" "http://127.0.0.1:$port/v1/referrals")
    [ "$status" = 201 ] || { cat "$work/created.json" >&2; fail "POST /v1/referrals answered $status"; }
    location=$(awk "tolower(\$1) == \"location:\" { print \$2 }" "$work/created.headers" | tr -d "\r")
    [ -n "$location" ] || fail "the created referral has no Location"
    location=${location#http://127.0.0.1:$port}
    curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port$location" > /dev/null \
        || fail "GET $location failed"
    echo "smoke-test: POST /v1/referrals -> 201 with a signed EdDSA token, read back as $location"

    [ "$(stat -c %u:%g "$rootfs/data/linkway.db")" = "65532:65532" ] || fail "the database in /data is not the server user'"'"'s"
    echo "smoke-test: /data/linkway.db written by $(stat -c %u:%g "$rootfs/data/linkway.db")"

    kill -TERM "$server"
    wait "$server" || true
'
if [ "$class_data_mode" = --write-class-data ]; then
    [ -s "$rootfs/tmp/linkway-server.jsa" ] || fail "the JVM wrote no class-data archive"
    mkdir -p "$(dirname "$class_data_out")"
    cp "$rootfs/tmp/linkway-server.jsa" "$class_data_out"
    chmod 0444 "$class_data_out"
    echo "smoke-test: class-data archive written to $class_data_out ($(stat -c %s "$class_data_out") bytes)"
fi
echo "smoke-test: passed"
