# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

# Who typed the answers in, and when: written by the action and the answers only.
TRANSCRIPTION_FIELDS = {"answers_transcribed", "transcribed_by_id", "transcribed_on"}
# While the interviewer may type in answers received on paper.
TRANSCRIPTION_STATES = ("prepared", "held")


class HrExitInterview(models.Model):
    """Answers received on paper (the guide: the template may be copied and
    forwarded). The interviewer types them in; they stay marked as typed in by the
    interviewer, never as the employee's own input, and the board never reads them:
    no one can tell what the employee wrote from what was read into it."""

    _inherit = "hr.exit.interview"

    # === FIELDS === #

    answers_transcribed = fields.Boolean(
        string="Answers Received on Paper",
        readonly=True,
        copy=False,
        help="The answers were typed in by the interviewer from paper: they are not "
        "the employee's own input, and the board never reads them.",
    )
    transcribed_by_id = fields.Many2one(
        "res.users", string="Typed In By", readonly=True, copy=False
    )
    transcribed_on = fields.Datetime(string="Typed In On", readonly=True, copy=False)

    # === CONSTRAINT METHODS === #

    @api.constrains("report_include_answers", "answers_transcribed")
    def _check_transcribed_answers_not_in_report(self):
        for interview in self:
            if interview.report_include_answers and interview.answers_transcribed:
                raise ValidationError(
                    self.env._(
                        "The answers of %(employee)s were typed in from paper: the "
                        "board reads the short report only.",
                        employee=interview.employee_id.name,
                    )
                )

    # === BUSINESS METHODS === #

    @api.model
    def _check_transcription_fields(self, vals):
        if TRANSCRIPTION_FIELDS & vals.keys():
            raise AccessError(
                self.env._(
                    "Whether answers were typed in from paper, by whom and when, is "
                    "recorded by Odoo only."
                )
            )

    def _mark_transcribed(self):
        """Record who typed answers in and when; the board report never holds them."""
        self.sudo().write(
            {
                "answers_transcribed": True,
                "transcribed_by_id": self.env.uid,
                "transcribed_on": fields.Datetime.now(),
                "report_include_answers": False,
            }
        )

    def _answers_typed_in(self):
        """Whether the interviewer may type in answers received on paper."""
        return all(
            interview.answers_transcribed and interview.state in TRANSCRIPTION_STATES
            for interview in self
        )
