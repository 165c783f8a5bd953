# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.2.1.0: the letter names the meeting as a person writes it, in the employee's
language and time zone, and says nothing of a meeting that is not planned."""

from odoo import SUPERUSER_ID, api
from odoo.tools import convert_file


def migrate(cr, version):
    # The mail templates are noupdate, which an update never rewrites: their new
    # wording is loaded once, here (the translations follow from the .po files).
    convert_file(
        api.Environment(cr, SUPERUSER_ID, {}),
        "hr_exit_interview",
        "data/mail_template_data.xml",
        {},
        mode="init",
        noupdate=True,
    )
