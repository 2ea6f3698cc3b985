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
# shellcheck source=../lib/wrkbench.sh
. "$here/tests/bench/lib/wrkbench.sh"

mkdir -p "$work/data/media/bench"
head -c $((1024 * 1024)) /dev/urandom > "$work/data/media/bench/1mib.bin"
chmod -R a+rX "$work"

start_kinora_server "$work/data"
start_nginx_media "$work/data/media" "/media/bench/1mib.bin"

check() {
    local url="$1"
    local got
    got="$(curl -fsS "$url" | sha256sum | cut -d' ' -f1)"
    [ "$got" = "$(sha256sum < "$work/data/media/bench/1mib.bin" | cut -d' ' -f1)" ] || { echo "bench-http: $url served wrong bytes" >&2; exit 1; }
}
check "http://127.0.0.1:$port/media/bench/1mib.bin"
check "http://127.0.0.1:$nginx_port/media/bench/1mib.bin"

read -r h_rps h_bps h_p99 _ <<<"$(measure "http://127.0.0.1:$port/api/v1/health")"
read -r k_rps k_bps k_p99 _ <<<"$(measure "http://127.0.0.1:$port/media/bench/1mib.bin")"
read -r n_rps n_bps n_p99 _ <<<"$(measure "http://127.0.0.1:$nginx_port/media/bench/1mib.bin")"

echo
echo "HTTP benchmark: wrk -t2 -c$connections -d${duration}s, $(nproc) cores, same run"
printf '%-34s %12s %14s %10s\n' "target" "requests/s" "throughput" "p99"
printf '%-34s %12s %11.1f MB/s %7.2f ms\n' "kinora-server GET /api/v1/health" "$h_rps" "$(echo "$h_bps / 1048576" | bc -l)" "$h_p99"
printf '%-34s %12s %11.1f MB/s %7.2f ms\n' "kinora-server 1 MiB media file" "$k_rps" "$(echo "$k_bps / 1048576" | bc -l)" "$k_p99"
printf '%-34s %12s %11.1f MB/s %7.2f ms\n' "nginx (sendfile) 1 MiB file" "$n_rps" "$(echo "$n_bps / 1048576" | bc -l)" "$n_p99"
printf 'ratio kinora/nginx media throughput: %.2f (target >= 0.50)\n' "$(echo "$k_bps / $n_bps" | bc -l)"
