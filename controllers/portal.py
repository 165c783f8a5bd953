# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import re

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools import format_datetime, formatLang

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..models.hr_exit_interview_portal import (
    ANSWER_MAX_LENGTH,
    PORTAL_SESSION,
    UNSAVED_BASE,
    AnswerConflict,
    mask_email,
)

# The session the link is exchanged for; its path keeps it to one interview's pages.
SESSION_COOKIE = "hr_exit_interview_session"
LINK_TOKEN = re.compile(r"(/my/exit-interviews\S*?[?&]access_token=)[^&\s\"]+")


class RedactLinkTokens(logging.Filter):
    """Odoo's request log writes the path of every request: the employee's link
    would stand there whole, for whoever reads the logs to open."""

    def filter(self, record):
        message = record.getMessage()
        redacted = LINK_TOKEN.sub(r"\1[redacted]", message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


_request_log = logging.getLogger("werkzeug")
if not any(isinstance(f, RedactLinkTokens) for f in _request_log.filters):
    _request_log.addFilter(RedactLinkTokens())


class ExitInterviewPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "exit_interview_count" in counters:
            values["exit_interview_count"] = len(
                request.env["hr.exit.interview"]._portal_interviews_of(request.env.user)
            )
        return values

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
                "interviews": request.env["hr.exit.interview"]._portal_interviews_of(
                    request.env.user
                ),
                "page_name": "exit_interviews",
            }
        )
        return self._private(
            request.render("hr_exit_interview.portal_my_exit_interviews", values)
        )

    @http.route(
        ["/my/exit-interviews/<int:interview_id>"],
        type="http",
        auth="public",
        website=True,
        multilang=False,
        methods=["GET"],
    )
    def portal_exit_interview_page(self, interview_id, access_token=None, **kwargs):
        """The preparatory questions of one interview. The link from the mail is
        exchanged on its first visit for a session of the browser, and leaves the
        address bar (see _exit_interview_open_link)."""
        if access_token:
            return self._exit_interview_open_link(interview_id, access_token)
        interview = self._exit_interview_find(interview_id, None)
        if not interview:
            # Back after submitting or declining, in the browser it was done in.
            return self._exit_interview_ended_or_invalid(
                interview_id, session=self._exit_interview_session()
            )
        return self._render_exit_interview(interview)

    @http.route(
        ["/my/exit-interviews/<int:interview_id>/new-link"],
        type="http",
        auth="public",
        website=True,
        multilang=False,
        methods=["POST"],
    )
    def portal_exit_interview_new_link(self, interview_id, access_token=None, **post):
        """Send a new link to where the used one went: its holder, on another
        device, gets it in their mailbox; someone who found it gets nothing."""
        interview = request.env["hr.exit.interview"]._portal_find_used_link(
            interview_id, access_token
        )
        if not interview:
            return self._exit_interview_invalid()
        interview = self._exit_interview_in_leaver_lang(interview)
        address = interview._portal_send_fresh_link()
        message = (
            request.env._("A new link was sent to %(address)s.", address=address)
            if address
            else request.env._(
                "A new link was sent a few minutes ago: look for it in your mailbox."
            )
        )
        return self._exit_interview_link_used(interview, access_token, message)

    @http.route(
        ["/my/exit-interviews/<int:interview_id>/answer"],
        type="http",
        auth="public",
        website=True,
        multilang=False,
        methods=["POST"],
        csrf=False,
    )
    def portal_exit_interview_answer(self, interview_id, access_token=None, **post):
        """Save, submit or decline. The CSRF token is checked here rather than by the
        framework, so that an expired page keeps what the employee typed."""
        interview = self._exit_interview_find(interview_id, access_token)
        if not interview:
            return self._exit_interview_invalid()
        answers, bases, bad_key = self._posted_answers(post)
        action = post.get("action")
        conflicts = None
        try:
            # A refused action leaves nothing behind, not even the choices.
            with request.env.cr.savepoint():
                self._exit_interview_check_post(post, bad_key)
                if action == "save":
                    conflicts = self._exit_interview_save(
                        interview, answers, bases, post
                    )
                    message = request.env._(
                        "Your answers are saved. You can come back later."
                    )
                elif action == "submit":
                    message = self._exit_interview_submit(
                        interview, answers, bases, post
                    )
                elif action == "decline":
                    reason = post.get("decline_reason") or ""
                    if not isinstance(reason, str):
                        raise UserError(request.env._("The reason must be text."))
                    interview._portal_decline(reason)
                    message = request.env._(
                        "We respect your choice. Thank you for letting us know."
                    )
                elif action == "written":
                    interview._portal_answer_in_writing()
                    message = request.env._(
                        "There will be no meeting: answer the questions below and "
                        "submit them when you are ready. The interviewer writes the "
                        "short report from your answers."
                    )
                else:
                    raise UserError(request.env._("Choose to save, submit or decline."))
        except AnswerConflict as conflict:
            return self._render_exit_interview(
                interview,
                error=conflict.args[0],
                typed=answers,
                conflicts=conflict.lines,
                status=409,
            )
        except UserError as error:
            return self._render_exit_interview(
                interview,
                error=error.args[0],
                typed=answers,
                bases=bases,
                status=400,
            )
        if conflicts:
            return self._render_exit_interview(
                interview,
                error=interview._portal_conflict_message(conflicts),
                typed=answers,
                conflicts=conflicts,
                status=409,
            )
        return self._render_exit_interview(interview, message=message)

    @http.route(
        ["/my/exit-interviews/<int:interview_id>/autosave"],
        type="http",
        auth="public",
        website=True,
        multilang=False,
        methods=["POST"],
        csrf=False,
    )
    def portal_exit_interview_autosave(self, interview_id, access_token=None, **post):
        """Save the draft while the employee types and when the page closes, with
        the checks of Save; the page's script reads the JSON answer."""
        interview = self._exit_interview_find(interview_id, access_token)
        if not interview:
            return self._exit_interview_json(
                {
                    "status": "invalid",
                    "message": request.env._("This link is no longer valid"),
                },
                404,
            )
        answers, bases, bad_key = self._posted_answers(post)
        try:
            with request.env.cr.savepoint():
                self._exit_interview_check_post(post, bad_key)
                conflicts = self._exit_interview_save(interview, answers, bases, post)
        except UserError as error:
            return self._exit_interview_json(
                {"status": "error", "message": error.args[0]}, 400
            )
        lines = interview._portal_lines()
        result = {
            "status": "conflict" if conflicts else "saved",
            "message": interview._portal_conflict_message(conflicts)
            if conflicts
            else self._exit_interview_saved_on(interview),
            "bases": {line.id: line._portal_base() for line in lines - conflicts},
            "conflicts": [
                {
                    "line": line.id,
                    "base": line._portal_base(),
                    "answer": line._portal_answer(),
                    "display": line.answer_display or "",
                }
                for line in conflicts
            ],
        }
        return self._exit_interview_json(result, 409 if conflicts else 200)

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
        interview = self._exit_interview_find(interview_id, access_token)
        if not interview:
            return self._exit_interview_invalid()
        return self._private(
            self._show_report(
                model=interview,
                report_type="pdf",
                report_ref="hr_exit_interview.action_report_exit_interview_answers",
                download=True,
            )
        )

    def _exit_interview_open_link(self, interview_id, access_token):
        """The link's first visit sets the session's cookie, HttpOnly and for this
        interview's pages only, and sends the browser to the page without the
        link: the address bar and the history keep no token. A used link sends
        its own browser on to the page, and any other to the offer of a new
        link."""
        page = f"/my/exit-interviews/{interview_id}"
        Interview = request.env["hr.exit.interview"]
        interview = Interview._portal_find(interview_id, access_token, None)
        if interview:
            return self._exit_interview_to_session(
                page, SESSION_COOKIE, interview._portal_open_session()
            )
        # Its own browser goes on to the page, which finds the session again: the
        # interview's language (_exit_interview_find's) is of no use here.
        if Interview._portal_find(
            interview_id, None, request.env.user, session=self._exit_interview_session()
        ):
            return self._private(request.redirect(page, code=303, local=True))
        used = Interview._portal_find_used_link(interview_id, access_token)
        if used:
            return self._exit_interview_link_used(
                self._exit_interview_in_leaver_lang(used), access_token
            )
        return self._exit_interview_ended_or_invalid(
            interview_id, access_token=access_token
        )

    def _exit_interview_to_session(self, page, cookie, secret):
        """Send the browser on to the page without the link, holding the session
        the link was exchanged for: HttpOnly, for that page's path only, short-lived."""
        response = request.redirect(page, code=303, local=True)
        response.set_cookie(
            cookie,
            secret,
            max_age=int(PORTAL_SESSION.total_seconds()),
            path=page,
            secure=request.httprequest.scheme == "https",
            httponly=True,
            samesite="Lax",
        )
        return self._private(response)

    def _exit_interview_ended_or_invalid(
        self, interview_id, access_token=None, session=None
    ):
        """The link or session the employee submitted or declined with says so, in
        their language and with nothing of what they answered; anything else gets
        the neutral page. Both answer with the same status."""
        ended = request.env["hr.exit.interview"]._portal_find_ended(
            interview_id, access_token=access_token, session=session
        )
        if not ended:
            return self._exit_interview_invalid()
        interview = self._exit_interview_in_leaver_lang(ended)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "exit_interview_declined": interview.state == "declined",
                "exit_interview_copy_mailed": bool(interview._latest_sending().email),
                "exit_interview_lang": True,
                "exit_interview_no_sign_in": not interview._latest_sending().user_id,
                "no_breadcrumbs": request.env.user._is_public(),
            }
        )
        return self._private(
            request.render(
                "hr_exit_interview.portal_exit_interview_ended", values, status=404
            )
        )

    def _exit_interview_link_used(self, interview, access_token, message=None):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "interview": interview,
                "exit_interview_used_token": access_token,
                "exit_interview_message": message,
                "no_breadcrumbs": request.env.user._is_public(),
            }
        )
        return self._private(
            request.render("hr_exit_interview.portal_exit_interview_link_used", values)
        )

    def _exit_interview_find(self, interview_id, access_token):
        """The interview the link, the session it opened or the logged-in owner
        opens, in the employee's language (_exit_interview_in_leaver_lang). A link
        that opens nothing says so in the browser's language, which tells nothing
        about anyone."""
        interview = request.env["hr.exit.interview"]._portal_find(
            interview_id,
            access_token,
            request.env.user,
            session=self._exit_interview_session(),
        )
        if not interview:
            return interview
        return self._exit_interview_in_leaver_lang(interview)

    @staticmethod
    def _exit_interview_session():
        """The session the link opened in this browser (its cookie), if any."""
        return request.httprequest.cookies.get(SESSION_COOKIE)

    @staticmethod
    def _exit_interview_in_leaver_lang(interview):
        """The request switched to the employee's language: the page, its script,
        its errors and the PDF speak it, whatever the browser asks."""
        lang = request.env["res.lang"]._get_data(code=interview._leaver_lang())
        if not lang:
            return interview
        request.update_context(lang=lang.code)
        request.lang = lang
        return interview.with_context(lang=lang.code)

    @staticmethod
    def _exit_interview_check_post(post, bad_key):
        """The checks of every post of the employee's form, before any answer."""
        csrf = post.get("csrf_token")
        if not isinstance(csrf, str) or not request.validate_csrf(csrf):
            raise UserError(
                request.env._(
                    "This page has expired. Your text is still below: send it again."
                )
            )
        if bad_key:
            raise UserError(
                request.env._("One of the answers does not belong to your questions.")
            )

    @staticmethod
    def _exit_interview_choices(post):
        """The notice and the choices, recorded before the answers are checked, in
        the same savepoint, which a refused answer rolls back with the choices."""
        return (
            post.get("acknowledge_notice") == "1",
            post.get("board_consent") == "1",
            post.get("successor_advice_consent") == "1",
        )

    def _exit_interview_save(self, interview, answers, bases, post):
        """Save the draft; return the answers left out as changed meanwhile. A
        draft needs no confirmed notice: the choices wait for it, and the page
        keeps them ticked (_render_exit_interview's posted_choices)."""
        choices = self._exit_interview_choices(post)
        if not (choices[0] or interview.notice_acknowledged_on):
            choices = None
        return interview._portal_save_answers(answers, bases, choices)

    def _exit_interview_submit(self, interview, answers, bases, post):
        """Submit the answers; return the message that thanks the employee."""
        copy_address = interview._portal_submit_answers(
            answers, bases, self._exit_interview_choices(post)
        )
        message = request.env._("Thank you. Your answers were sent to the interviewer.")
        if copy_address:
            message += " " + request.env._(
                "A copy of them will be mailed to %(address)s in a few minutes.",
                address=mask_email(copy_address),
            )
        return message

    def _exit_interview_saved_on(self, interview):
        """When the draft was last saved, in the employee's language and time zone."""
        if not interview.answers_saved_on:
            return ""
        return request.env._(
            "Draft saved on %(moment)s.",
            moment=format_datetime(
                request.env,
                interview.answers_saved_on,
                tz=interview._employee_tz(),
                dt_format="short",
            ),
        )

    def _exit_interview_json(self, values, status):
        return self._private(request.make_json_response(values, status=status))

    def _exit_interview_invalid(self):
        """One neutral page for every link that opens nothing, whoever asks and
        whether the interview exists or not."""
        values = self._prepare_portal_layout_values()
        # The breadcrumb's home needs an account.
        values["no_breadcrumbs"] = request.env.user._is_public()
        return self._private(
            request.render(
                "hr_exit_interview.portal_exit_interview_invalid", values, status=404
            )
        )

    @staticmethod
    def _private(response):
        """The employee's words are never kept by a browser or a proxy: Back after
        submitting shows no stale form that silently loses what is typed. No page
        frames them either, not even one of the same site (clickjacking)."""
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Content-Security-Policy"] = "frame-ancestors 'none'"
        return response

    @staticmethod
    def _posted_answers(post):
        """{line id: text} from the form's answer_<id> fields, {line id: base} from
        its base_<id> fields (what the page showed of each answer), and whether a
        field name was malformed."""
        posted = {"answer_": {}, "base_": {}}
        bad_key = False
        for key, value in post.items():
            prefix = next((prefix for prefix in posted if key.startswith(prefix)), None)
            if not prefix:
                continue
            line_id = key.removeprefix(prefix)
            # isdigit() also takes digits such as "¹" that int() refuses.
            if not (line_id.isascii() and line_id.isdigit()) or not isinstance(
                value, str
            ):
                bad_key = True
                continue
            posted[prefix][int(line_id)] = value
        return posted["answer_"], posted["base_"], bad_key

    def _render_exit_interview(
        self,
        interview,
        error=None,
        message=None,
        typed=None,
        bases=None,
        conflicts=None,
        status=200,
    ):
        """The page; after a refused post, with the text as the employee typed it
        and, for each answer, the base of the page it was typed on (bases), or the
        current one once the employee was told of a newer version (conflicts)."""
        typed = typed or {}
        lines = interview._portal_lines()
        sections = []
        shown = {}
        answered = False
        for line in lines:
            if not sections or sections[-1][0] != line.section_name:
                sections.append((line.section_name, []))
            sections[-1][1].append(line)
            stored = line._portal_answer()
            answered = answered or bool(stored)
            base = line._portal_base()
            if bases is not None and line.id in typed:
                base = bases.get(line.id) or UNSAVED_BASE
            shown[line.id] = (typed.get(line.id, stored), base)
        values = self._prepare_portal_layout_values()
        # The page's own values are named exit_interview_*: the portal and website
        # layouts set values of their own in every frontend render (website's
        # "editable" tells whether the visitor may edit the website) over ours.
        values.update(
            {
                "interview": interview,
                "exit_interview_sections": sections,
                # The link works while the questions are open; afterwards the page
                # offers nothing that would need it.
                # Opened through the link (its session), not by the logged-in owner.
                "exit_interview_by_link": interview._portal_session_matches(
                    self._exit_interview_session()
                ),
                "exit_interview_is_owner": interview._is_owned_by(request.env.user),
                "exit_interview_error": error,
                "exit_interview_message": message,
                "exit_interview_shown": shown,
                # What is saved, not what was typed: the PDF holds that.
                "exit_interview_answered": answered,
                "exit_interview_conflicts": {
                    line.id: line.answer_display or "" for line in conflicts or ()
                },
                "exit_interview_progress": request.env._(
                    "%(answered)s of %(total)s questions answered",
                    answered=sum(1 for value, _base in shown.values() if value),
                    total=len(lines),
                ),
                "exit_interview_saved_on": self._exit_interview_saved_on(interview),
                "exit_interview_max_length": ANSWER_MAX_LENGTH,
                "exit_interview_max_length_text": formatLang(
                    request.env, ANSWER_MAX_LENGTH, digits=0
                ),
                # A draft saved before the notice is confirmed leaves the choices
                # unrecorded: the page keeps them as they were ticked.
                "exit_interview_posted_choices": bool(
                    error
                    or (
                        request.httprequest.method == "POST"
                        and not interview.notice_acknowledged_on
                    )
                ),
                "exit_interview_letter": interview._render_letter(),
                "exit_interview_notice": interview._privacy_notice(
                    choosing=interview._portal_is_open()
                ),
                "page_name": "exit_interview",
                "exit_interview_open": interview._portal_is_open(),
                # No language selector: the page follows the employee's language.
                "exit_interview_lang": True,
                # Whoever holds the link of an employee without an account has
                # nothing to sign in to.
                "exit_interview_no_sign_in": not interview._latest_sending().user_id,
                "no_breadcrumbs": request.env.user._is_public(),
            }
        )
        return self._private(
            request.render(
                "hr_exit_interview.portal_exit_interview_page", values, status=status
            )
        )
