# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import email_normalize, html2plaintext

from .hr_exit_interview import OFFICER_GROUP

# The external interviewer's page: what they read, and what they write while the
# report is theirs (before it is shared with the board).
EXTERNAL_STATES = ("draft", "invited", "prepared", "held", "shared", "evaluated")
EXTERNAL_ANSWER_STATES = ("prepared", "held", "shared", "evaluated")
EXTERNAL_WRITE_STATES = ("invited", "prepared", "held")
EXTERNAL_PREPARATION_FIELDS = ("excelled_at", "thank_for", "points_to_pass_on")
EXTERNAL_CHECKLIST_FIELDS = ("confidentiality_explained", "appreciation_given")
EXTERNAL_REPORT_FIELDS = (
    "report_summary",
    "reasons_for_leaving",
    "advice_for_successor",
    "strengths",
    "points_to_improve",
)
EXTERNAL_TEXT_MAX_LENGTH = 20000


class HrExitInterview(models.Model):
    """An interviewer from outside the organisation: a portal user that an officer
    names on one interview. They read and write that interview through their own
    portal pages only (controllers/portal_interviewer.py), after the checks below."""

    _inherit = "hr.exit.interview"

    external_interviewer_id = fields.Many2one(
        "res.users",
        readonly=True,
        copy=False,
        tracking=True,
        index="btree_not_null",
        groups="hr_exit_interview.group_exit_interview_interviewer",
        help="A portal user from outside the organisation who holds the talk and "
        "writes the report on the portal. Named by an officer.",
    )
    external_interviewer_officer_id = fields.Many2one(
        "res.users",
        string="External Interviewer Named By",
        readonly=True,
        copy=False,
        groups="hr_exit_interview.group_exit_interview_officer",
        help="The officer told when the external interviewer saves the report.",
    )

    @api.constrains("external_interviewer_id", "employee_id", "manager_id", "coach_id")
    def _check_external_interviewer(self):
        for interview in self.sudo().filtered("external_interviewer_id"):
            interview._check_external_user(interview.external_interviewer_id)

    @api.model
    def _odoo_only_fields(self):
        # Named through the officers' wizard only: a user who sets it by hand would
        # hand the interview to a portal user of their choice.
        return super()._odoo_only_fields() | {
            "external_interviewer_id",
            "external_interviewer_officer_id",
        }

    def _calendar_event_values(self):
        # The external interviewer is invited by mail to the meeting (their contact),
        # as Odoo invites any attendee.
        values = super()._calendar_event_values()
        partner = self.sudo().external_interviewer_id.partner_id
        if partner:
            attendees = values["partner_ids"][0][2]
            values["partner_ids"] = [fields.Command.set([*attendees, partner.id])]
        return values

    # === EXTERNAL INTERVIEWER === #

    def _external_kept_out_emails(self):
        """The addresses of whom this interview is kept from: the employee, their
        managers and coaches, every kept-out user."""
        self.ensure_one()
        interview = self.sudo()
        employees = interview.employee_id | interview.manager_id | interview.coach_id
        employees |= interview.employee_id.parent_id | interview.employee_id.coach_id
        users = (
            employees.user_id
            | interview.kept_out_user_ids
            | interview._leaver_user()
            | interview._leader_users()
        )
        addresses = (
            employees.mapped("private_email")
            + employees.mapped("work_email")
            + employees.work_contact_id.mapped("email")
            + users.mapped("email")
            + users.mapped("login")
        )
        return {email_normalize(a) for a in addresses if a} - {False}

    def _check_external_user(self, user):
        """Refuse, in words, a user who may not hold this interview from outside:
        an internal user, the employee, or anyone the interview is kept from."""
        self.ensure_one()
        interview = self.sudo()
        user = user.sudo()
        if not user._is_portal():
            raise ValidationError(
                self.env._(
                    "%(user)s has an internal account: an external interviewer is a "
                    "portal user. Choose them as the interviewer instead.",
                    user=user.name,
                )
            )
        if user == interview._leaver_user() or user in interview.employee_id.user_id:
            raise ValidationError(
                self.env._(
                    "%(user)s is the departing employee: they cannot hold their own "
                    "exit interview.",
                    user=user.name,
                )
            )
        leaders = (
            interview._leader_users()
            | (interview.employee_id.parent_id | interview.employee_id.coach_id).user_id
        )
        if user in leaders or user.partner_id.email_normalized in (
            interview._external_kept_out_emails()
        ):
            raise ValidationError(
                self.env._(
                    "%(user)s is the manager or coach of %(employee)s, or the exit "
                    "interview is kept from them: the employee must be able to "
                    "speak freely, also when the manager is part of the reason for "
                    "leaving. Choose another interviewer.",
                    user=user.name,
                    employee=interview.employee_id.name,
                )
            )

    @api.model
    def _external_interviews_of(self, user):
        """The interviews the user holds as external interviewer, in superuser
        mode: the caller shows their whitelisted fields only."""
        if not user or user._is_public() or not user._is_portal():
            return self.browse()
        interviews = self.sudo().search(
            [
                ("external_interviewer_id", "=", user.id),
                ("state", "in", EXTERNAL_STATES),
            ]
        )
        return interviews.filtered(lambda i: i._external_is_held_by(user))

    @api.model
    def _external_interview_of(self, interview_id, user):
        """The interview, in superuser mode, when the logged-in user is its
        external interviewer; else an empty recordset."""
        interview = self.sudo().browse(interview_id).exists()
        if not interview or not interview._external_is_held_by(user):
            return self.browse()
        return interview

    def _external_is_held_by(self, user):
        """Whether the user is this interview's external interviewer now: a portal
        user, recorded on it by an officer, neither its employee nor kept out."""
        self.ensure_one()
        interview = self.sudo()
        if not user or user._is_public() or not user._is_portal():
            return False
        return bool(
            interview.active
            and interview.state in EXTERNAL_STATES
            and interview.external_interviewer_id == user
            and user != interview._leaver_user()
            and user not in interview.employee_id.user_id
            and user not in interview._leader_users()
        )

    def _external_can_write(self):
        self.ensure_one()
        return self.sudo().state in EXTERNAL_WRITE_STATES

    def _external_values(self):
        """What the external interviewer's page shows: an internal interviewer's
        view of this interview, field by field."""
        self.ensure_one()
        interview = self.sudo()
        answers = interview.state in EXTERNAL_ANSWER_STATES
        sections = []
        for line in interview.line_ids.sorted(lambda line: (line.sequence, line.id)):
            if not sections or sections[-1][0] != line.section_name:
                sections.append((line.section_name, []))
            sections[-1][1].append(
                {
                    "id": line.id,
                    "question": line.question,
                    "answer": answers and line.answer_display or "",
                    "note": line.interviewer_note or "",
                }
            )
        return {
            "id": interview.id,
            "employee": interview.employee_id.name,
            "job": interview.job_title or interview.job_id.name or "",
            "last_working_day": interview.last_working_day,
            "planned_start": interview.planned_start,
            "state": dict(interview._fields["state"]._description_selection(self.env))[
                interview.state
            ],
            "answers_in": answers,
            "can_write": interview._external_can_write(),
            "can_mark_held": interview.state in ("invited", "prepared"),
            "sections": sections,
            **{
                name: interview[name] or ""
                for name in EXTERNAL_PREPARATION_FIELDS + EXTERNAL_REPORT_FIELDS
            },
            **{name: interview[name] for name in EXTERNAL_CHECKLIST_FIELDS},
        }

    def _external_labels(self):
        """The labels of the fields the page shows, in the reader's language."""
        return {
            name: self._fields[name].get_description(self.env)["string"]
            for name in (
                EXTERNAL_PREPARATION_FIELDS
                + EXTERNAL_CHECKLIST_FIELDS
                + EXTERNAL_REPORT_FIELDS
            )
        }

    def _external_save(self, values, notes):
        """Save what the external interviewer posted: the preparation, the
        checklist, the report and their notes per question. Called in superuser mode
        after _external_is_held_by; written as the user (their contact is the
        author of every message), then the officer is told."""
        self.ensure_one()
        if not self._external_can_write():
            raise UserError(
                self.env._(
                    "The report was shared with the board: it can no longer change. "
                    "Ask the exit interview officer if something must be corrected."
                )
            )
        vals = {}
        for name in EXTERNAL_PREPARATION_FIELDS + EXTERNAL_REPORT_FIELDS:
            if name in values:
                text = (values[name] or "").strip()
                if len(text) > EXTERNAL_TEXT_MAX_LENGTH:
                    raise UserError(
                        self.env._(
                            "A text holds at most %(limit)s characters: shorten it, "
                            "nothing was saved yet.",
                            limit=EXTERNAL_TEXT_MAX_LENGTH,
                        )
                    )
                # Plain text fields: whatever markup was posted stays plain text.
                vals[name] = text or False
        for name in EXTERNAL_CHECKLIST_FIELDS:
            vals[name] = bool(values.get(name))
        lines = self.sudo().line_ids
        unknown = set(notes) - set(lines.ids)
        if unknown:
            raise UserError(
                self.env._(
                    "The page is out of date: reload it, then write your notes again."
                )
            )
        interview = self.sudo()
        changed = {
            name: value for name, value in vals.items() if interview[name] != value
        }
        if changed:
            interview.write(changed)
        for line in lines:
            if line.id in notes:
                note = (notes[line.id] or "").strip() or False
                if len(note or "") > EXTERNAL_TEXT_MAX_LENGTH:
                    raise UserError(
                        self.env._(
                            "A note holds at most %(limit)s characters: shorten it, "
                            "nothing was saved yet.",
                            limit=EXTERNAL_TEXT_MAX_LENGTH,
                        )
                    )
                if (line.interviewer_note or False) != note:
                    line.interviewer_note = note
        interview._in_reader_lang().message_post(
            body=self.env._(
                "%(user)s, the external interviewer, saved the report.",
                user=self.env.user.partner_id.name,
            ),
            subtype_xmlid="mail.mt_note",
            author_id=self.env.user.partner_id.id,
        )
        self.env["hr.exit.interview.reading"]._log_reading(
            "hr.exit.interview.external.write", interview
        )
        interview._external_tell_officer()

    def _external_mark_held(self):
        """The external interviewer marks the talk held, as an interviewer does."""
        self.ensure_one()
        interview = self.sudo()
        if interview.state == "held":
            return
        interview._check_transition("held")
        interview._write_state("held")
        interview._in_reader_lang().message_post(
            body=self.env._(
                "%(user)s, the external interviewer, marked the talk held.",
                user=self.env.user.partner_id.name,
            ),
            subtype_xmlid="mail.mt_note",
            author_id=self.env.user.partner_id.id,
        )

    def _external_tell_officer(self):
        """An activity for the officer who named the external interviewer: read the
        report, then share it with the board. One open at a time."""
        self.ensure_one()
        interview = self.sudo()
        officer = interview.external_interviewer_officer_id
        if not officer or not officer.active or not officer.has_group(OFFICER_GROUP):
            officer = interview.create_uid
        if (
            not officer.has_group(OFFICER_GROUP)
            or officer in interview.kept_out_user_ids
        ):
            return
        todo = self.env.ref("mail.mail_activity_data_todo")
        summary = interview.with_context(lang=officer.lang or self.env.lang).env._(
            "Read the external interviewer's report"
        )
        if interview.activity_ids.filtered(
            lambda a: a.user_id == officer
            and a.activity_type_id == todo
            and a.summary == summary
        ):
            return
        interview.activity_schedule(
            activity_type_id=todo.id,
            summary=summary,
            note=html2plaintext(
                interview.with_context(lang=officer.lang or self.env.lang).env._(
                    "The external interviewer saved the report: read it, then share "
                    "it with the board."
                )
            ),
            user_id=officer.id,
        )

    def _external_name(self, user, name, email, lang):
        """Name the user external interviewer of this interview, as the officer
        asked: a replaced one loses access at once; the meeting invites the new
        one."""
        self.ensure_one()
        self._check_external_user(user)
        interview = self.sudo()
        interview.write(
            {
                "external_interviewer_id": user.id,
                "external_interviewer_officer_id": self.env.user.id,
            }
        )
        if interview.planned_start:
            interview._sync_calendar_event()
        return interview


class HrExitInterviewReading(models.Model):
    _inherit = "hr.exit.interview.reading"

    read_through = fields.Selection(
        selection_add=[
            ("hr.exit.interview.external", "External interviewer's page"),
            (
                "hr.exit.interview.external.write",
                "Saved by the external interviewer",
            ),
        ],
        ondelete={
            "hr.exit.interview.external": "cascade",
            "hr.exit.interview.external.write": "cascade",
        },
    )
