#!/usr/bin/env bash
# `make bench`: the benchmark of README.md's Performance section, in a fresh database: the
# addon's dependencies and Odoo's survey (the reference), then the addon (its install
# timed), then the benchmark's tests. Prints one table; exits non-zero when a goal is
# missed or the run fails. Not part of `make test`.
source "$(dirname "$0")/../common.sh"
cd "$ADDON_DIR"
"$(dirname "$0")/../venv.sh"
if ! odoo_tree_found; then
    echo "bench: no Odoo 18.0 tree at ODOO_SRC=$ODOO_SRC (see README.md)" >&2
    exit 1
fi
"$(dirname "$0")/../system-deps.sh"
database="${BENCH_DB:-hr_exit_interview_bench}"
log="$ADDON_DIR/.dev/bench.log"
mkdir -p "$ADDON_DIR/.dev"
odoo() { "$(dirname "$0")/../odoo.sh" -d "$database" --without-demo=all --stop-after-init "$@"; }
microseconds() { echo "${EPOCHREALTIME/./}"; }
depends="$("$VENV/bin/python" -c \
    "import ast; print(','.join(ast.literal_eval(open('__manifest__.py').read())['depends']))")"
"$(dirname "$0")/../dropdb.sh" "$database"
status=0
# The addon's dependencies and Odoo's survey (the reference) first, then the addon alone:
# its install time is what an administrator waits for, beside Odoo's start of the same
# database that installs nothing.
odoo -i "$depends,survey" >"$log" 2>&1 || status=1
start=$(microseconds)
odoo >>"$log" 2>&1 || status=1
idle=$(($(microseconds) - start))
start=$(microseconds)
odoo -i hr_exit_interview --log-level=info >>"$log" 2>&1 || status=1
install=$(($(microseconds) - start))
loaded="$(grep -o 'Module hr_exit_interview loaded in [0-9.]*s, [0-9]* queries' "$log" \
    | sed 's/Module hr_exit_interview loaded in //' || true)"
"$VENV/bin/python" - "$depends" "$install" "$idle" "$loaded" >>"$log" <<'PYTHON'
import sys
depends, install, idle, loaded = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
print(
    f"BENCH|install of the addon over its dependencies ({depends.replace(',', ', ')}): "
    f"wall clock / Odoo's start that installs nothing (Odoo's own figure for loading "
    f"the module: {loaded or 'not logged'})|{install / 1e6:.1f} s / {idle / 1e6:.1f} s|"
    f"{install / idle:.2f}||{'yes' if loaded else 'NO'}"
)
PYTHON
odoo --test-enable --test-tags="${BENCH_TAGS:-hr_exit_interview_bench}" >>"$log" 2>&1 \
    || status=1
"$VENV/bin/python" "$(dirname "$0")/bench_table.py" "$log" || status=1
exit $status
