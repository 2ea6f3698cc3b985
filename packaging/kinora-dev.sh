#!/usr/bin/env bash
# Sets up a Debian 12 machine for Kinora, builds it, and either runs it or tests it.
#   packaging/kinora-dev.sh run     install what is missing, build, start kinora-server
#                                   (SQLite + media folder in the per-user data dir,
#                                   bound to 127.0.0.1) and open kinora connected to it
#   packaging/kinora-dev.sh test    install what is missing, build, run the whole test suite
# Options: --build-dir DIR (default: build), --sanitize (ASan+UBSan build, default dir build-asan),
#          --port N (run: the server's port, default 8080), --no-install (skip apt-get)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-}"
[ -n "$mode" ] && shift || true
build_dir=""
sanitize=OFF
port=8080
install=1
while [ $# -gt 0 ]; do
    case "$1" in
        --build-dir) build_dir="$2"; shift 2 ;;
        --sanitize) sanitize=ON; shift ;;
        --port) port="$2"; shift 2 ;;
        --no-install) install=0; shift ;;
        *) echo "kinora-dev: unknown option $1" >&2; exit 2 ;;
    esac
done
case "$mode" in
    run|test|build) ;;
    *) echo "usage: packaging/kinora-dev.sh run|test|build [--build-dir DIR] [--sanitize] [--port N] [--no-install]" >&2; exit 2 ;;
esac
if [ -z "$build_dir" ]; then
    if [ "$sanitize" = ON ]; then build_dir="$here/build-asan"; else build_dir="$here/build"; fi
fi

# Packages to build and run Kinora, and those the test suite and its external clients use.
build_packages=(build-essential cmake ninja-build ccache pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-multimedia-dev qt6-websockets-dev qt6-charts-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libqt6opengl6-dev
    libqt6sql6-sqlite libqt6sql6-psql qt6-qpa-plugins libgl-dev qtkeychain-qt6-dev
    libavcodec-dev libavformat-dev libavfilter-dev libswscale-dev libswresample-dev libavutil-dev
    libmpv-dev libsodium-dev ffmpeg curl)
test_packages=(postgresql xvfb xauth mpv wrk nginx-light dpkg-dev file systemd bc desktop-file-utils chromium)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "kinora-dev: run as root or install sudo" >&2; exit 1; }
    sudo_cmd=(sudo)
fi

install_missing() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "kinora-dev: installing ${missing[*]}"
        "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

if [ "$install" = 1 ]; then
    install_missing "${build_packages[@]}"
    if [ "$mode" = test ]; then
        install_missing "${test_packages[@]}"
        # tus-js-client runs under Node.js as an independent tus client; hls.js under Node drives chromium.
        command -v npm >/dev/null || install_missing nodejs npm
    fi
fi

jobs="$(nproc)"
# ccache hits whatever folder the tree was cloned into.
export CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=1
export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-8G}"
build_type=RelWithDebInfo
[ "$sanitize" = ON ] && build_type=Debug
cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" -DKINORA_SANITIZE="$sanitize" >/dev/null
cmake --build "$build_dir" -j "$jobs"

case "$mode" in
build) ;;
test)
    export QT_QPA_PLATFORM=offscreen
    ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" --timeout 600
    ;;
run)
    data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/kinora-server"
    mkdir -p "$data_dir"
    "$build_dir/server/kinora-server" serve --data-dir "$data_dir" --listen "127.0.0.1:$port" &
    server_pid=$!
    trap 'kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true' EXIT
    for _ in $(seq 1 100); do
        curl -fsS "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
        kill -0 "$server_pid" 2>/dev/null || { echo "kinora-dev: kinora-server did not start" >&2; exit 1; }
        sleep 0.1
    done
    "$build_dir/app/kinora" --server "http://127.0.0.1:$port"
    ;;
esac
