#!/usr/bin/env bash
# Builds the server image's base image from this machine, so none has to be pulled from a
# registry: a Java runtime cut down with jlink, the few C libraries that runtime and SQLite's
# native driver load, a passwd entry for the non-root user, /tmp, and /data owned by that user.
# Jib takes it as a tar:// base and adds the server's own layers on top.
#
#   assemble-root.sh <work folder> <JDK home> <sqlite-jdbc jar>
#
# writes <work folder>/rootfs (the layer's content) and <work folder>/base-image.tar (one layer,
# in the format docker save writes).
#
# Runs on Linux x86-64 with a JDK 17+ that has its jmods (Debian's and Temurin's do), and
# ldd. The image gets that JDK's Java version and that machine's C libraries.
set -euo pipefail

work=$1
jdk=$2
sqlite_jar=$3
out=$work/rootfs

# The modules the server's classpath uses, found with
#   jdeps --ignore-missing-deps --multi-release 17 --print-module-deps target/linkway-server.jar
# (two minutes, so not on every image build), less jdk.javadoc (a library mentions the Javadoc
# tool; the server never runs it), plus what is only loaded as a service: jdk.crypto.ec (EC and
# EdDSA keys for bearer tokens and TLS), jdk.charsets, jdk.zipfs and jdk.management.
modules=java.base,java.desktop,java.instrument,java.management,java.naming,java.net.http,java.rmi,\
java.scripting,java.security.jgss,java.security.sasl,java.sql,java.xml.crypto,jdk.unsupported,\
jdk.crypto.ec,jdk.charsets,jdk.zipfs,jdk.management

rm -rf "$work"
mkdir -p "$out/opt" "$out/etc" "$out/data" "$out/tmp"

"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --compress=2 --generate-cds-archive --output "$out/opt/java"

# Some JDK packages (Debian's) keep lib/security as links into /etc, which jlink leaves out:
# the trust store for outgoing TLS (webhooks) among them.
for f in "$jdk"/lib/security/*; do
    name=$(basename "$f")
    if [ ! -e "$out/opt/java/lib/security/$name" ] && [ -e "$f" ]; then
        cp -L "$f" "$out/opt/java/lib/security/$name"
    fi
done

# The C libraries: whatever the runtime's own binaries and SQLite's driver link against, at the
# paths the dynamic loader looks in. The AWT and sound libraries are left without theirs: the
# server is headless and never loads them.
native=$work/native
mkdir -p "$native"
(cd "$native" && "$jdk/bin/jar" xf "$sqlite_jar" org/sqlite/native/Linux/x86_64/libsqlitejdbc.so)

elves=("$out/opt/java/bin/java" "$out/opt/java/lib/jspawnhelper" "$native/org/sqlite/native/Linux/x86_64/libsqlitejdbc.so")
while IFS= read -r -d '' so; do
    case "$(basename "$so")" in
        libawt_xawt.so|libawt.so|libfontmanager.so|libjavajpeg.so|libjawt.so|libjsound.so|liblcms.so|libmlib_image.so|libsplashscreen.so) ;;
        *) elves+=("$so") ;;
    esac
done < <(find "$out/opt/java/lib" -name '*.so' -print0)

for elf in "${elves[@]}"; do
    # "name => /path (addr)" for libraries, "/path (addr)" for the loader itself
    ldd "$elf" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }'
done | sort -u | while read -r lib; do
    case "$lib" in "$out"/*) continue ;; esac
    mkdir -p "$out$(dirname "$lib")"
    cp -L "$lib" "$out$lib"
done

# The licences of those libraries travel with them.
for lib in "$out"/lib*/*/*.so* "$out"/lib64/*; do
    [ -e "$lib" ] || continue
    host_path=/${lib#"$out"/}
    pkg=$( { dpkg -S "$host_path" || dpkg -S "$(readlink -f "$host_path")"; } 2>/dev/null | head -1 | cut -d: -f1) || true
    if [ -n "$pkg" ] && [ -f "/usr/share/doc/$pkg/copyright" ]; then
        mkdir -p "$out/usr/share/doc/$pkg"
        cp "/usr/share/doc/$pkg/copyright" "$out/usr/share/doc/$pkg/copyright"
    fi
done

# A name for the user the image runs as (uid and gid 65532, as distroless images use), so
# getpwuid answers and the JVM's user.home is /data rather than "?".
cat > "$out/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
linkway:x:65532:65532:Linkway reference server:/data:/sbin/nologin
EOF
cat > "$out/etc/group" <<'EOF'
root:x:0:
linkway:x:65532:
EOF
cat > "$out/etc/nsswitch.conf" <<'EOF'
passwd: files
group: files
hosts: files dns
EOF

# One layer, everything root's and unwritable but /tmp (sticky, as usual) and /data, the volume,
# which is the server user's alone. Fixed times and order, so the same inputs give the same digest.
chmod 1777 "$out/tmp"
chmod 0750 "$out/data"
image=$work/image
mkdir -p "$image"
tar_flags=(--directory "$out" --sort=name --mtime=@0 --numeric-owner --format=posix
           --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime)
tar "${tar_flags[@]}" --owner=0 --group=0 --exclude=./data --create --file "$image/layer.tar" .
tar "${tar_flags[@]}" --owner=65532 --group=65532 --no-recursion --append --file "$image/layer.tar" ./data
diff_id=$(sha256sum "$image/layer.tar" | cut -d' ' -f1)

cat > "$image/config.json" <<EOF
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/opt/java/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],"User":"65532:65532"},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"reference-server/src/image/assemble-root.sh"}]}
EOF
cat > "$image/manifest.json" <<'EOF'
[{"Config":"config.json","RepoTags":["linkway/java-runtime:build"],"Layers":["layer.tar"]}]
EOF
tar --directory "$image" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
    --create --file "$work/base-image.tar" manifest.json config.json layer.tar
rm -rf "$image" "$native"
echo "base image: $work/base-image.tar (layer sha256:$diff_id)"
