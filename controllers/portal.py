# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import Forbidden
from werkzeug.urls import url_encode

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request
from odoo.tools import consteq

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.hr_exit_interview_portal import PORTAL_STATES


class ExitInterviewPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "exit_interview_count" in counters:
            values["exit_interview_count"] = len(self._my_exit_interviews())
        return values

    def _my_exit_interviews(self):
        """The logged-in user's own interviews, found in superuser mode since the
        employee has no access to the model: ownership is the check."""
        user = request.env.user
        if user._is_public():
            return request.env["hr.exit.interview"]
        employees = (
            request.env["hr.employee"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    "|",
                    ("user_id", "=", user.id),
                    ("work_contact_id", "=", user.partner_id.id),
                ]
            )
        )
        return (
            request.env["hr.exit.interview"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", employees.ids),
                    ("state", "in", PORTAL_STATES),
                ]
            )
        )

    def _exit_interview_check_access(self, interview_id, access_token=None):
        """The interview in superuser mode, when the token is this interview's own or
        the user is its employee; AccessError otherwise, also when it does not exist."""
        interview = (
            request.env["hr.exit.interview"].sudo().browse(interview_id).exists()
        )
        if not interview or interview.state not in PORTAL_STATES:
            raise AccessError(request.env._("This page is not available."))
        token = interview.access_token
        if access_token and token and consteq(token, access_token):
            return interview
        if interview._is_owned_by(request.env.user):
            return interview
        raise AccessError(request.env._("This page is not available."))

    def _exit_interview_denied(self):
        # The same answer whether the interview exists or not.
        if request.env.user._is_public():
            query = url_encode({"redirect": request.httprequest.full_path})
            return request.redirect(f"/web/login?{query}")
        raise Forbidden()

    @http.route(
        ["/my/exit-interviews"],
        type="http",
        auth="user",
        website=True,
        methods=["GET"],
    )
    def portal_my_exit_interviews(self, **kwargs):
        """The logged-in employee's exit interviews."""
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "interviews": self._my_exit_interviews(),
                "page_name": "exit_interviews",
            }
        )
        return request.render("hr_exit_interview.portal_my_exit_interviews", values)

    @http.route(
        ["/my/exit-interviews/<int:interview_id>"],
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
    )
    def portal_exit_interview_page(self, interview_id, access_token=None, **kwargs):
        """The preparatory questions of one interview."""
        try:
            interview = self._exit_interview_check_access(interview_id, access_token)
        except (AccessError, MissingError):
            return self._exit_interview_denied()
        return self._render_exit_interview(interview, access_token)

    @http.route(
        ["/my/exit-interviews/<int:interview_id>/answer"],
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        csrf=False,
    )
    def portal_exit_interview_answer(self, interview_id, access_token=None, **post):
        """Save, submit or decline. The CSRF token is checked here rather than by the
        framework, so that an expired page keeps what the employee typed."""
        try:
            interview = self._exit_interview_check_access(interview_id, access_token)
        except (AccessError, MissingError):
            return self._exit_interview_denied()
        answers, bad_key = self._posted_answers(post)
        action = post.get("action")
        try:
            if not request.validate_csrf(post.get("csrf_token")):
                raise UserError(
                    request.env._(
                        "This page has expired. Your text is still below: "
                        "send it again."
                    )
                )
            if bad_key:
                raise UserError(
                    request.env._(
                        "One of the answers does not belong to your questions."
                    )
                )
            if action in ("save", "submit"):
                interview._portal_acknowledge_notice(post.get("acknowledge_notice"))
            if action == "save":
                interview._portal_save_answers(answers)
                message = request.env._(
                    "Your answers are saved. You can come back later."
                )
            elif action == "submit":
                interview._portal_submit_answers(answers)
                message = request.env._(
                    "Thank you. Your answers were sent to the interviewer."
                )
            elif action == "decline":
                interview._portal_decline(post.get("decline_reason"))
                message = request.env._(
                    "We respect your choice. Thank you for letting us know."
                )
            else:
                raise UserError(request.env._("Choose to save, submit or decline."))
        except UserError as error:
            return self._render_exit_interview(
                interview, access_token, error=error.args[0], typed=answers, status=400
            )
        return self._render_exit_interview(interview, access_token, message=message)

    @http.route(
        ["/my/exit-interviews/<int:interview_id>/answers.pdf"],
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
    )
    def portal_exit_interview_answers_pdf(
        self, interview_id, access_token=None, **kwargs
    ):
        """The employee's own answers as a PDF (right of access)."""
        try:
            interview = self._exit_interview_check_access(interview_id, access_token)
        except (AccessError, MissingError):
            return self._exit_interview_denied()
        return self._show_report(
            model=interview,
            report_type="pdf",
            report_ref="hr_exit_interview.action_report_exit_interview_answers",
            download=True,
        )

    @staticmethod
    def _posted_answers(post):
        """{line id: text} from the form's answer_<id> fields, and whether a field
        name was malformed."""
        answers, bad_key = {}, False
        for key, value in post.items():
            if not key.startswith("answer_"):
                continue
            line_id = key.removeprefix("answer_")
            if not line_id.isdigit() or not isinstance(value, str):
                bad_key = True
                continue
            answers[int(line_id)] = value
        return answers, bad_key

    def _render_exit_interview(
        self, interview, access_token, error=None, message=None, typed=None, status=200
    ):
        lines = interview.line_ids.sorted()
        sections = []
        for line in lines:
            if not sections or sections[-1][0] != line.section_name:
                sections.append((line.section_name, []))
            sections[-1][1].append(line)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "interview": interview,
                "sections": sections,
                "access_token": access_token,
                "error": error,
                "message": message,
                "typed": typed or {},
                "letter": interview._render_letter(),
                "notice": interview._privacy_notice(),
                "page_name": "exit_interview",
                "editable": interview._portal_is_open(),
            }
        )
        return request.render(
            "hr_exit_interview.portal_exit_interview_page", values, status=status
        )
