# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError

BOARD_READERS = (
    "hr_exit_interview.group_exit_interview_officer",
    "hr_exit_interview.group_exit_interview_board",
)


class ReportExitInterview(models.AbstractModel):
    """The board report. /report/... does not look at the action's groups, so the
    reader's rights are checked here, whatever the path that renders it."""

    _name = "report.hr_exit_interview.report_exit_interview"
    _description = "Exit Interview Board Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        user = self.env.user
        if not any(user.has_group(group) for group in BOARD_READERS):
            raise AccessError(
                self.env._(
                    "Only the board and the exit interview officers can read exit "
                    "interview reports."
                )
            )
        docs = self.env["hr.exit.interview"].browse(docids)
        docs.check_access("read")
        return {"doc_ids": docids, "doc_model": "hr.exit.interview", "docs": docs}


class ReportExitInterviewQuestions(models.AbstractModel):
    _name = "report.hr_exit_interview.report_exit_interview_questions"
    _description = "Exit Interview Preparatory Questions"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["hr.exit.interview"].browse(docids)
        docs.check_access("read")
        return {"doc_ids": docids, "doc_model": "hr.exit.interview", "docs": docs}
