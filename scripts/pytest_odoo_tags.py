"""A pytest plugin for `make pytest` (scripts/pytest.sh loads it with -p).

Not a conftest.py in tests/: pytest would import that before pytest-odoo maps the
tests to odoo.addons.hr_exit_interview, as a package named after the folder.

Odoo's test tags decide here too: a class tagged "-standard" (the benchmark) is left
out. HttpCase tests reach the server on the configured port (HTTP_PORT), not on a
random one. And Odoo knows the running test as under its own runner (pytest-odoo does
so from Odoo 19 on only): without it, Odoo really sends mails and checks no cursor.
"""

import pytest
import pytest_odoo

from odoo.modules import module
from odoo.tools import config

pytest_odoo._get_available_random_port = lambda: config["http_port"]


def pytest_collection_modifyitems(config, items):  # pylint: disable=redefined-outer-name
    kept, left_out = [], []
    for item in items:
        tags = getattr(getattr(item, "cls", None), "test_tags", {"standard"})
        (kept if "standard" in tags else left_out).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    module.current_test = getattr(item, "instance", None) or False


def pytest_sessionfinish():
    module.current_test = False
