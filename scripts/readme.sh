#!/usr/bin/env bash
# `make readme`: README.rst and static/description/index.html (the Apps page) from readme/*.md.
source "$(dirname "$0")/common.sh"
"$(dirname "$0")/venv.sh"
exec "$VENV/bin/python" "$(dirname "$0")/gen_readme.py" "$@"
