# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError

from ..models.hr_exit_interview import BOARD_GROUP, INTERVIEWER_GROUP, OFFICER_GROUP

BOARD_READERS = (OFFICER_GROUP, BOARD_GROUP)


def _check_board_reader(env):
    if not any(env.user.has_group(group) for group in BOARD_READERS):
        raise AccessError(
            env._(
                "Only the board and the exit interview officers can read exit "
                "interview reports."
            )
        )


def _check_interviewer_reader(docs, refusal):
    """The interviewer's own reports (answers, conversation sheet): for the
    interviewer and the officers who may read the interviews, never the board;
    refusal() says why."""
    if not docs.env.user.has_group(INTERVIEWER_GROUP):
        raise AccessError(refusal())
    docs.check_access("read")


def _report_values(docids, docs):
    return {"doc_ids": docids, "doc_model": "hr.exit.interview", "docs": docs}


class ReportExitInterview(models.AbstractModel):
    """The board report. /report/... does not look at the action's groups, so the
    reader's rights are checked here, whatever the path that renders it."""

    _name = "report.hr_exit_interview.report_exit_interview"
    _description = "Exit Interview Board Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        _check_board_reader(self.env)
        docs = self.env["hr.exit.interview"].browse(docids)
        docs.check_access("read")
        self.env["hr.exit.interview.reading"]._log_reading(self._name, docs)
        # Checked above: the reader may read these interviews, and the report shows
        # nothing the reader may not read (answers only when they belong to the
        # report). Rendering them in superuser mode spares re-applying every record
        # rule to each record the report touches.
        docs = docs.sudo().with_context(prefetch_fields=False)
        return _report_values(docids, docs)


class ReportExitInterviewQuestions(models.AbstractModel):
    _name = "report.hr_exit_interview.report_exit_interview_questions"
    _description = "Exit Interview Preparatory Questions"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["hr.exit.interview"].browse(docids)
        docs.check_access("read")
        return _report_values(docids, docs)


class ReportExitInterviewAnswers(models.AbstractModel):
    """The employee's answers: for the interview's interviewer and officers, and the
    employee through the portal (after its token or owner check, in superuser mode).
    Not for the board, who reads the answers in its report only when the interviewer
    included them."""

    _name = "report.hr_exit_interview.report_exit_interview_answers"
    _description = "Exit Interview Answers"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["hr.exit.interview"].browse(docids)
        if not self.env.su:
            _check_interviewer_reader(
                docs,
                lambda: self.env._(
                    "Only the interviewer and the exit interview officers can "
                    "print the employee's answers."
                ),
            )
        return _report_values(docids, docs)


class ReportExitInterviewConversation(models.AbstractModel):
    """The interviewer's sheet for the talk: the preparation, the answers and the
    notes. For the interviewer and the officers, never the board."""

    _name = "report.hr_exit_interview.report_exit_interview_conversation"
    _description = "Exit Interview Conversation Sheet"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["hr.exit.interview"].browse(docids)
        # In superuser mode for the external interviewer, after the portal's check.
        if not self.env.su:
            _check_interviewer_reader(
                docs,
                lambda: self.env._(
                    "Only the interviewer and the exit interview officers can print "
                    "the conversation sheet."
                ),
            )
        return _report_values(docids, docs)
