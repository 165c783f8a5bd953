# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.2.0.0: the month of departure joins the statistics kept after anonymisation;
the employees' links sent before stop working, and the officers are asked to send
the questions again where they are still open."""

from odoo import SUPERUSER_ID, api
from odoo.tools import convert_file


def migrate(cr, version):
    cr.execute(
        "UPDATE hr_exit_interview "
        "SET departure_month = date_trunc('month', last_working_day)::date "
        "WHERE last_working_day IS NOT NULL AND departure_month IS NULL"
    )
    # The mail templates are noupdate, which an update never rewrites: their new
    # wording (the link from the sending, the notice) is loaded once, here.
    convert_file(
        api.Environment(cr, SUPERUSER_ID, {}),
        "hr_exit_interview",
        "data/mail_template_data.xml",
        {},
        mode="init",
        noupdate=True,
    )
    # No mail for the activities: an update is not a reason to notify anyone.
    env = api.Environment(cr, SUPERUSER_ID, {"mail_activity_quick_update": True})
    for interview in env["hr.exit.interview"].search([("state", "=", "invited")]):
        interview.activity_schedule(
            "mail.mail_activity_data_todo",
            user_id=interview.create_uid.id,
            summary="Send the questions again: an update renewed the personal links",
        )
