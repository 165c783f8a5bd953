# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from ..models.hr_exit_interview_external import (
    EXTERNAL_CHECKLIST_FIELDS,
    EXTERNAL_PREPARATION_FIELDS,
    EXTERNAL_REPORT_FIELDS,
)
from .portal import ExitInterviewPortal

NOTE_PREFIX = "note_"
EXTERNAL_REPORTS = {
    "conversation": "hr_exit_interview.action_report_exit_interview_conversation",
    "questions": "hr_exit_interview.action_report_exit_interview_questions",
}


class ExitInterviewInterviewerPortal(ExitInterviewPortal):
    """The pages of an interviewer from outside the organisation: a portal user who
    reads and writes only the interviews an officer named them on. No link opens
    them: the logged-in user must be the interview's external interviewer."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "exit_interviewer_count" in counters:
            values["exit_interviewer_count"] = len(
                request.env["hr.exit.interview"]._external_interviews_of(
                    request.env.user
                )
            )
        return values

    @http.route(
        ["/my/exit-interviews/interviewer"],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_exit_interviewer_list(self, **kwargs):
        """The exit interviews the logged-in user holds as external interviewer."""
        interviews = request.env["hr.exit.interview"]._external_interviews_of(
            request.env.user
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "exit_interviewer_rows": [i._external_values() for i in interviews],
                "page_name": "exit_interviewer_list",
            }
        )
        return self._private(
            request.render("hr_exit_interview.portal_exit_interviewer_list", values)
        )

    @http.route(
        ["/my/exit-interviews/interviewer/<int:interview_id>"],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_exit_interviewer_page(self, interview_id, **kwargs):
        """One interview as its external interviewer reads it."""
        interview = self._exit_interviewer_find(interview_id)
        request.env["hr.exit.interview.reading"]._log_reading(
            "hr.exit.interview.external", interview
        )
        return self._render_exit_interviewer(interview)

    @http.route(
        ["/my/exit-interviews/interviewer/<int:interview_id>"],
        type="http",
        auth="user",
        website=True,
        methods=["POST"],
    )
    def portal_exit_interviewer_post(self, interview_id, **post):
        """Save the preparation, the notes and the report; or mark the talk held."""
        interview = self._exit_interviewer_find(interview_id)
        action = post.get("action")
        values = {
            name: post.get(name, "")
            for name in EXTERNAL_PREPARATION_FIELDS + EXTERNAL_REPORT_FIELDS
        }
        values.update({name: post.get(name) for name in EXTERNAL_CHECKLIST_FIELDS})
        notes = {}
        for key, value in post.items():
            line_id = key.removeprefix(NOTE_PREFIX)
            if key.startswith(NOTE_PREFIX) and line_id.isascii() and line_id.isdigit():
                notes[int(line_id)] = value
        if action not in ("save", "held"):
            return self._render_exit_interviewer(
                interview,
                error=request.env._("Choose Save the Report or Mark the Talk Held."),
                typed=values,
                typed_notes=notes,
                status=400,
            )
        try:
            with request.env.cr.savepoint():
                interview._external_save(values, notes)
                if action == "held":
                    interview._external_mark_held()
        except UserError as error:
            return self._render_exit_interviewer(
                interview,
                error=error.args[0],
                typed=values,
                typed_notes=notes,
                status=400,
            )
        message = (
            request.env._("The talk is marked held and the report saved.")
            if action == "held"
            else request.env._(
                "The report is saved. The exit interview officer reads it and shares "
                "it with the board."
            )
        )
        return self._render_exit_interviewer(interview, message=message)

    @http.route(
        ["/my/exit-interviews/interviewer/<int:interview_id>/<string:sheet>.pdf"],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_exit_interviewer_pdf(self, interview_id, sheet, **kwargs):
        """The conversation sheet or the question sheet as a PDF."""
        if sheet not in EXTERNAL_REPORTS:
            raise request.not_found()
        interview = self._exit_interviewer_find(interview_id)
        return self._private(
            self._show_report(
                model=interview,
                report_type="pdf",
                report_ref=EXTERNAL_REPORTS[sheet],
                download=True,
            )
        )

    def _exit_interviewer_find(self, interview_id):
        """The interview, in superuser mode, once the logged-in user is checked to
        be its external interviewer; else Not Found (whether it exists or not)."""
        interview = request.env["hr.exit.interview"]._external_interview_of(
            interview_id, request.env.user
        )
        if not interview:
            raise request.not_found()
        return interview

    def _render_exit_interviewer(
        self,
        interview,
        error=None,
        message=None,
        typed=None,
        typed_notes=None,
        status=200,
    ):
        """The page: whitelisted values only, with what was typed after a refusal."""
        shown = interview._external_values()
        if typed:
            shown.update(typed)
            for name in EXTERNAL_CHECKLIST_FIELDS:
                shown[name] = bool(typed.get(name))
        for _section, lines in shown["sections"]:
            for line in lines:
                if typed_notes and line["id"] in typed_notes:
                    line["note"] = typed_notes[line["id"]]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "exit_interviewer": shown,
                "exit_interviewer_labels": interview._external_labels(),
                "exit_interviewer_error": error,
                "exit_interviewer_message": message,
                "page_name": "exit_interviewer",
            }
        )
        return self._private(
            request.render(
                "hr_exit_interview.portal_exit_interviewer_page", values, status=status
            )
        )
