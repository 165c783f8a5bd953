# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0 changed record rules (officers and their own team, the board and the
answers). An update never rewrites noupdate records, so the old ones go here and the
module's data creates the new ones."""

from odoo import SUPERUSER_ID, api

CHANGED_RULES = (
    "hr_exit_interview_rule_officer",
    "hr_exit_interview_line_rule_officer",
    "hr_exit_interview_line_rule_board",
    "hr_exit_interview_action_rule_officer",
)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    xmlids = env["ir.model.data"].search(
        [
            ("module", "=", "hr_exit_interview"),
            ("model", "=", "ir.rule"),
            ("name", "in", CHANGED_RULES),
        ]
    )
    env["ir.rule"].browse(xmlids.mapped("res_id")).unlink()
    xmlids.unlink()
