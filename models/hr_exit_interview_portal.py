# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import hashlib
import secrets
from datetime import timedelta

from babel.units import format_unit
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, consteq, email_normalize, formataddr, formatLang
from odoo.tools.misc import babel_locale_parse, format_datetime

from .hr_exit_interview import HELD_STATES, INTERVIEWER_GROUP, OFFICER_GROUP
from .hr_exit_interview_line import portal_digest

# What the employee sees, logged in: interviews whose questions were sent.
PORTAL_STATES = ("invited", "prepared", *HELD_STATES, "declined")
# What the employee's page and its saves read of the interview, fetched in one
# query: a first read of a field fetches every one of the interview's 70 columns.
PORTAL_READ_FIELDS = [
    "state",
    "company_id",
    "employee_id",
    "interviewer_id",
    "template_id",
    "planned_start",
    "duration",
    "access_token_digest",
    "portal_session_digest",
    "portal_session_expires",
    "notice_acknowledged_on",
    "board_consent",
    "successor_advice_consent",
    "answers_saved_on",
    "answers_transcribed",
    "decline_reason",
    "written_only",
    "told_consent",
    "told_withdrawn_on",
]
# What the page and the saves read of the questions.
PORTAL_LINE_FIELDS = [
    "sequence",
    "section_name",
    "question",
    "help_text",
    "question_type",
    "answer_text",
    "answer_rating",
    "answer_yes_no",
    "answer_revision",
    "unconfirmed_answer",
]

# What the employee's side records: written by the addon's own code only (the portal
# in superuser mode, the sending), never by a user, so that no one forges a consent,
# a confirmation or a link.
PORTAL_FIELDS = {
    "access_token_digest",
    "portal_session_digest",
    "portal_session_expires",
    "used_token_digest",
    "ended_token_digest",
    "ended_session_digest",
    "fresh_link_sent_on",
    "notice_acknowledged_on",
    "notice_text",
    "notice_lang",
    "board_consent",
    "board_consent_on",
    "successor_advice_consent",
    "answers_submitted_on",
    "answers_saved_on",
    "reminder_sent",
    "answers_copy_due",
}

# The interviewer's activity when the employee submitted the answers.
ANSWERS_IN_ACTIVITY = "hr_exit_interview.mail_activity_type_answers_in"

# A generous limit: a page of text per answer, and no unbounded payload.
ANSWER_MAX_LENGTH = 10000


# The base of an answer on a page built before anything was saved.
UNSAVED_BASE = f"0-{portal_digest('')}"


class AnswerConflict(UserError):
    """Answers saved from another page since this one was built: nothing is stored,
    the employee merges."""

    def __init__(self, message, lines):
        super().__init__(message)
        self.lines = lines


def _clean_text(text):
    """Text typed by the employee, trimmed, with the line breaks browsers send
    (CRLF) stored as plain ones, without NUL characters, which no browser sends and
    PostgreSQL cannot store."""
    return (text or "").replace("\x00", "").replace("\r\n", "\n").strip()


def _token_digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


# How long the browser that opened the link keeps the page open without it.
PORTAL_SESSION = timedelta(hours=12)
# How often a used link may have a new one sent to the employee.
FRESH_LINK_INTERVAL = timedelta(minutes=10)


def _digest_matches(digest, secret):
    return bool(
        secret
        and isinstance(secret, str)
        and digest
        and consteq(digest, _token_digest(secret))
    )


def mask_email(email):
    """d...@example.com: enough to recognise an address, too little to reuse it."""
    local, _at, domain = (email or "").partition("@")
    return f"{local[:1]}...@{domain}" if domain else "..."


# Who typed the answers in, and when: written by the action and the answers only.
TRANSCRIPTION_FIELDS = {"answers_transcribed", "transcribed_by_id", "transcribed_on"}
# While the interviewer may type in answers received on paper.
TRANSCRIPTION_STATES = ("prepared", "held")

SEND_IN_TIME = "hr_exit_interview.mail_activity_type_send_questions"
ANSWERS_COPY_CRON = "hr_exit_interview.ir_cron_exit_interview_answers_copy"
# Due copies the job looks at to find one that no other process is mailing.
ANSWERS_COPY_CANDIDATES = 10
# What writing to the departing employee reads of them.
EMPLOYEE_CONTACT_FIELDS = [
    "name",
    "lang",
    "tz",
    "user_id",
    "work_contact_id",
    "private_email",
    "work_email",
]


class HrExitInterview(models.Model):
    """The departing employee's side: the personal link and who holds it, the
    notice and the consent, the answers given on the portal; what goes to the
    employee by mail (the letter with its notice and link, the reminder, the copy of
    the answers, each sending logged); the answers received on paper.

    The link is a bearer secret that only the employee may hold. Odoo's portal.mixin
    keeps its token in clear on the record and hands it out (share wizard,
    notification buttons, get_portal_url), so the interview does not use it: only a
    digest of the link is stored, and the link itself exists in the mail that
    carries it, which is no chatter message and is deleted once sent.

    Answers received on paper (the guide: the template may be copied and
    forwarded) are typed in by the interviewer; they stay marked as typed in by the
    interviewer, never as the employee's own input, and the board never reads them:
    no one can tell what the employee wrote from what was read into it."""

    _inherit = "hr.exit.interview"

    # === FIELDS === #

    # The portal

    access_token_digest = fields.Char(groups="base.group_system", copy=False)
    # The link opens the page once: its first visit exchanges it for a session of
    # the browser (a cookie), and a later visit of the same link asks for a new one.
    portal_session_digest = fields.Char(groups="base.group_system", copy=False)
    portal_session_expires = fields.Datetime(groups="base.group_system", copy=False)
    used_token_digest = fields.Char(groups="base.group_system", copy=False)
    # The link and the session of an employee who submitted or declined on the
    # portal: opened again, they say that it was received, not that they are invalid.
    ended_token_digest = fields.Char(groups="base.group_system", copy=False)
    ended_session_digest = fields.Char(groups="base.group_system", copy=False)
    fresh_link_sent_on = fields.Datetime(groups="base.group_system", copy=False)
    link_sending_ids = fields.One2many(
        "hr.exit.interview.link.sending",
        "interview_id",
        string="Sendings of the Link",
        groups=OFFICER_GROUP,
        readonly=True,
    )
    notice_acknowledged_on = fields.Datetime(
        string="Notice Read On",
        readonly=True,
        copy=False,
        help="When the employee confirmed reading who reads what and how long it "
        "is kept.",
    )
    notice_text = fields.Text(
        string="Notice Read",
        readonly=True,
        copy=False,
        groups=INTERVIEWER_GROUP,
        help="The notice exactly as the employee read it when they last confirmed "
        "it or chose whether the board may read their answers.",
    )
    notice_lang = fields.Char(
        string="Language of the Notice",
        readonly=True,
        copy=False,
        groups=INTERVIEWER_GROUP,
    )
    board_consent = fields.Boolean(
        string="Employee Agrees the Board Reads the Answers",
        readonly=True,
        copy=False,
        help="The employee's own choice on the portal. Without it, the board never "
        "reads the answers.",
    )
    board_consent_on = fields.Datetime(
        string="Choice Made On", readonly=True, copy=False
    )
    answers_submitted_on = fields.Datetime(readonly=True, copy=False)
    answers_saved_on = fields.Datetime(
        string="Draft Saved On",
        readonly=True,
        copy=False,
        groups="base.group_system",
        help="When the employee last saved their answers on the portal.",
    )
    reminder_sent = fields.Boolean(readonly=True, copy=False)
    # Submitted answers whose copy the job has still to mail to the employee.
    answers_copy_due = fields.Boolean(
        string="Copy of the Answers Due", readonly=True, copy=False
    )

    # Answers received on paper

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

    # The mails to the employee

    questions_late_notified = fields.Boolean(readonly=True, copy=False)

    # === CONSTRAINT METHODS === #

    # The portal

    @api.constrains("report_include_answers", "board_consent")
    def _check_answers_consent(self):
        for interview in self:
            if interview.report_include_answers and not interview.board_consent:
                raise ValidationError(
                    self.env._(
                        "%(employee)s did not agree that the board reads their "
                        "answers: the board report can only hold the short report.",
                        employee=interview.employee_id.name,
                    )
                )

    # Answers received on paper

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

    # === CORE METHODS OVERRIDES === #

    def _get_share_url(
        self, redirect=False, signup_partner=False, pid=None, share_token=True
    ):
        # Odoo's share wizard asks any record for a link: the interview has none to
        # share, the employee's own is never handed out.
        raise AccessError(
            self.env._(
                "An exit interview cannot be shared: only the employee receives its "
                "link, by mail."
            )
        )

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._(
            "Exit interview answers - %(employee)s",
            employee=self.employee_id.name or "",
        )

    # === BUSINESS METHODS === #

    # The portal

    @api.model
    def _portal_find(self, interview_id, access_token, user, session=None):
        """The interview in superuser mode when the token is its current link and its
        questions are open, the session is the one its link was exchanged for, or
        the user is the one its latest sending names; an empty recordset otherwise,
        also when it does not exist."""
        interview = self.sudo().search_fetch(
            [
                ("id", "=", interview_id),
                ("active", "=", True),
                ("state", "in", PORTAL_STATES),
            ],
            PORTAL_READ_FIELDS,
            limit=1,
        )
        if not interview:
            return self.browse()
        if (
            interview._portal_token_matches(access_token)
            or interview._portal_session_matches(session)
            or interview._is_owned_by(user)
        ):
            return interview
        return self.browse()

    @api.model
    def _portal_find_used_link(self, interview_id, access_token):
        """The interview whose link this was, already opened once, while its
        questions are open: its page offers to send a new link."""
        interview = self.sudo().browse(interview_id).exists()
        if (
            not interview
            or not interview.active
            or not interview._portal_is_open()
            or not _digest_matches(interview.used_token_digest, access_token)
        ):
            return self.browse()
        return interview

    @api.model
    def _portal_find_ended(self, interview_id, access_token=None, session=None):
        """The interview whose link or session this was when the employee submitted
        the answers or declined on the portal: its page says so, and nothing of
        what was answered."""
        interview = self.sudo().browse(interview_id).exists()
        if (
            not interview
            or not interview.active
            or interview.state not in PORTAL_STATES
            or interview._portal_is_open()
            or interview.anonymised_on
            or not (
                _digest_matches(interview.ended_token_digest, access_token)
                or _digest_matches(interview.ended_session_digest, session)
            )
        ):
            return self.browse()
        return interview

    def _portal_keep_ended_link(self):
        """Remember the link and the session the employee submitted or declined
        with, before the new state ends them."""
        interview = self.sudo()
        interview.with_context(mail_notrack=True).write(
            {
                "ended_token_digest": interview.used_token_digest
                or interview.access_token_digest,
                "ended_session_digest": interview.portal_session_digest,
            }
        )

    def _portal_open_session(self):
        """Exchange the link, on its first visit, for a session of this browser:
        the link found later in a log or a browser's history opens nothing by
        itself. Returns the session's secret, for the cookie."""
        self.ensure_one()
        secret = secrets.token_urlsafe(32)
        # No field the chatter tracks: nothing for it to compare at the commit.
        self.sudo().with_context(mail_notrack=True).write(
            {
                "used_token_digest": self.sudo().access_token_digest,
                "access_token_digest": False,
                "portal_session_digest": _token_digest(secret),
                "portal_session_expires": fields.Datetime.now() + PORTAL_SESSION,
            }
        )
        return secret

    def _portal_session_matches(self, session):
        self.ensure_one()
        interview = self.sudo()
        return bool(
            interview.portal_session_expires
            and interview.portal_session_expires > fields.Datetime.now()
            and self._portal_is_open()
            and _digest_matches(interview.portal_session_digest, session)
        )

    def _portal_send_fresh_link(self):
        """A new link, to the address and user of the latest sending: whoever holds
        an old link can have it sent to the employee, never to themselves; once in
        a while only. Returns the masked address, or False when it is too soon."""
        self.ensure_one()
        interview = self.sudo()
        sending = interview._latest_sending()
        now = fields.Datetime.now()
        if not sending or (
            interview.fresh_link_sent_on
            and interview.fresh_link_sent_on > now - FRESH_LINK_INTERVAL
        ):
            return False
        interview.fresh_link_sent_on = now
        interview._send_employee_link(sending.email, sending.user_id, kind="reminder")
        return mask_email(sending.email)

    @api.model
    def _portal_interviews_of(self, user):
        """The user's own interviews: those whose latest sending names them."""
        if not user or user._is_public():
            return self.browse()
        sendings = (
            self.env["hr.exit.interview.link.sending"]
            .sudo()
            .search([("user_id", "=", user.id)])
        )
        return sendings.interview_id.filtered(
            lambda interview: interview.state in PORTAL_STATES
            and interview._is_owned_by(user)
        ).sorted()

    def _portal_token_matches(self, access_token):
        self.ensure_one()
        return self._portal_is_open() and _digest_matches(
            self.sudo().access_token_digest, access_token
        )

    def _is_owned_by(self, user):
        """Whether the user is the departing employee, as the latest sending of the
        link recorded them, for this employee: nothing another user edits later
        changes it."""
        self.ensure_one()
        if not user or user._is_public():
            return False
        sending = self._latest_sending()
        return bool(
            sending.user_id
            and sending.employee_id == self.employee_id
            and sending.user_id == user
        )

    @api.model
    def _odoo_only_fields(self):
        return super()._odoo_only_fields() | PORTAL_FIELDS | TRANSCRIPTION_FIELDS

    def _check_portal_fields(self, vals):
        if PORTAL_FIELDS & vals.keys():
            raise AccessError(
                self.env._(
                    "What the employee confirms and chooses on the portal, and the "
                    "sending of their link, are recorded by Odoo only."
                )
            )

    def _close_answers_in_activity(self, done):
        """The interviewer's "answers are in" activity ends when the interview moves
        on: done when the talk is held, gone otherwise; write() checked the
        state's role and the write access."""
        answers_in = self.env.ref(ANSWERS_IN_ACTIVITY, raise_if_not_found=False)
        activities = self.sudo().activity_ids.filtered(
            lambda activity: answers_in and activity.activity_type_id == answers_in
        )
        if done:
            activities.action_feedback()
        else:
            activities.unlink()

    def _portal_end_link(self):
        """The employee's link and the session it opened stop working; a new
        sending makes a new one."""
        self.sudo().write(
            {
                "access_token_digest": False,
                "used_token_digest": False,
                "portal_session_digest": False,
                "portal_session_expires": False,
            }
        )

    def _latest_sending(self):
        self.ensure_one()
        # Sorted here as the model orders them: sorted() would ask the database,
        # at every check of the link, for records already in memory.
        return self.sudo().link_sending_ids.sorted(
            lambda sending: (sending.sent_on, sending.id), reverse=True
        )[:1]

    def _portal_is_open(self):
        """The employee may still change the answers."""
        return self.state == "invited"

    def _portal_lines(self):
        """The questions in their order, with what the portal reads of them, in one
        query: line_ids would join the interview to order them by its own order,
        then read every column."""
        self.ensure_one()
        return self.env["hr.exit.interview.line"].search_fetch(
            [("interview_id", "=", self.id)], PORTAL_LINE_FIELDS, order="sequence, id"
        )

    def _portal_email_from(self):
        """The sender of what the employee does on the portal: the employee, whose
        contact often has no address, so through the company's."""
        self.ensure_one()
        email = self.company_id.email or self.interviewer_id.email
        return email and formataddr((self._employee_contact().name or "", email))

    def _portal_lock(self):
        """Hold the interview until the transaction ends: the saves, the submission
        and the decline of one interview run one after the other, never
        interleaved. A request that waited for another one that changed the
        interview fails with a concurrency error, which Odoo's request handler
        retries from the start, where it sees what the other one did. So what this
        transaction read of the interview before is still what it holds (Odoo's
        transactions are REPEATABLE READ): no need to read it again."""
        self.ensure_one()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id = %s FOR NO KEY UPDATE",
                SQL.identifier(self._table),
                self.id,
            ),
            log_exceptions=False,
        )
        self.sudo().fetch(PORTAL_READ_FIELDS)

    def _portal_check_answers(self, answers, bases=None):
        """Validate answers posted by the employee, {line id: text}, each sent from
        a page that showed it at the base {line id: line._portal_base()} (None: no
        check, for the addon's own calls). Return {line: field values} of the
        answers that changed, and the lines whose answer another page saved since
        this one was built: their posted answer is left out, to be merged. Raise
        UserError with a message for the employee; nothing is stored then."""
        self.ensure_one()
        if not self._portal_is_open():
            raise UserError(
                self.env._(
                    "Your answers were already submitted, or you chose not to take "
                    "part: they can no longer change."
                )
            )
        lines = {line.id: line for line in self._portal_lines()}
        values = {}
        conflicts = self.env["hr.exit.interview.line"]
        for line_id, answer in answers.items():
            line = lines.get(line_id)
            if not line:
                raise UserError(
                    self.env._("One of the answers does not belong to your questions.")
                )
            answer = _clean_text(answer)
            if len(answer) > ANSWER_MAX_LENGTH:
                raise UserError(
                    self.env._(
                        "Your answer to “%(question)s” is longer than %(limit)s "
                        "characters (%(length)s): please shorten it. Nothing was "
                        "saved and your text is kept below. The interviewer will "
                        "gladly hear more in the conversation.",
                        question=line.question,
                        limit=formatLang(self.env, ANSWER_MAX_LENGTH, digits=0),
                        length=formatLang(self.env, len(answer), digits=0),
                    )
                )
            line_values = line._portal_answer_values(answer)
            if answer == line._portal_answer():
                continue
            base = (bases or {}).get(line_id) or UNSAVED_BASE
            if bases is not None and base != line._portal_base():
                if base.partition("-")[2] == portal_digest(answer):
                    # Left as the page showed it: the newer answer stays.
                    continue
                conflicts |= line
                continue
            values[line] = line_values
        return values, conflicts

    def _portal_conflict_message(self, conflicts, submitting=False):
        if submitting:
            return self.env._(
                "Another window or device saved a newer version of %(count)s of "
                "your answers since you opened this page, so nothing was saved or "
                "submitted and your text is kept: merge it with the newer version "
                "shown under each of those answers, then submit again.",
                count=len(conflicts),
            )
        return self.env._(
            "Another window or device saved a newer version of %(count)s of your "
            "answers since you opened this page. Those answers were not saved and "
            "your text is kept: merge it with the newer version shown under each of "
            "them, then save again.",
            count=len(conflicts),
        )

    def _portal_record_choices(self, acknowledged, board_consent, advice_consent=False):
        """The notice is read before the first answer; the choices whether the board
        may read the answers and whether the advice for the successor may be passed
        on are kept with their moment, their language and the notice exactly as the
        employee read it."""
        self.ensure_one()
        self._portal_lock()
        self._portal_write_choices(acknowledged, board_consent, advice_consent)

    def _portal_write_choices(self, acknowledged, board_consent, advice_consent):
        """_portal_record_choices on an interview the caller locked."""
        if not self.notice_acknowledged_on and not acknowledged:
            raise UserError(
                self.env._(
                    "Please confirm that you have read who reads your answers and how "
                    "long they are kept."
                )
            )
        board_consent, advice_consent = bool(board_consent), bool(advice_consent)
        if (
            self.notice_acknowledged_on
            and board_consent == self.board_consent
            and advice_consent == self.successor_advice_consent
        ):
            return
        now = fields.Datetime.now()
        values = {
            "notice_text": "\n\n".join(self._privacy_notice()),
            "notice_lang": self._leaver_lang(),
            "board_consent": board_consent,
            "successor_advice_consent": advice_consent,
            "board_consent_on": now,
        }
        confirming = not self.notice_acknowledged_on
        if confirming:
            values["notice_acknowledged_on"] = now
        if not board_consent:
            values["report_include_answers"] = False
        self.sudo().write(values)
        if confirming:
            self._portal_confirm_answers()

    def _portal_confirm_answers(self):
        """The answers saved before the notice was confirmed become answers the
        interviewer reads, as they stand (their revision and so the pages' bases
        unchanged)."""
        for line in self._portal_lines().filtered("unconfirmed_answer"):
            line.write(
                dict(
                    line._portal_answer_values(line.unconfirmed_answer),
                    unconfirmed_answer=False,
                )
            )

    def _portal_drop_unconfirmed_answers(self):
        """Answers the employee never confirmed leave with the link that held them:
        nobody reads them, nobody keeps them."""
        self.sudo().line_ids.filtered("unconfirmed_answer").write(
            {"unconfirmed_answer": False}
        )

    def _portal_save_answers(self, answers, bases=None, choices=None):
        """Store the employee's answers, each changed one at its next revision, and
        return the lines left out as changed meanwhile (see _portal_check_answers);
        callers checked the token or the owner. choices, the arguments of
        _portal_record_choices, are recorded first, under the same lock."""
        self.ensure_one()
        self._portal_lock()
        if choices is not None:
            self._portal_write_choices(*choices)
        values, conflicts = self._portal_check_answers(answers, bases)
        confirmed = bool(self.notice_acknowledged_on)
        for line, line_values in values.items():
            if not confirmed:
                # Kept apart until the employee confirms who reads them.
                (answer,) = line_values.values()
                line_values = {"unconfirmed_answer": answer}
            line.write(dict(line_values, answer_revision=line.answer_revision + 1))
        # No field the chatter tracks: nothing for it to compare at the commit.
        self.sudo().with_context(
            mail_notrack=True
        ).answers_saved_on = fields.Datetime.now()
        return conflicts

    def _portal_submit_answers(self, answers, bases=None, choices=None):
        """Store the answers, hand them to the interviewer and have a copy mailed to
        the employee (returns its address, if any): once submitted, the link no
        longer opens them. Answers changed
        meanwhile on another page stop the submission: the employee merges first.
        The change of status is the employee's (the portal runs as the public
        user)."""
        conflicts = self._portal_save_answers(answers, bases, choices)
        if conflicts:
            raise AnswerConflict(
                self._portal_conflict_message(conflicts, submitting=True), conflicts
            )
        self._portal_keep_ended_link()
        self._track_set_author(self.employee_id.work_contact_id)
        self._write_state("prepared")
        self.answers_submitted_on = fields.Datetime.now()
        # Written for the interviewer, in their language. No mail of the activity's
        # own: the note below tells the interviewer, in the employee's name (the
        # portal's public user has no address to send from).
        interview = self._in_reader_lang()
        interview.with_context(mail_activity_quick_update=True).activity_schedule(
            ANSWERS_IN_ACTIVITY,
            user_id=self.interviewer_id.id,
            summary=interview.env._("Prepare the exit interview: the answers are in"),
        )
        interview.message_post(
            body=interview.env._(
                "%(employee)s submitted the answers to the preparatory questions.",
                employee=self.employee_id.name,
            ),
            author_id=self.employee_id.work_contact_id.id,
            email_from=self._portal_email_from(),
            partner_ids=self.interviewer_id.partner_id.ids,
            subtype_xmlid="mail.mt_note",
        )
        return self._queue_answers_copy()

    def _portal_decline(self, reason):
        self.ensure_one()
        self._portal_lock()
        reason = _clean_text(reason)
        if len(reason) > ANSWER_MAX_LENGTH:
            raise UserError(
                self.env._(
                    "The reason is longer than %(limit)s characters: please "
                    "shorten it.",
                    limit=formatLang(self.env, ANSWER_MAX_LENGTH, digits=0),
                )
            )
        if not self._portal_is_open():
            raise UserError(
                self.env._("You can no longer decline: your answers were submitted.")
            )
        self._portal_keep_ended_link()
        self._track_set_author(self.employee_id.work_contact_id)
        self._write_state("declined")
        self.decline_reason = reason or False
        officers = self.message_partner_ids
        interview = self._in_reader_lang()
        interview.message_post(
            body=interview.env._(
                "%(employee)s prefers not to take part in the exit interview.",
                employee=self.employee_id.name,
            ),
            author_id=self.employee_id.work_contact_id.id,
            email_from=self._portal_email_from(),
            partner_ids=officers.ids,
            subtype_xmlid="mail.mt_note",
        )

    # Answers received on paper

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

    # The mails to the employee

    def _check_link_recipient(self, email, user):
        """The link opens the employee's answers: it goes to the employee only,
        never to an address or a user of whom the interview is kept from, nor of any
        other internal user (one who manages the employee may have written their own
        address into the employee's record before the questions go out)."""
        self.ensure_one()
        employee = self.employee_id.sudo()
        # The employee's own user, or the portal user of their contact: an internal
        # user made the employee's contact is someone else.
        own_users = employee.user_id | employee.work_contact_id.user_ids.filtered(
            "share"
        )
        users = self.env["res.users"].sudo().with_context(active_test=False)
        others = users.search(
            [
                ("id", "not in", own_users.ids),
                ("share", "=", False),
                "|",
                ("partner_id.email_normalized", "=", email),
                ("login", "=ilike", email),
            ]
        )
        others |= (
            self.env["hr.employee"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("id", "!=", employee.id),
                    "|",
                    ("private_email", "=ilike", email),
                    ("work_email", "=ilike", email),
                ]
            )
            .user_id.filtered(lambda other: not other.share)
        )
        others |= self.sudo().kept_out_user_ids.filtered(
            lambda kept_out: email
            in {
                email_normalize(address or "")
                for address in (
                    kept_out.email,
                    kept_out.login,
                    *kept_out.employee_ids.mapped("private_email"),
                    *kept_out.employee_ids.mapped("work_email"),
                )
            }
        )
        if (user and user not in own_users) or (user and user in others) or others:
            raise UserError(
                self.env._(
                    "%(address)s belongs to a user of Odoo other than %(employee)s: "
                    "the link opens the employee's answers and goes to the employee "
                    "only. Correct the address (the employee's private email), or "
                    "hand the questions over on paper.",
                    address=email,
                    employee=employee.name,
                )
            )

    def _send_employee_link(self, email, user, kind="invitation"):
        """Mail the employee a new personal link and record the sending; callers
        checked the officer (or are the reminder job)."""
        self.ensure_one()
        if self.state == "draft":
            self._write_state("invited")
        link = self._portal_url(self._portal_new_token())
        # The questions carry the meeting: the employee's one mail about it (Odoo's
        # calendar does not write to them, see calendar.attendee).
        self._send_private_mail(
            f"hr_exit_interview.mail_template_exit_interview_{kind}",
            email,
            link=link,
            attachments=self._meeting_ics() if kind == "invitation" else (),
        )
        self.env["hr.exit.interview.link.sending"].sudo().create(
            {
                "interview_id": self.id,
                "employee_id": self.employee_id.id,
                "kind": kind,
                "email": email,
                "user_id": user.id,
                "sent_by_id": self.env.user.id,
                "sent_on": fields.Datetime.now(),
            }
        )
        address = mask_email(email)
        interview = self._in_reader_lang()
        _ = interview.env._
        interview.message_post(
            body=_("A reminder was sent to %(address)s.", address=address)
            if kind == "reminder"
            else _("The questions were sent to %(address)s.", address=address),
            subtype_xmlid="mail.mt_note",
        )

    def _send_private_mail(self, template_xmlid, email, link=False, attachments=()):
        """Mail the employee, in their language, a mail that is no chatter message:
        no model, no record, no author who could read it back, deleted once sent."""
        self.ensure_one()
        template = self.env.ref(template_xmlid).with_context(
            lang=self._leaver_lang(), exit_interview_link=link
        )
        rendered = {
            name: template._render_field(name, self.ids, compute_lang=True)[self.id]
            for name in ("subject", "body_html", "email_from")
        }
        attachment_ids = [
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": name,
                    "datas": base64.b64encode(content),
                    "res_model": "mail.message",
                    "res_id": 0,
                }
            )
            .id
            for name, content in attachments
        ]
        mail = (
            self.env["mail.mail"]
            .sudo()
            .create(
                {
                    "subject": rendered["subject"],
                    "body_html": self._private_mail_footer(rendered["body_html"]),
                    "email_from": rendered["email_from"]
                    or self.company_id.email_formatted
                    or self.env.user.email_formatted,
                    "email_to": email,
                    "author_id": False,
                    "auto_delete": True,
                    "attachment_ids": [fields.Command.set(attachment_ids)],
                }
            )
        )
        mail.send()
        if mail.exists() and mail.state != "sent":
            # What could not go leaves nothing behind: the link, or the answers,
            # would wait in the queue for anyone who reads it.
            mail.unlink()
            raise UserError(
                self.env._(
                    "The mail to %(address)s could not be sent. Check the outgoing "
                    "mail server, then try again.",
                    address=email,
                )
            )

    def _private_mail_footer(self, body):
        """The body of a mail to the employee with what each feature adds under it."""
        return body

    def _portal_new_token(self):
        """A new personal link, of which only the digest is kept: the link sent
        before stops working. Returns the token, for the mail that carries it."""
        self.ensure_one()
        token = secrets.token_urlsafe(32)
        # The browser the link sent before opened keeps nothing either: the address
        # may have been corrected.
        self._portal_end_link()
        self.sudo().write(
            {
                "access_token_digest": _token_digest(token),
                "ended_token_digest": False,
                "ended_session_digest": False,
            }
        )
        return token

    def _portal_url(self, access_token=None):
        self.ensure_one()
        url = f"{self.get_base_url()}/my/exit-interviews/{self.id}"
        return f"{url}?access_token={access_token}" if access_token else url

    def _queue_answers_copy(self):
        """Have the job mail the employee a copy of the submitted answers, to the
        address the link was sent to: the PDF takes about a second of CPU, which
        the employee's submit does not wait for. Returns that address, or False
        when the link was never mailed."""
        self.ensure_one()
        email = self._latest_sending().email
        if email:
            self.sudo().answers_copy_due = True
            # An administrator may have removed the job: the submit goes on, and
            # the copy waits for it.
            job = self.env.ref(ANSWERS_COPY_CRON, raise_if_not_found=False)
            if job:
                job.sudo()._trigger()
        return email

    def _mail_answers_copy(self):
        """Mail the employee's answers as a PDF to the address the link was sent to;
        False when the mail could not go."""
        self.ensure_one()
        email = self._latest_sending().email
        if not email:
            return True
        pdf, _type = (
            self.env["ir.actions.report"]
            .sudo()
            .with_context(lang=self._leaver_lang())
            ._render_qweb_pdf(
                "hr_exit_interview.action_report_exit_interview_answers", self.ids
            )
        )
        # The file named in the language of the mail that carries it.
        in_lang = self.with_context(lang=self._leaver_lang())
        try:
            with self.env.cr.savepoint():
                self._send_private_mail(
                    "hr_exit_interview.mail_template_exit_interview_answers",
                    email,
                    attachments=[(f"{in_lang._get_report_base_filename()}.pdf", pdf)],
                )
        except UserError:
            return False
        return True

    @api.model
    def _cron_mail_answers_copies(self):
        """Mail the copy of one interview's submitted answers per transaction: the
        mail leaves before the transaction commits, so that a failure after it
        (PostgreSQL restarting) could only mail that one again. Returns the
        interview whose copy went."""
        domain = [("answers_copy_due", "=", True), ("anonymised_on", "=", False)]
        # The same job may run in another process at this moment: each copy goes
        # once, and each process takes the first one no other process holds.
        for candidate in self.search(domain, order="id", limit=ANSWERS_COPY_CANDIDATES):
            interview = candidate._lock_for_job().filtered("answers_copy_due")
            if interview:
                break
        else:
            return self.browse()
        if not interview._mail_answers_copy():
            return self.browse()  # the mail server refused: the next run tries again
        interview.sudo().answers_copy_due = False
        self.env["ir.cron"]._notify_progress(
            done=1, remaining=self.search_count(domain)
        )
        return interview

    def _check_can_invite(self):
        for interview in self:
            if not interview.line_ids:
                raise UserError(
                    self.env._(
                        "Add at least one question before inviting %(employee)s.",
                        employee=interview.employee_id.name,
                    )
                )

    def _employee_contact(self):
        """The departing employee in superuser mode, with what writing to them reads
        fetched alone: a first read of hr.employee otherwise fetches its hundred
        columns, which costs more than the rest of the employee's page."""
        employee = self.employee_id.sudo()
        # fetch() checks the fields' access on every call, which hr.employee makes
        # costly: the employee's page asks for the contact ten times.
        missing = [
            name
            for name in EMPLOYEE_CONTACT_FIELDS
            if not self.env.cache.contains(employee, employee._fields[name])
        ]
        if missing:
            employee.fetch(missing)
        return employee

    def _leaver_email(self):
        """The employee's private email, else the work email: the link is personal."""
        employee = self._employee_contact()
        return employee.private_email or employee.work_email

    def _leaver_user(self):
        """The employee's own user, if any: the internal one, else the portal user of
        the work contact."""
        employee = self._employee_contact()
        return employee.user_id or employee.work_contact_id.user_ids[:1]

    def _leaver_lang(self):
        """The employee's language: the one HR set on the employee, else their
        user's, else their contact's; whoever writes to them."""
        employee = self._employee_contact()
        if employee.lang:
            return employee.lang
        # The language alone: a first read of a user or a contact fetches every one
        # of their columns.
        user = employee.user_id
        user.fetch(["partner_id"])
        for partner in (user.partner_id, employee.work_contact_id):
            partner.fetch(["lang"])
            if partner.lang:
                return partner.lang
        return self.env.lang

    def _employee_tz(self):
        """The time zone the employee reads times in: the meeting's hour, the last
        save on the portal."""
        return self._employee_contact().tz or self.interviewer_id.tz or "UTC"

    def _letter_meeting_day(self):
        """The meeting's day as a person writes it, in the employee's language and
        time zone: "Friday 11 December 2026"."""
        self.ensure_one()
        return format_datetime(
            self.env,
            self.planned_start,
            tz=self._employee_tz(),
            dt_format="EEEE d MMMM y",
            lang_code=self._leaver_lang(),
        )

    def _letter_meeting_time(self):
        """The meeting's hour in the employee's time zone: "10:00"."""
        self.ensure_one()
        return format_datetime(
            self.env,
            self.planned_start,
            tz=self._employee_tz(),
            dt_format="HH:mm",
            lang_code=self._leaver_lang(),
        )

    def _letter_meeting_duration(self):
        """The meeting's length, to the quarter of an hour: in words for the usual
        ones, "two hours"; in hours and minutes as the language writes them for
        the others, "1 hr 15 min"."""
        self.ensure_one()
        lang = self._leaver_lang()
        _ = self.with_context(lang=lang).env._
        hours = round(self.duration * 4) / 4
        words = {
            1.0: _("one hour"),
            1.5: _("an hour and a half"),
            2.0: _("two hours"),
            2.5: _("two and a half hours"),
            3.0: _("three hours"),
        }
        if hours in words:
            return words[hours]
        # Never "1.5 hours": whole hours and minutes, to the quarter of an hour.
        locale = babel_locale_parse(lang)
        minutes = max(int(hours * 60), 15)
        # Whole hours in full ("4 hours"), hours and minutes short ("3 hr 30 min").
        length = "long" if not minutes % 60 else "short"
        parts = [
            format_unit(value, unit, length=length, locale=locale)
            for value, unit in (
                (minutes // 60, "duration-hour"),
                (minutes % 60, "duration-minute"),
            )
            if value
        ]
        return " ".join(parts)

    def _meeting_sentence(self):
        """The planned meeting in one sentence, written as the letter writes it, in
        the employee's language and time zone: the employee's page says it so."""
        self.ensure_one()
        return self.with_context(lang=self._leaver_lang()).env._(
            "Meeting planned on %(day)s at %(time)s, for about %(duration)s.",
            day=self._letter_meeting_day(),
            time=self._letter_meeting_time(),
            duration=self._letter_meeting_duration(),
        )

    def _render_letter(self):
        """The template's letter with the employee's and organisation's names, in the
        employee's language; the names are escaped, the letter is sanitized HTML."""
        self.ensure_one()
        self_lang = self.with_context(lang=self._leaver_lang())
        template = self_lang.template_id
        template.fetch(["letter", "closing"])
        letter = template.letter or Markup()
        replacements = {
            self_lang.env._(
                "[employee name]"
            ): self._employee_contact()._exit_interview_greeting_name(),
            self_lang.env._("[organisation]"): self.company_id.name,
        }
        for placeholder, value in replacements.items():
            letter = letter.replace(escape(placeholder), escape(value or ""))
        return Markup(letter)

    def _privacy_notice(self, choosing=True):
        """Who reads what and for how long, under the company's settings and in the
        employee's language, as paragraphs: the company's own text adds to them and
        never replaces them. Once the choices can no longer be made (choosing
        False), the notice speaks of them as made, not as choices "below"."""
        self.ensure_one()
        self_lang = self.with_context(lang=self._leaver_lang())
        company = self_lang.company_id
        _ = self_lang.env._
        # The name alone: a first read of a user fetches every column of the user
        # and of their contact.
        interviewer = self.interviewer_id
        interviewer.fetch(["partner_id"])
        interviewer.partner_id.fetch(["name"])
        paragraphs = [
            _(
                "Your interviewer, %(interviewer)s, reads your answers, and so do the "
                "exit interview officers of %(company)s, the HR staff who organise "
                "exit interviews.",
                interviewer=interviewer.name,
                company=company.name,
            ),
            _(
                "Your manager and your coach may read them if they are exit interview "
                "officers themselves."
            )
            if company.exit_interview_manager_officer_access
            else _(
                "Your manager and your coach do not read them, unless one of them is "
                "your interviewer."
            ),
            _(
                "The board reads a short report of the conversation, written by the "
                "interviewer, to improve the organisation and its HR policy. The "
                "board reads your answers only if you agree below; you can change "
                "your choice until you submit your answers."
            )
            if choosing
            else _(
                "The board reads a short report of the conversation, written by the "
                "interviewer, to improve the organisation and its HR policy. The "
                "board reads your answers only if you agreed to it."
            ),
            _(
                "If you agree below, the advice for your successor from that report, "
                "and nothing else, is passed on to whoever takes up your job, without "
                "your name."
            )
            if choosing
            else _(
                "If you agreed to it, the advice for your successor from that report, "
                "and nothing else, is passed on to whoever takes up your job, without "
                "your name."
            ),
            _(
                "Your answers and the report are kept for %(months)s months after your "
                "last working day; after that only anonymous statistics remain.",
                months=company.exit_interview_retention_months,
            ),
        ]
        if company.exit_interview_privacy_notice:
            paragraphs.append(company.exit_interview_privacy_notice)
        return paragraphs

    @api.model
    def _cron_send_reminders(self):
        """Remind once, at the address the link was sent to, the employees who have
        not answered when the meeting is near; the reminder carries a new link."""
        now = fields.Datetime.now()
        waiting = self.search(
            [
                ("state", "=", "invited"),
                ("reminder_sent", "=", False),
                ("planned_start", ">", now),
            ]
        )
        reminded = waiting.filtered(
            lambda interview: interview.planned_start
            <= now + timedelta(days=interview.company_id.exit_interview_reminder_days)
            and interview._latest_sending()
        )
        # The same job may run in another process at this moment: each reminder
        # goes once.
        reminded = reminded._lock_for_job().filtered(
            lambda interview: interview.state == "invited"
            and not interview.reminder_sent
        )
        sent = self.browse()
        for interview in reminded:
            sending = interview._latest_sending()
            try:
                with self.env.cr.savepoint():
                    interview._send_employee_link(
                        sending.email, sending.user_id, "reminder"
                    )
            except UserError:
                continue  # the next run tries again
            sent |= interview
        sent.write({"reminder_sent": True})
        return sent

    @api.model
    def _cron_ask_to_send_questions(self):
        """The guide: send the preparatory questions in time. Once per interview, the
        officer who owns a draft whose meeting is nearer than the company's delay
        gets a to-do (the interviewer, when that officer is gone)."""
        now = fields.Datetime.now()
        drafts = self.search(
            [
                ("state", "=", "draft"),
                ("questions_late_notified", "=", False),
                ("planned_start", ">", now),
            ]
        )
        late = drafts.filtered(
            lambda interview: interview.planned_start
            <= now
            + timedelta(days=interview.company_id.exit_interview_questions_days_before)
        )
        for interview in late:
            owner = interview.create_uid
            if not (
                owner.active and not owner.share and owner.has_group(OFFICER_GROUP)
            ):
                owner = interview.interviewer_id
            interview.activity_schedule(SEND_IN_TIME, user_id=owner.id)
        late.write({"questions_late_notified": True})
        return late

    def _close_send_in_time_todo(self, done):
        """The officer's to-do to send the questions in time ends: done with the
        sending, gone with an interview that will not take place."""
        if done:
            self.sudo().activity_feedback([SEND_IN_TIME])
        else:
            self.sudo().activity_unlink([SEND_IN_TIME])
