#!/usr/bin/env bash
# Upload benchmark: one large file through kinora-server's tus endpoint with
# curl (64 MiB PATCHes) and with Kinora's own uploader (kinora-upload-bench),
# and the same bytes PUT to nginx (dav_methods PUT) on loopback with curl, in
# one run. kinora-server runs twice, with upload.syncWrites on (the default)
# and off (the page cache, as nginx keeps request bodies). Prints the
# throughputs, the server ratio against nginx with the same client (target:
# at least 0.5), the client ratio against curl, and checks the SHA-256 sums.
# Usage: tests/bench/upload/bench-upload.sh [BUILD_DIR] [--size-mib N] [--chunk-mib N] [--server BINARY]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
build_dir="$here/build"
size_mib=2048
chunk_mib=64
server_bin=""
while [ $# -gt 0 ]; do
    case "$1" in
        --size-mib) size_mib="$2"; shift 2 ;;
        --chunk-mib) chunk_mib="$2"; shift 2 ;;
        --server) server_bin="$2"; shift 2 ;;
        *) build_dir="$1"; shift ;;
    esac
done
[ -n "$server_bin" ] || server_bin="$build_dir/server/kinora-server"
bench_bin="$build_dir/tests/bench/upload/kinora-upload-bench"
for tool in nginx curl ffmpeg sha256sum split bc "$server_bin" "$bench_bin"; do
    command -v "$tool" >/dev/null || { echo "bench-upload: $tool not found (install nginx-light curl ffmpeg, build first)" >&2; exit 1; }
done
nginx -V 2>&1 | grep -q -- --with-http_dav_module || { echo "bench-upload: this nginx lacks the DAV module (PUT)" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/var/tmp}/kinora-bench-upload.XXXXXX")"
server_pid=""; nginx_pid=""
cleanup() {
    for pid in $server_pid; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# The file: a real MPEG-TS clip (so the server's media check accepts it) followed by random bytes.
ffmpeg -v error -f lavfi -i testsrc2=size=320x240:rate=25 -t 2 -c:v libx264 -preset ultrafast -pix_fmt yuv420p \
    -b:v 4M -f mpegts -y "$work/clip.ts"
bytes=$((size_mib * 1024 * 1024))
clip_bytes=$(stat -c %s "$work/clip.ts")
{ cat "$work/clip.ts"; head -c $((bytes - clip_bytes)) /dev/urandom; } > "$work/source.ts"
source_sum=$(sha256sum "$work/source.ts" | cut -d' ' -f1)
sync

mkdir -p "$work/data" "$work/data-nosync" "$work/nginx/store" "$work/nginx/body"
# Two servers: the default (every PATCH flushed to disk before it is
# acknowledged) and upload.syncWrites=false (the page cache, as nginx does).
start_server() { # data_dir sync log -> prints the port
    KINORA_UPLOAD_MAX_FILE_SIZE=$((bytes + 1)) KINORA_AUTH_KDF_OPS_LIMIT=1 KINORA_AUTH_KDF_MEM_LIMIT_KIB=64 \
        KINORA_UPLOAD_SYNC_WRITES="$2" "$server_bin" serve --data-dir "$1" --listen 127.0.0.1:0 > "$3" 2>&1 &
    echo $! > "$3.pid"
}
start_server "$work/data" true "$work/server.log"
start_server "$work/data-nosync" false "$work/server-nosync.log"
server_pid="$(cat "$work/server.log.pid") $(cat "$work/server-nosync.log.pid")"
wait_port() {
    local p=""
    for _ in $(seq 1 100); do
        p="$(sed -n 's#^kinora-server: listening on http://127.0.0.1:\([0-9]*\).*#\1#p' "$1" | head -1)"
        [ -n "$p" ] && break
        sleep 0.1
    done
    [ -n "$p" ] || { echo "bench-upload: kinora-server did not start:" >&2; cat "$1" >&2; exit 1; }
    echo "$p"
}
port=$(wait_port "$work/server.log")
port_nosync=$(wait_port "$work/server-nosync.log")
register() {
    curl -fsS -H 'Content-Type: application/json' -d '{"username":"bench","password":"benchmark1"}' \
        "http://127.0.0.1:$1/api/v1/auth/register" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p'
}
token=$(register "$port")
token_nosync=$(register "$port_nosync")
[ -n "$token" ] && [ -n "$token_nosync" ] || { echo "bench-upload: cannot register a user" >&2; exit 1; }

nginx_port=$(( (port % 20000) + 30000 ))
user_line=""
[ "$(id -u)" -eq 0 ] && user_line="user root;"
cat > "$work/nginx/nginx.conf" <<CONF
$user_line
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    server {
        listen 127.0.0.1:$nginx_port;
        client_max_body_size 0;
        location /put/ {
            root $work/nginx/store;
            dav_methods PUT;
            create_full_put_path on;
        }
    }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" 2>"$work/nginx/start.log" &
nginx_pid=$!
for _ in $(seq 1 50); do
    curl -s -o /dev/null "http://127.0.0.1:$nginx_port/" 2>/dev/null && break
    sleep 0.1
done

# Kinora: tus with the project's uploader, durable, then page cache only.
upload_to() { # port token data_dir -> seconds and sha256 of the stored file
    local json seconds id sum
    json=$("$bench_bin" --endpoint "http://127.0.0.1:$1/api/v1/uploads/" --token "$2" \
        --file "$work/source.ts" --chunk-size $((chunk_mib * 1024 * 1024)))
    seconds=$(echo "$json" | sed -n 's/.*"seconds":\([0-9.e+-]*\).*/\1/p')
    id=$(echo "$json" | sed -n 's#.*"url":"[^"]*/\([0-9a-f]*\)".*#\1#p')
    sum=$(sha256sum "$3/uploads/$id" | cut -d' ' -f1)
    rm -f "$3/uploads/$id"
    sync
    echo "$seconds $sum"
}
# The same tus upload with curl as the client (64 MiB PATCHes streamed from
# the file with -T), so the server is compared with nginx under one client.
curl_tus() { # port token data_dir -> seconds and sha256 of the stored file
    local loc start end off=0 id sum
    loc=$(curl -fsS -i -X POST -H "Authorization: Bearer $2" -H "Tus-Resumable: 1.0.0" -H "Upload-Length: $bytes" \
        "http://127.0.0.1:$1/api/v1/uploads/" | sed -n 's/^[Ll]ocation: \(.*\)\r$/\1/p')
    start=$(date +%s.%N)
    for part in "$work"/chunks/c*; do
        curl -fsS -o /dev/null -X PATCH -H "Authorization: Bearer $2" -H "Tus-Resumable: 1.0.0" \
            -H "Upload-Offset: $off" -H "Content-Type: application/offset+octet-stream" -T "$part" "http://127.0.0.1:$1$loc"
        off=$((off + $(stat -c %s "$part")))
    done
    end=$(date +%s.%N)
    id="${loc##*/}"
    sum=$(sha256sum "$3/uploads/$id" | cut -d' ' -f1)
    rm -f "$3/uploads/$id"
    sync
    echo "$(echo "$end - $start" | bc) $sum"
}
mkdir -p "$work/chunks"
split -b $((chunk_mib * 1024 * 1024)) -d -a 4 "$work/source.ts" "$work/chunks/c"
sync
read -r kinora_seconds kinora_sum < <(upload_to "$port" "$token" "$work/data")
read -r nosync_seconds nosync_sum < <(upload_to "$port_nosync" "$token_nosync" "$work/data-nosync")
read -r curl_seconds curl_sum < <(curl_tus "$port" "$token" "$work/data")
read -r curl_nosync_seconds curl_nosync_sum < <(curl_tus "$port_nosync" "$token_nosync" "$work/data-nosync")
rm -rf "$work/chunks"

# nginx: the same bytes in one PUT.
nginx_seconds=$(curl -fsS -o /dev/null -w '%{time_total}' -T "$work/source.ts" "http://127.0.0.1:$nginx_port/put/source.ts")
nginx_sum=$(sha256sum "$work/nginx/store/put/source.ts" | cut -d' ' -f1)

status=0
[ "$kinora_sum" = "$source_sum" ] || { echo "bench-upload: kinora-server stored different bytes" >&2; status=1; }
[ "$nosync_sum" = "$source_sum" ] || { echo "bench-upload: kinora-server (syncWrites=false) stored different bytes" >&2; status=1; }
[ "$curl_sum" = "$source_sum" ] && [ "$curl_nosync_sum" = "$source_sum" ] || { echo "bench-upload: kinora-server stored different bytes (curl client)" >&2; status=1; }
[ "$nginx_sum" = "$source_sum" ] || { echo "bench-upload: nginx stored different bytes" >&2; status=1; }
awk -v b="$bytes" -v k="$kinora_seconds" -v u="$nosync_seconds" -v c="$curl_seconds" -v cu="$curl_nosync_seconds" \
    -v n="$nginx_seconds" -v chunk="$chunk_mib" 'BEGIN {
    kr = b / k / 1e6; ur = b / u / 1e6; cr = b / c / 1e6; cur = b / cu / 1e6; nr = b / n / 1e6;
    printf "| upload of %.0f MiB | client | seconds | MB/s | ratio to nginx |\n|---|---|---|---|---|\n", b / 1048576;
    printf "| kinora-server tus, %d MiB PATCHes, fdatasync per PATCH (default) | curl -T | %.2f | %.0f | %.2f |\n", chunk, c, cr, cr / nr;
    printf "| kinora-server tus, %d MiB PATCHes, upload.syncWrites=false | curl -T | %.2f | %.0f | %.2f |\n", chunk, cu, cur, cur / nr;
    printf "| kinora-server tus, default | kinora-upload-bench (TusUploader) | %.2f | %.0f | %.2f |\n", k, kr, kr / nr;
    printf "| kinora-server tus, upload.syncWrites=false | kinora-upload-bench (TusUploader) | %.2f | %.0f | %.2f |\n", u, ur, ur / nr;
    printf "| nginx PUT (dav_methods PUT, no fsync) | curl -T | %.2f | %.0f | 1.00 |\n", n, nr;
    printf "server ratio kinora/nginx, same client (curl), no fsync on either side: %.2f (target >= 0.5); with fdatasync: %.2f\n", cur / nr, cr / nr;
    printf "client ratio TusUploader/curl against the same server: %.2f (default), %.2f (syncWrites=false)\n", kr / cr, ur / cur;
}'
echo "sha256 source $source_sum kinora $kinora_sum kinora-nosync $nosync_sum curl $curl_sum curl-nosync $curl_nosync_sum nginx $nginx_sum"
exit $status
