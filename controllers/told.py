# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import request

from .portal import ExitInterviewPortal


class ExitInterviewToldPortal(ExitInterviewPortal):
    def _exit_interview_save(self, interview, answers, bases, post):
        # As the other choices: recorded once the notice is confirmed, until then
        # kept ticked by the page.
        conflicts = super()._exit_interview_save(interview, answers, bases, post)
        if interview.notice_acknowledged_on:
            interview._told_record_consent(post.get("told_consent") == "1")
        return conflicts

    def _exit_interview_submit(self, interview, answers, bases, post):
        # Recorded in the submit's savepoint: a refused submit records nothing.
        message = super()._exit_interview_submit(interview, answers, bases, post)
        interview._told_record_consent(post.get("told_consent") == "1")
        return message

    @http.route(
        ["/my/exit-interviews/<int:interview_id>/told-withdraw"],
        type="http",
        auth="public",
        website=True,
        multilang=False,
        methods=["GET", "POST"],
        csrf=False,
    )
    def portal_exit_interview_told_withdraw(
        self, interview_id, access_token=None, **post
    ):
        """The link of a mail that withdraws the wish to hear what was done: it asks
        first, and withdraws on the confirmation's post, without any login."""
        interview = request.env["hr.exit.interview"]._told_find_by_withdraw_link(
            interview_id, access_token
        )
        if not interview:
            return self._exit_interview_invalid()
        interview = self._exit_interview_in_leaver_lang(interview)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "exit_interview_withdraw_url": (
                    f"/my/exit-interviews/{interview.id}/told-withdraw"
                ),
                "exit_interview_withdraw_token": access_token,
                "exit_interview_lang": True,
                "no_breadcrumbs": request.env.user._is_public(),
            }
        )
        if request.httprequest.method == "POST":
            csrf = post.get("csrf_token")
            if not isinstance(csrf, str) or not request.validate_csrf(csrf):
                values["exit_interview_error"] = request.env._(
                    "This page has expired: confirm again."
                )
            else:
                interview._told_withdraw()
                values["exit_interview_withdrawn"] = True
        return self._private(
            request.render(
                "hr_exit_interview.portal_exit_interview_told_withdraw", values
            )
        )
