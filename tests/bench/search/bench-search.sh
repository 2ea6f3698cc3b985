#!/usr/bin/env bash
# Search benchmark: 100,000 generated videos, the real kinora-server, wrk with
# 64 connections over a rotation of typical searches and type-ahead
# suggestions (queries.lua). Anchors measured in the same run on the same
# database file, one connection, no HTTP:
#   - the server's own FTS5 statements run by the sqlite3 CLI,
#   - a LIKE-based baseline (substring scan over title, tags, description).
# Usage: tests/bench/search/bench-search.sh [BUILD_DIR] [--count N] [--duration S] [--connections C]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
build_dir="$root/build"
count=100000
duration=20
connections=64
while [ $# -gt 0 ]; do
    case "$1" in
        --count) count="$2"; shift 2 ;;
        --duration) duration="$2"; shift 2 ;;
        --connections) connections="$2"; shift 2 ;;
        *) build_dir="$1"; shift ;;
    esac
done
server_bin="$build_dir/server/kinora-server"
gen_bin="$build_dir/tests/bench/search/search-bench-gen"
for tool in wrk sqlite3 "$server_bin" "$gen_bin"; do
    command -v "$tool" >/dev/null || { echo "bench-search: $tool not found (apt-get install wrk sqlite3; build kinora-server and search-bench-gen)" >&2; exit 1; }
done

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "bench-search: generating $count videos"
"$gen_bin" --data-dir "$work/data" --count "$count"
db="$work/data/kinora.sqlite"

# One measured wrk run against a fresh server: sets p50 p99 rps errors.
# Extra arguments go to the server (the second run turns the result cache off).
run_server() {
    "$server_bin" serve --data-dir "$work/data" --listen 127.0.0.1:0 "$@" > "$work/server.log" 2>&1 &
    server_pid=$!
    port=""
    for _ in $(seq 1 150); do
        port="$(sed -n 's#^kinora-server: listening on http://127.0.0.1:\([0-9]*\).*#\1#p' "$work/server.log" | head -1)"
        [ -n "$port" ] && break
        sleep 0.1
    done
    [ -n "$port" ] || { echo "bench-search: kinora-server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
    base="http://127.0.0.1:$port"
    hits="$(curl -sf "$base/api/v1/search?q=guitar&limit=5" | grep -o '"id":"[A-Za-z0-9_-]\{11\}"' | wc -l)"
    [ "$hits" -ge 1 ] || { echo "bench-search: the server found nothing for 'guitar'" >&2; exit 1; }
    # Warm-up (page cache, prepared statements), then the measured run.
    wrk -t2 -c"$connections" -d3s -s "$here/queries.lua" "$base" > /dev/null
    wrk -t2 -c"$connections" -d"${duration}s" --timeout 5s -s "$here/queries.lua" "$base" > "$work/wrk.txt"
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
    local result requests seconds
    result="$(grep '^RESULT' "$work/wrk.txt")"
    p50="$(sed 's/.*p50_ms=\([0-9.]*\).*/\1/' <<<"$result")"
    p99="$(sed 's/.*p99_ms=\([0-9.]*\).*/\1/' <<<"$result")"
    requests="$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$result")"
    seconds="$(sed 's/.*duration_s=\([0-9.]*\).*/\1/' <<<"$result")"
    errors="$(sed 's/.*errors=\([0-9]*\).*/\1/' <<<"$result")"
    rps="$(awk -v r="$requests" -v s="$seconds" 'BEGIN { printf "%.0f", r / s }')"
}

load="$(cut -d' ' -f1 /proc/loadavg)"
run_server --set catalog.searchCacheMs=0
u_p50="$p50"; u_p99="$p99"; u_rps="$rps"; u_errors="$errors"
run_server

# The same rotation as SQL. now = the current time in ms; listed = the server's listing condition.
now="$(date +%s%3N)"
listed="v.visibility = 'public' AND v.state = 'ready' AND v.published_at IS NOT NULL AND v.published_at <= $now"
relevance="(-c.score) * (1.0 + 0.5 * v.view_count / (v.view_count + 1000.0)) * (1.0 + 0.5 * 30.0 / (30.0 + ($now - v.published_at) / 86400000.0)) DESC, v.seq DESC"
# The statements of Fts5SearchIndex (500 candidates for search, 200 for suggestions).
fts() { # match, extra condition, order
    echo "SELECT v.id FROM (SELECT -rowid AS seq, bm25(video_search, 3.0, 2.0, 1.0) AS score FROM video_search WHERE video_search MATCH '$1' ORDER BY rowid LIMIT 500) c JOIN videos v ON v.seq = c.seq WHERE $listed $2 ORDER BY $3 LIMIT 21;"
}
suggest() {
    echo "SELECT v.title FROM (SELECT -rowid AS seq FROM video_search WHERE video_search MATCH '$1' ORDER BY rowid LIMIT 200) c JOIN videos v ON v.seq = c.seq WHERE $listed ORDER BY v.view_count DESC, v.seq DESC LIMIT 30;"
}
year=$((now - 365 * 86400000))
cat > "$work/fts.sql" <<SQL
$(fts '"guitar"' '' "$relevance")
$(suggest 'title : "gui"*')
$(fts '"cooking" AND "pasta"' '' "$relevance")
$(suggest 'title : "cook"*')
$(fts '"easy" AND "bread" AND "recipe"' '' "$relevance")
$(fts '"japan" AND "travel"' "AND v.published_at >= $year" "$relevance")
$(suggest 'title : "minec"*')
$(fts '"minecraft"' '' 'v.published_at DESC, v.seq DESC')
$(fts '"python" AND "tutorial"' 'AND v.duration_ms >= 240000 AND v.duration_ms <= 1200000' "$relevance")
$(suggest 'title : "how" AND title : "to" AND title : "ma"*')
$(fts '"chess"' '' 'v.view_count DESC, v.seq DESC')
$(fts '"astronomy" AND "telescope" AND "guide"' "AND v.category = 'science'" "$relevance")
$(suggest 'title : "yog"*')
$(fts '"relaxing" AND "piano"' '' "$relevance")
$(fts '"drone" AND "iceland"' 'AND v.duration_ms > 1200000' "$relevance")
$(suggest 'title : "sourd"*')
SQL
like() { # words...: every word somewhere in title, tags or description
    local cond=""
    for w in "$@"; do
        cond="$cond AND (v.title LIKE '%$w%' OR v.tags LIKE '%$w%' OR v.description LIKE '%$w%')"
    done
    echo "SELECT v.id FROM videos v WHERE $listed $cond ORDER BY v.view_count DESC, v.seq DESC LIMIT 21;"
}
cat > "$work/like.sql" <<SQL
$(like guitar)
$(like gui)
$(like cooking pasta)
$(like cook)
$(like easy bread recipe)
$(like japan travel)
$(like minec)
$(like minecraft)
$(like python tutorial)
$(like how to ma)
$(like chess)
$(like astronomy telescope guide)
$(like yog)
$(like relaxing piano)
$(like drone iceland)
$(like sourd)
SQL

# Each anchor runs its rotation in one sqlite3 process; the mean per query comes
# from the wall time of `rounds` rotations minus an empty run (process start).
run_sql() { # file rounds -> seconds
    local file="$1" rounds="$2" body="$work/run.sql"
    : > "$body"
    for _ in $(seq 1 "$rounds"); do cat "$file" >> "$body"; done
    local t0 t1
    t0="$(date +%s%N)"; sqlite3 "$db" < "$body" > /dev/null; t1="$(date +%s%N)"
    local e0 e1
    e0="$(date +%s%N)"; sqlite3 "$db" "SELECT 1;" > /dev/null; e1="$(date +%s%N)"
    awk -v a="$t0" -v b="$t1" -v c="$e0" -v d="$e1" 'BEGIN { printf "%.6f", ((b - a) - (d - c)) / 1e9 }'
}
queries_per_round=16
sqlite3 "$db" < "$work/fts.sql" > /dev/null # warm the page cache
fts_rounds=20
fts_s="$(run_sql "$work/fts.sql" "$fts_rounds")"
like_rounds=2
like_s="$(run_sql "$work/like.sql" "$like_rounds")"
fts_ms="$(awk -v s="$fts_s" -v n=$((fts_rounds * queries_per_round)) 'BEGIN { printf "%.3f", s * 1000 / n }')"
like_ms="$(awk -v s="$like_s" -v n=$((like_rounds * queries_per_round)) 'BEGIN { printf "%.3f", s * 1000 / n }')"
fts_qps="$(awk -v m="$fts_ms" 'BEGIN { printf "%.0f", 1000 / m }')"
like_qps="$(awk -v m="$like_ms" 'BEGIN { printf "%.0f", 1000 / m }')"
target="$(awk -v p="$p99" 'BEGIN { print (p < 25.0) ? "met" : "missed" }')"

echo
echo "Search benchmark: $count videos, $(nproc) cores (load average before the run: $load), wrk ${duration}s, $connections connections, 16-query rotation (10 searches, 6 suggestions)"
printf '%-44s %12s %12s %12s\n' "" "p50 ms" "p99 ms" "req/s"
printf '%-44s %12s %12s %12s\n' "kinora-server (HTTP, $connections conns, cached)" "$p50" "$p99" "$rps"
printf '%-44s %12s %12s %12s\n' "kinora-server (same, result cache off)" "$u_p50" "$u_p99" "$u_rps"
printf '%-44s %12s %12s %12s\n' "anchor: same FTS5 SQL, sqlite3 CLI, 1 conn" "$fts_ms (mean)" "-" "$fts_qps"
printf '%-44s %12s %12s %12s\n' "anchor: LIKE scan baseline, sqlite3, 1 conn" "$like_ms (mean)" "-" "$like_qps"
echo
awk -v a="$rps" -v b="$fts_qps" -v c="$like_qps" -v p="$p50" -v f="$fts_ms" -v l="$like_ms" 'BEGIN {
    printf "ratio server req/s / FTS5 CLI q/s (1 conn):      %.2f\n", a / b
    printf "ratio server req/s / LIKE baseline q/s (1 conn): %.1f\n", a / c
    printf "ratio LIKE mean / server p50 latency:            %.1f\n", l / p
    printf "ratio server p50 / FTS5 CLI mean:                %.2f\n", p / f
}'
echo "p99 target (< 25 ms): $target; wrk errors: $errors (cache off: $u_errors)"
