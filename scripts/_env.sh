# Shared by scripts/test and scripts/example: virtual environments and services.
# Sourced, not run.
shopt -s inherit_errexit

# The supported extremes: (python, pip requirement pins) per environment name.
declare -A ENV_PYTHON=([lowest]=3.11 [newest]=3.13 [example]=3.11 [bench]=3.11)
declare -A ENV_PINS=(
    [lowest]="wagtail==7.0.* django==5.2.*"
    [newest]="wagtail==8.0.* django>=6.0,<6.2"
    [example]="wagtail==8.0.* django==5.2.*"
    [bench]="wagtail==8.0.* django==5.2.*"
)

find_python() {
    # A CPython of the given version: on PATH, or installed by pyenv.
    local version=$1 candidate
    for candidate in "python$version" "$HOME"/.pyenv/versions/"$version"*/bin/python"$version" \
                     /root/.pyenv/versions/"$version"*/bin/python"$version"; do
        # pyenv shims exist for versions that are not selected; make sure it really runs.
        if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c "" >/dev/null 2>&1; then
            command -v "$candidate"
            return 0
        fi
    done
    echo "Python $version is not installed; install it (e.g. pyenv install $version)." >&2
    return 1
}

ensure_uv() {
    if ! command -v uv >/dev/null 2>&1; then
        echo "== installing uv (fast virtualenv and installer) from PyPI" >&2
        python3 -m pip install --quiet uv >&2
    fi
}

ensure_venv() {
    # ensure_venv NAME TARGET [UV-PIP-ARGS...]: build (or refresh) .venvs/NAME with the project
    # and its pins (and anything more the arguments ask uv for); print its python.
    local name=$1 target=$2 python
    shift 2
    ensure_uv
    python=$(find_python "${ENV_PYTHON[$name]}")
    local venv=".venvs/$name"
    if [ ! -x "$venv/bin/python" ]; then
        uv venv --quiet --python "$python" "$venv" >&2
    fi
    # shellcheck disable=SC2086
    uv pip install --quiet --python "$venv/bin/python" -e "$target" ${ENV_PINS[$name]} "$@" >&2
    echo "$PWD/$venv/bin/python"
}

ensure_postgres() {
    if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
        echo "== starting PostgreSQL" >&2
        pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start >&2
        for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
    fi
}

ensure_chromium() {
    # Debian's Chromium, which the browser tests drive through Playwright (Playwright's own
    # browser download is not used). Installs it with apt when it is missing (CI runs as root).
    # scripts/test runs this in the background, beside the first test runs.
    if [ -x /usr/bin/chromium ]; then
        return 0
    fi
    echo "== installing Debian's chromium for the browser tests" >&2
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >&2
}

