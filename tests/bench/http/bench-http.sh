#!/usr/bin/env bash
# HTTP benchmark: wrk against kinora-server's health route and its media route
# serving a 1 MiB file, and nginx (sendfile on) serving the same file, in one run.
# Usage: tests/bench/http/bench-http.sh [BUILD_DIR] [--duration SECONDS] [--connections N]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
build_dir="$here/build"
duration=10
connections=64
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration="$2"; shift 2 ;;
        --connections) connections="$2"; shift 2 ;;
        *) build_dir="$1"; shift ;;
    esac
done
server_bin="$build_dir/server/kinora-server"
for tool in wrk nginx "$server_bin"; do
    command -v "$tool" >/dev/null || { echo "bench-http: $tool not found (install wrk nginx-light, build first)" >&2; exit 1; }
done

work="$(mktemp -d)"
server_pid=""; nginx_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/data/media/bench" "$work/nginx"
head -c $((1024 * 1024)) /dev/urandom > "$work/data/media/bench/1mib.bin"
chmod -R a+rX "$work"

"$server_bin" serve --data-dir "$work/data" --listen 127.0.0.1:0 > "$work/server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 1 100); do
    port="$(sed -n 's#^kinora-server: listening on http://127.0.0.1:\([0-9]*\).*#\1#p' "$work/server.log" | head -1)"
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { echo "bench-http: kinora-server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

nginx_port=$(( (port % 20000) + 30000 ))
user_line=""
[ "$(id -u)" -eq 0 ] && user_line="user root;"
cat > "$work/nginx/nginx.conf" <<CONF
$user_line
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    server {
        listen 127.0.0.1:$nginx_port;
        location /media/ { alias $work/data/media/; }
    }
}
CONF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" 2>"$work/nginx/start.log" &
nginx_pid=$!
for _ in $(seq 1 50); do
    curl -fsS -o /dev/null "http://127.0.0.1:$nginx_port/media/bench/1mib.bin" 2>/dev/null && break
    sleep 0.1
done

check() {
    local url="$1"
    local got
    got="$(curl -fsS "$url" | sha256sum | cut -d' ' -f1)"
    [ "$got" = "$(sha256sum < "$work/data/media/bench/1mib.bin" | cut -d' ' -f1)" ] || { echo "bench-http: $url served wrong bytes" >&2; exit 1; }
}
check "http://127.0.0.1:$port/media/bench/1mib.bin"
check "http://127.0.0.1:$nginx_port/media/bench/1mib.bin"

# Prints "requests_per_s bytes_per_s p99_ms" for one wrk run.
measure() {
    local out
    out="$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$1")"
    echo "$out" >> "$work/wrk.log"
    echo "$out" | awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        function bytes(v) { n = v + 0; if (v ~ /GB$/) return n * 1073741824; if (v ~ /MB$/) return n * 1048576; if (v ~ /KB$/) return n * 1024; return n }
        /Requests\/sec:/ { rps = $2 }
        /Transfer\/sec:/ { bps = bytes($2) }
        /^ +99%/ { p99 = ms($2) }
        /Socket errors|Non-2xx/ { errors = errors $0 " " }
        END { printf "%.0f %.0f %.2f\n", rps, bps, p99; if (errors != "") print "bench-http: " errors > "/dev/stderr" }'
}

read -r h_rps h_bps h_p99 <<<"$(measure "http://127.0.0.1:$port/api/v1/health")"
read -r k_rps k_bps k_p99 <<<"$(measure "http://127.0.0.1:$port/media/bench/1mib.bin")"
read -r n_rps n_bps n_p99 <<<"$(measure "http://127.0.0.1:$nginx_port/media/bench/1mib.bin")"

echo
echo "HTTP benchmark: wrk -t2 -c$connections -d${duration}s, $(nproc) cores, same run"
printf '%-34s %12s %14s %10s\n' "target" "requests/s" "throughput" "p99"
printf '%-34s %12s %11.1f MB/s %7.2f ms\n' "kinora-server GET /api/v1/health" "$h_rps" "$(echo "$h_bps / 1048576" | bc -l)" "$h_p99"
printf '%-34s %12s %11.1f MB/s %7.2f ms\n' "kinora-server 1 MiB media file" "$k_rps" "$(echo "$k_bps / 1048576" | bc -l)" "$k_p99"
printf '%-34s %12s %11.1f MB/s %7.2f ms\n' "nginx (sendfile) 1 MiB file" "$n_rps" "$(echo "$n_bps / 1048576" | bc -l)" "$n_p99"
printf 'ratio kinora/nginx media throughput: %.2f (target >= 0.50)\n' "$(echo "$k_bps / $n_bps" | bc -l)"
