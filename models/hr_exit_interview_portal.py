# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, consteq, formataddr

from .hr_exit_interview import HELD_STATES, INTERVIEWER_GROUP, OFFICER_GROUP
from .hr_exit_interview_line import portal_digest

# What the employee sees, logged in: interviews whose questions were sent.
PORTAL_STATES = ("invited", "prepared", *HELD_STATES, "declined")

# What the employee's side records: written by the addon's own code only (the portal
# in superuser mode, the sending), never by a user, so that no one forges a consent,
# a confirmation or a link.
PORTAL_FIELDS = {
    "access_token_digest",
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


def mask_email(email):
    """d...@example.com: enough to recognise an address, too little to reuse it."""
    local, _at, domain = (email or "").partition("@")
    return f"{local[:1]}...@{domain}" if domain else "..."


class HrExitInterview(models.Model):
    """The departing employee's side on the portal: the personal link and who holds
    it, the notice and the consent, the answers given there (the mails that reach the
    employee are in hr_exit_interview_sending.py).

    The link is a bearer secret that only the employee may hold. Odoo's portal.mixin
    keeps its token in clear on the record and hands it out (share wizard,
    notification buttons, get_portal_url), so the interview does not use it: only a
    digest of the link is stored, and the link itself exists in the mail that
    carries it, which is no chatter message and is deleted once sent."""

    _inherit = "hr.exit.interview"

    # === FIELDS === #

    access_token_digest = fields.Char(groups="base.group_system", copy=False)
    invitation_ids = fields.One2many(
        "hr.exit.interview.invitation",
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
        help="When the employee last saved their answers on the portal.",
    )
    reminder_sent = fields.Boolean(readonly=True, copy=False)
    # Submitted answers whose copy the job has still to mail to the employee.
    answers_copy_due = fields.Boolean(
        string="Copy of the Answers Due", readonly=True, copy=False
    )

    # === CONSTRAINT METHODS === #

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

    @api.model
    def _portal_find(self, interview_id, access_token, user):
        """The interview in superuser mode when the token is its current link and its
        questions are open, or the user is the one its latest sending names; an empty
        recordset otherwise, also when it does not exist."""
        interview = self.sudo().browse(interview_id).exists()
        if not interview.active or interview.state not in PORTAL_STATES:
            return self.browse()
        if interview._portal_token_matches(access_token) or interview._is_owned_by(
            user
        ):
            return interview
        return self.browse()

    @api.model
    def _portal_interviews_of(self, user):
        """The user's own interviews: those whose latest sending names them."""
        if not user or user._is_public():
            return self.browse()
        sendings = (
            self.env["hr.exit.interview.invitation"]
            .sudo()
            .search([("user_id", "=", user.id)])
        )
        return sendings.interview_id.filtered(
            lambda interview: interview.state in PORTAL_STATES
            and interview._is_owned_by(user)
        ).sorted()

    def _portal_token_matches(self, access_token):
        self.ensure_one()
        digest = self.sudo().access_token_digest
        return bool(
            access_token
            and isinstance(access_token, str)
            and digest
            and self._portal_is_open()
            and consteq(digest, _token_digest(access_token))
        )

    def _is_owned_by(self, user):
        """Whether the user is the departing employee, as the latest sending of the
        link recorded them, for this employee: nothing another user edits later
        changes it."""
        self.ensure_one()
        sending = self._latest_sending()
        return bool(
            sending.user_id
            and sending.employee_id == self.employee_id
            and user
            and not user._is_public()
            and sending.user_id == user
        )

    @api.model
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
        """The employee's link stops working; a new sending makes a new one."""
        self.sudo().access_token_digest = False

    def _latest_sending(self):
        self.ensure_one()
        # Sorted here as the model orders them: sorted() would ask the database,
        # at every check of the link, for records already in memory.
        return self.sudo().invitation_ids.sorted(
            lambda sending: (sending.sent_on, sending.id), reverse=True
        )[:1]

    def _portal_is_open(self):
        """The employee may still change the answers."""
        return self.state == "invited"

    def _portal_email_from(self):
        """The sender of what the employee does on the portal: the employee, whose
        contact often has no address, so through the company's."""
        self.ensure_one()
        email = self.company_id.email or self.interviewer_id.email
        return email and formataddr((self._employee_contact().name or "", email))

    def _portal_lock(self):
        """Hold the interview until the transaction ends and read it again: the
        saves, the submission and the decline of one interview run one after the
        other, never interleaved. A request that waited for another one that
        changed the interview fails with a concurrency error, which Odoo's request
        handler retries from the start, where it sees what the other one did."""
        self.ensure_one()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id = %s FOR NO KEY UPDATE",
                SQL.identifier(self._table),
                self.id,
            ),
            log_exceptions=False,
        )
        self.invalidate_recordset()

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
        lines = {line.id: line for line in self.line_ids}
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
                        limit=ANSWER_MAX_LENGTH,
                        length=len(answer),
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
            "notice_lang": self._invitation_lang(),
            "board_consent": board_consent,
            "successor_advice_consent": advice_consent,
            "board_consent_on": now,
        }
        if not self.notice_acknowledged_on:
            values["notice_acknowledged_on"] = now
        if not board_consent:
            values["report_include_answers"] = False
        self.sudo().write(values)

    def _portal_save_answers(self, answers, bases=None):
        """Store the employee's answers, each changed one at its next revision, and
        return the lines left out as changed meanwhile (see _portal_check_answers);
        callers checked the token or the owner."""
        self.ensure_one()
        self._portal_lock()
        values, conflicts = self._portal_check_answers(answers, bases)
        for line, line_values in values.items():
            line.write(dict(line_values, answer_revision=line.answer_revision + 1))
        self.sudo().answers_saved_on = fields.Datetime.now()
        return conflicts

    def _portal_submit_answers(self, answers, bases=None):
        """Store the answers, hand them to the interviewer and have a copy mailed to
        the employee (returns its address, if any): once submitted, the link no
        longer opens them. Answers changed
        meanwhile on another page stop the submission: the employee merges first.
        The change of status is the employee's (the portal runs as the public
        user)."""
        conflicts = self._portal_save_answers(answers, bases)
        if conflicts:
            raise AnswerConflict(
                self._portal_conflict_message(conflicts, submitting=True), conflicts
            )
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
                    limit=ANSWER_MAX_LENGTH,
                )
            )
        if not self._portal_is_open():
            raise UserError(
                self.env._("You can no longer decline: your answers were submitted.")
            )
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
