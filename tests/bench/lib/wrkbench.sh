# Shared by the wrk benchmarks (source it): start kinora-server and nginx on
# loopback in a work folder, and measure one wrk run. Expects $work to exist.

# start_kinora_server DATA_DIR [ARGS...]: sets server_pid and port.
start_kinora_server() {
    local data="$1"; shift
    "$server_bin" serve --data-dir "$data" --listen 127.0.0.1:0 "$@" > "$work/server.log" 2>&1 &
    server_pid=$!
    port=""
    for _ in $(seq 1 100); do
        port="$(sed -n 's#^kinora-server: listening on http://127.0.0.1:\([0-9]*\).*#\1#p' "$work/server.log" | head -1)"
        [ -n "$port" ] && break
        sleep 0.1
    done
    [ -n "$port" ] || { echo "kinora-server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
}

# start_nginx_media MEDIA_DIR PROBE_PATH: nginx (sendfile on) serving MEDIA_DIR
# under /media/; sets nginx_pid and nginx_port.
start_nginx_media() {
    local media="$1" probe="$2"
    nginx_port=$(( (port % 20000) + 30000 ))
    local user_line=""
    [ "$(id -u)" -eq 0 ] && user_line="user root;"
    mkdir -p "$work/nginx"
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
    types { video/mp2t ts; application/vnd.apple.mpegurl m3u8; }
    server {
        listen 127.0.0.1:$nginx_port;
        location /media/ { alias $media/; }
    }
}
CONF
    nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" 2>"$work/nginx/start.log" &
    nginx_pid=$!
    for _ in $(seq 1 50); do
        curl -fsS -o /dev/null "http://127.0.0.1:$nginx_port$probe" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "nginx did not start:" >&2; cat "$work/nginx/start.log" "$work/nginx/error.log" >&2 2>/dev/null; exit 1
}

# measure URL [wrk args...]: prints "requests_per_s bytes_per_s p99_ms p50_ms".
measure() {
    local url="$1"; shift
    local out
    out="$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$@" "$url")"
    echo "$out" >> "$work/wrk.log"
    echo "$out" | awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        function bytes(v) { n = v + 0; if (v ~ /GB$/) return n * 1073741824; if (v ~ /MB$/) return n * 1048576; if (v ~ /KB$/) return n * 1024; return n }
        /Requests\/sec:/ { rps = $2 }
        /Transfer\/sec:/ { bps = bytes($2) }
        /^ +99%/ { p99 = ms($2) }
        /^ +50%/ { p50 = ms($2) }
        /Socket errors|Non-2xx/ { errors = errors $0 " " }
        END { printf "%.0f %.0f %.2f %.2f\n", rps, bps, p99, p50; if (errors != "") print "wrk: " errors > "/dev/stderr" }'
}
