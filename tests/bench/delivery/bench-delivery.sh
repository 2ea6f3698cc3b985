#!/usr/bin/env bash
# Segment delivery benchmark: real HLS segments of published videos (made by
# `kinora-server seed-demo`), fetched in rotation by wrk from kinora-server's
# /media route (visibility check included) and from nginx (sendfile on)
# serving the same folder, in one run.
# Usage: tests/bench/delivery/bench-delivery.sh [BUILD_DIR] [--duration SECONDS] [--connections N]
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
for tool in wrk nginx curl "$server_bin"; do
    command -v "$tool" >/dev/null || { echo "bench-delivery: $tool not found (install wrk nginx-light curl, build first)" >&2; exit 1; }
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

echo "bench-delivery: generating the catalog (seed-demo) ..." >&2
"$server_bin" seed-demo --data-dir "$work/data" --videos 3 --seconds 24 --ladder 720,360 > "$work/seed.log" 2>&1 \
    || { cat "$work/seed.log" >&2; exit 1; }
chmod -R a+rX "$work"

media="$work/data/media"
mapfile -t segments < <(cd "$media" && find videos -name '*.ts' | sort)
[ "${#segments[@]}" -gt 0 ] || { echo "bench-delivery: no segments were produced" >&2; exit 1; }
total_bytes=$(cd "$media" && cat "${segments[@]}" | wc -c)

start_kinora_server "$work/data"
start_nginx_media "$media" "/media/${segments[0]}"

for base in "http://127.0.0.1:$port" "http://127.0.0.1:$nginx_port"; do
    for s in "${segments[0]}" "${segments[-1]}"; do
        got="$(curl -fsS "$base/media/$s" | sha256sum | cut -d' ' -f1)"
        [ "$got" = "$(sha256sum < "$media/$s" | cut -d' ' -f1)" ] || { echo "bench-delivery: $base/media/$s served wrong bytes" >&2; exit 1; }
    done
done

# wrk requests the segments in turn (each thread starts at another place).
{
    echo "local paths = {"
    for s in "${segments[@]}"; do echo "  \"/media/$s\","; done
    echo "}"
    cat <<'LUA'
local i = 0
function setup(thread) thread:set("offset", math.random(#paths)) end
function init(args) i = offset or 0 end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA
} > "$work/segments.lua"

read -r k_rps k_bps k_p99 k_p50 <<<"$(measure "http://127.0.0.1:$port" -s "$work/segments.lua")"
read -r n_rps n_bps n_p99 n_p50 <<<"$(measure "http://127.0.0.1:$nginx_port" -s "$work/segments.lua")"

echo
echo "Segment delivery: ${#segments[@]} MPEG-TS segments ($(( total_bytes / ${#segments[@]} / 1024 )) KiB average) of 3 published videos"
echo "wrk -t2 -c$connections -d${duration}s, $(nproc) cores, same run"
printf '%-26s %12s %14s %10s %10s\n' "server" "requests/s" "throughput" "p50" "p99"
printf '%-26s %12s %11.1f MB/s %7.2f ms %7.2f ms\n' "kinora-server /media" "$k_rps" "$(echo "$k_bps / 1048576" | bc -l)" "$k_p50" "$k_p99"
printf '%-26s %12s %11.1f MB/s %7.2f ms %7.2f ms\n' "nginx (sendfile)" "$n_rps" "$(echo "$n_bps / 1048576" | bc -l)" "$n_p50" "$n_p99"
printf 'ratio kinora/nginx throughput: %.2f (target >= 0.50)\n' "$(echo "$k_bps / $n_bps" | bc -l)"
