# Sourced by the scripts in scripts/: creates .venv when missing and installs the project
# with the pinned requirements. Re-installs only when a requirements file or pyproject.toml
# changed, so a second `./scripts/serve` starts at once.
# Usage: playbook_venv site|zensical|test (requirements/<profile>.txt)
set -euo pipefail

playbook_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

playbook_venv() {
    local profile="$1"
    local venv="$playbook_root/.venv"
    local stamp="$venv/.installed-$profile"
    if [ ! -x "$venv/bin/python" ]; then
        if ! python3 -c "import ensurepip" 2>/dev/null; then
            # Debian ships venv's pip bootstrap separately.
            echo "Installing python3-venv" >&2
            local sudo_cmd=()
            [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
            "${sudo_cmd[@]}" apt-get update
            "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y python3-venv
        fi
        echo "Creating $venv" >&2
        python3 -m venv "$venv"
    fi
    local digest
    digest="$(cat "$playbook_root/pyproject.toml" "$playbook_root"/requirements/*.txt | sha256sum | cut -d' ' -f1)"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
        echo "Installing $profile requirements into $venv" >&2
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
            -r "$playbook_root/requirements/$profile.txt" -e "$playbook_root"
        # A profile's file installs the ones it includes (`-r site.txt`): stamp them too, so
        # that `./scripts/serve` after `./scripts/test` (or a test running it beside others
        # that use .venv) installs nothing.
        local included="$profile"
        while [ -n "$included" ]; do
            echo "$digest" > "$venv/.installed-$included"
            included="$(sed -n 's/^-r \(.*\)\.txt$/\1/p' "$playbook_root/requirements/$included.txt")"
        done
    fi
    export PATH="$venv/bin:$PATH"
    export VIRTUAL_ENV="$venv"
    cd "$playbook_root"
}
