#!/usr/bin/env bash
# Upload benchmark: one large file through kinora-server's tus endpoint with
# Kinora's own uploader (kinora-upload-bench, 64 MiB chunks, every chunk
# flushed to disk before it is acknowledged), and the same bytes PUT to nginx
# (dav_methods PUT) on loopback with curl, in one run. Prints both throughputs
# and their ratio (target: at least 0.5) and checks the stored SHA-256 sums.
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
for tool in nginx curl ffmpeg sha256sum "$server_bin" "$bench_bin"; do
    command -v "$tool" >/dev/null || { echo "bench-upload: $tool not found (install nginx-light curl ffmpeg, build first)" >&2; exit 1; }
done
nginx -V 2>&1 | grep -q -- --with-http_dav_module || { echo "bench-upload: this nginx lacks the DAV module (PUT)" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/var/tmp}/kinora-bench-upload.XXXXXX")"
server_pid=""; nginx_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
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

mkdir -p "$work/data" "$work/nginx/store" "$work/nginx/body"
KINORA_UPLOAD_MAX_FILE_SIZE=$((bytes + 1)) KINORA_AUTH_KDF_OPS_LIMIT=1 KINORA_AUTH_KDF_MEM_LIMIT_KIB=64 \
    "$server_bin" serve --data-dir "$work/data" --listen 127.0.0.1:0 > "$work/server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 1 100); do
    port="$(sed -n 's#^kinora-server: listening on http://127.0.0.1:\([0-9]*\).*#\1#p' "$work/server.log" | head -1)"
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { echo "bench-upload: kinora-server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
token=$(curl -fsS -H 'Content-Type: application/json' -d '{"username":"bench","password":"benchmark1"}' \
    "http://127.0.0.1:$port/api/v1/auth/register" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "bench-upload: cannot register a user" >&2; exit 1; }

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

# Kinora: tus with the project's uploader.
kinora_json=$("$bench_bin" --endpoint "http://127.0.0.1:$port/api/v1/uploads/" --token "$token" \
    --file "$work/source.ts" --chunk-size $((chunk_mib * 1024 * 1024)))
kinora_seconds=$(echo "$kinora_json" | sed -n 's/.*"seconds":\([0-9.e+-]*\).*/\1/p')
upload_id=$(echo "$kinora_json" | sed -n 's#.*"url":"[^"]*/\([0-9a-f]*\)".*#\1#p')
kinora_sum=$(sha256sum "$work/data/uploads/$upload_id" | cut -d' ' -f1)
rm -f "$work/data/uploads/$upload_id"
sync

# nginx: the same bytes in one PUT.
nginx_seconds=$(curl -fsS -o /dev/null -w '%{time_total}' -T "$work/source.ts" "http://127.0.0.1:$nginx_port/put/source.ts")
nginx_sum=$(sha256sum "$work/nginx/store/put/source.ts" | cut -d' ' -f1)

status=0
[ "$kinora_sum" = "$source_sum" ] || { echo "bench-upload: kinora-server stored different bytes" >&2; status=1; }
[ "$nginx_sum" = "$source_sum" ] || { echo "bench-upload: nginx stored different bytes" >&2; status=1; }
awk -v b="$bytes" -v k="$kinora_seconds" -v n="$nginx_seconds" -v chunk="$chunk_mib" 'BEGIN {
    kr = b / k / 1e6; nr = b / n / 1e6;
    printf "| upload of %.0f MiB | seconds | MB/s |\n|---|---|---|\n", b / 1048576;
    printf "| kinora-server tus (kinora-upload-bench, %d MiB chunks, fdatasync per chunk) | %.2f | %.0f |\n", chunk, k, kr;
    printf "| nginx PUT (curl -T, dav_methods PUT, no fsync) | %.2f | %.0f |\n", n, nr;
    printf "ratio kinora/nginx: %.2f (target >= 0.5)\n", kr / nr;
}'
echo "sha256 source $source_sum kinora $kinora_sum nginx $nginx_sum"
exit $status
