# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from ..models.hr_exit_interview_report_read_first import COMMENT_MAX_LENGTH
from .portal import ExitInterviewPortal

# The session the reading link is exchanged for, kept to the reading's pages: the
# questions' session never opens them, nor does this one open the questions.
READING_COOKIE = "hr_exit_interview_report_session"


class ExitInterviewReportReading(ExitInterviewPortal):
    @http.route(
        ["/my/exit-interviews/<int:interview_id>/report"],
        type="http",
        auth="public",
        website=True,
        multilang=False,
        methods=["GET"],
    )
    def portal_exit_interview_report(self, interview_id, access_token=None, **kwargs):
        """The short report the employee reads before the board. The link from the
        mail is exchanged on its first visit for a session of the browser."""
        Interview = request.env["hr.exit.interview"]
        page = self._report_reading_path(interview_id)
        if access_token:
            interview = Interview._report_reading_find(interview_id, access_token)
            if not interview:
                return self._report_reading_ended_or_invalid(
                    interview_id, access_token=access_token
                )
            return self._exit_interview_to_session(
                page, READING_COOKIE, interview._report_reading_open_session()
            )
        session = self._report_reading_session()
        interview = Interview._report_reading_find(interview_id, session=session)
        if not interview:
            return self._report_reading_ended_or_invalid(interview_id, session=session)
        return self._render_report_reading(
            self._exit_interview_in_leaver_lang(interview)
        )

    @http.route(
        ["/my/exit-interviews/<int:interview_id>/report/answer"],
        type="http",
        auth="public",
        website=True,
        multilang=False,
        methods=["POST"],
        csrf=False,
    )
    def portal_exit_interview_report_answer(self, interview_id, **post):
        """Agree, or Comment. The CSRF token is checked here rather than by the
        framework, so that an expired page keeps the comment typed."""
        session = self._report_reading_session()
        interview = request.env["hr.exit.interview"]._report_reading_find(
            interview_id, session=session
        )
        if not interview:
            return self._report_reading_ended_or_invalid(interview_id, session=session)
        interview = self._exit_interview_in_leaver_lang(interview)
        comment = post.get("comment") or ""
        try:
            with request.env.cr.savepoint():
                self._exit_interview_check_post(post, False)
                action = post.get("action")
                if action not in ("agree", "comment"):
                    raise UserError(request.env._("Choose Agree or Comment."))
                interview._report_reading_answer(action == "agree", comment)
        except UserError as error:
            return self._render_report_reading(
                interview, error=error.args[0], comment=comment, status=400
            )
        return self._report_reading_ended(interview, answered=True)

    @staticmethod
    def _report_reading_path(interview_id):
        return f"/my/exit-interviews/{interview_id}/report"

    @staticmethod
    def _report_reading_session():
        """The session the reading link opened in this browser (its cookie), if any."""
        return request.httprequest.cookies.get(READING_COOKIE)

    def _report_reading_ended_or_invalid(
        self, interview_id, access_token=None, session=None
    ):
        """The reading's link or session once ended says so; anything else gets the
        neutral page of a link that opens nothing."""
        ended = request.env["hr.exit.interview"]._report_reading_find_ended(
            interview_id, access_token=access_token, session=session
        )
        if not ended:
            return self._exit_interview_invalid()
        return self._report_reading_ended(self._exit_interview_in_leaver_lang(ended))

    def _report_reading_ended(self, interview, answered=False):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "exit_interview_answered": answered,
                "exit_interview_lang": True,
                "exit_interview_no_sign_in": True,
                "no_breadcrumbs": True,
            }
        )
        return self._private(
            request.render(
                "hr_exit_interview.portal_exit_interview_report_ended",
                values,
                status=200 if answered else 404,
            )
        )

    def _render_report_reading(self, interview, error=None, comment="", status=200):
        """The short report, read-only, with the comment field and the buttons."""
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "interview": interview,
                "exit_interview_report": interview._report_reading_texts(),
                "exit_interview_error": error,
                "exit_interview_comment": comment,
                "exit_interview_comment_max": COMMENT_MAX_LENGTH,
                "exit_interview_action": f"{self._report_reading_path(interview.id)}"
                "/answer",
                "exit_interview_lang": True,
                "exit_interview_no_sign_in": True,
                "no_breadcrumbs": True,
            }
        )
        return self._private(
            request.render(
                "hr_exit_interview.portal_exit_interview_report_reading",
                values,
                status=status,
            )
        )
