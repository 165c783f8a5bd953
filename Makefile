# Development commands of hr_exit_interview; see README.md. Settings (ODOO_SRC, PG*, DB_NAME,
# HTTP_PORT, VENV) come from the environment, with defaults in scripts/common.sh.
.PHONY: run test test-compat pytest wheel readme screenshots bench load lint i18n coverage clean

run:  ## serve Odoo with the addon and its demo data on http://127.0.0.1:8069 (admin / admin)
	@scripts/run.sh

test:  ## lint, static checks, the addon's tests and its upgrade on a real Odoo (8 minutes at most)
	@scripts/test.sh

test-compat:  ## the addon alone with demo data, then its tests beside website, hr_holidays, hr_contract, l10n_be, OCA/hr
	@scripts/test-compat.sh

pytest:  ## the addon's tests under pytest-odoo in a fresh database (PYTEST_ARGS: files, options)
	@scripts/pytest.sh $(PYTEST_ARGS)

wheel:  ## build the addon's wheel with whool and prove that Odoo installs the addon from it
	@scripts/check_wheel.sh

readme:  ## regenerate README.rst and static/description/index.html (Apps) from readme/*.md
	@scripts/readme.sh

screenshots:  ## retake the Apps page's screenshots in headless chromium from a demo database
	@scripts/screenshots.sh

bench:  ## the benchmark of README's Performance section, in a fresh database (not in test)
	@scripts/bench/bench.sh

load:  ## Odoo in prefork mode under locust, through faults, on two servers (not in test)
	@scripts/load/load.sh

lint:  ## ruff and pylint-odoo with OCA's configuration
	@scripts/lint.sh

i18n:  ## regenerate i18n/hr_exit_interview.pot and merge it into the .po files
	@scripts/i18n.sh

coverage:  ## the addon's tests under coverage (the Odoo tier of test), then the line coverage
	@scripts/coverage.sh

clean:  ## stop the private PostgreSQL cluster and remove the ignored .dev/ folder
	@scripts/clean.sh
