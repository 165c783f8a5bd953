# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .hr_exit_interview import BOARD_GROUP, OFFICER_GROUP

# The board and the officers only, as the measure's interview (see its interview_id).
TOLD_GROUPS = f"{OFFICER_GROUP},{BOARD_GROUP}"


class HrExitInterviewMeasure(models.Model):
    """What the board lets leavers hear of a measure: a text of its own, never the
    internal description, and the interviews whose employee was told."""

    _inherit = "hr.exit.interview.measure"

    leaver_shareable = fields.Boolean(
        string="May Be Told to Leavers",
        tracking=True,
        groups=TOLD_GROUPS,
        help="The employee of the interview, when they asked for it, may hear of "
        "this measure through its text for leavers; the description stays internal.",
    )
    leaver_text = fields.Text(
        string="Text for Leavers",
        groups=TOLD_GROUPS,
        help="What the leaver reads of this measure: short, without any name and "
        "without anything of the report.",
    )
    # The interviews' own record of what was told (told_measure_ids), read here.
    told_interview_ids = fields.Many2many(
        "hr.exit.interview",
        string="Told to the Employee Of",
        compute="_compute_told_interview_ids",
        groups=TOLD_GROUPS,
    )

    @api.constrains("leaver_shareable", "leaver_text")
    def _check_leaver_text(self):
        for measure in self:
            if measure.leaver_shareable and not (measure.leaver_text or "").strip():
                raise ValidationError(
                    self.env._(
                        "A measure told to leavers needs its text for leavers: write "
                        "what the leaver may read, without any name, or untick May "
                        "Be Told to Leavers."
                    )
                )

    def _compute_told_interview_ids(self):
        told = (
            self.env["hr.exit.interview"]
            .sudo()
            .search([("told_measure_ids", "in", self.ids)])
        )
        for measure in self:
            measure.told_interview_ids = told.filtered(
                lambda interview, m=measure: m in interview.told_measure_ids
            )
