#!/usr/bin/env bash
# `make lint`: ruff (lint and format), pylint-odoo, OCA's oca-checks-odoo-module and
# oca-checks-po, prettier on the XML and eslint, with OCA's settings; exits non-zero on any
# finding.
# `scripts/lint.sh TOOL...` runs some of them only (the local hooks of
# .pre-commit-config.yaml do). OCA's checks and the Node tools are installed from
# scripts/lint/ into folders of their own outside the repository, once.
source "$(dirname "$0")/common.sh"
"$(dirname "$0")/venv.sh"
cd "$ADDON_DIR"
tools=("$@")
[ ${#tools[@]} -eq 0 ] && tools=(ruff pylint oca-checks-odoo-module oca-checks-po prettier eslint)

# oca-odoo-pre-commit-hooks pins polib 1.2, Odoo 18 polib 1.1.1: a virtualenv of its own.
lint_venv() { python_tools lint; }

# prettier and eslint as scripts/lint/package-lock.json pins them.
node_tools() {
    local modules
    modules="$(node_packages lint)"
    echo "$modules/.bin"
}

status=0
for tool in "${tools[@]}"; do
    case "$tool" in
        ruff)
            "$VENV/bin/ruff" check --quiet . || status=1
            "$VENV/bin/ruff" format --check --quiet . || status=1
            ;;
        pylint) "$VENV/bin/pylint" --rcfile=.pylintrc . || status=1 ;;
        oca-checks-odoo-module)
            # It looks for manifests below the repository's top, never at it, where this
            # addon is: it checks a copy of the checkout's files, named as the addon.
            copy="$(mktemp -d)"
            mkdir "$copy/$ADDON_NAME"
            git ls-files -z --cached --others --exclude-standard \
                | tar --null -T - -cf - 2>/dev/null | tar -xf - -C "$copy/$ADDON_NAME"
            # README.md is the developer's page, README.rst the user's: prefer-readme-rst.
            checker="$(lint_venv)/bin/oca-checks-odoo-module"
            (cd "$copy" && "$checker" --disable=prefer-readme-rst \
                "$ADDON_NAME/__manifest__.py") | sed "s|$copy/||" || status=1
            rm -rf "$copy"
            ;;
        oca-checks-po)
            # po-pretty-format empties a msgstr equal to its msgid ("Manager" in Dutch),
            # which the completeness check of check_static.py then counts as missing.
            "$(lint_venv)/bin/oca-checks-po" --disable=po-pretty-format i18n/*.po i18n/*.pot \
                || status=1
            ;;
        prettier)
            # OCA's settings (.prettierrc.yml, .editorconfig); --write instead of --check
            # reformats.
            bin="$(node_tools)"
            git ls-files -z --cached --others --exclude-standard '*.xml' \
                | xargs -0 "$bin/prettier" --plugin="$bin/../@prettier/plugin-xml" \
                    --check --loglevel=warn || status=1
            ;;
        eslint) "$(node_tools)/eslint" --max-warnings=0 static/ || status=1 ;;
        *) die "unknown tool $tool" ;;
    esac
done
if [ $status -eq 0 ]; then echo "lint: ${tools[*]} clean"; else echo "lint: FAILED"; fi
exit $status
