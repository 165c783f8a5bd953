# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .hr_exit_interview import INTERVIEWER_GROUP

# While the written path may still be chosen: before the talk.
WRITTEN_STATES = ("draft", "invited", "prepared")
# Who chose the written path, when, and the choice itself: recorded by the portal
# route and the officer's button only (see _odoo_only_fields).
WRITTEN_FIELDS = {
    "written_only",
    "written_chosen_by",
    "written_chosen_by_id",
    "written_chosen_on",
}
WRITTEN_MAIL = "hr_exit_interview.mail_template_exit_interview_meeting_written"


class HrExitInterview(models.Model):
    """Taking part in writing only: the employee (on the portal) or an officer
    (when planning, say for an employee already gone) chooses that the interview
    takes place without a meeting. The meeting and the employee's invitation are
    cancelled, no checklist of the talk is asked for, and the interviewer writes the
    short report from the answers; the board is told of it as of any report."""

    _inherit = "hr.exit.interview"

    # === FIELDS === #

    # Read by the board beside the report: one neutral line says it.
    written_only = fields.Boolean(
        string="In Writing Only",
        readonly=True,
        copy=False,
        help="The interview takes place in writing, without a meeting: the "
        "interviewer writes the short report from the employee's answers.",
    )
    written_chosen_by = fields.Selection(
        [("employee", "The Employee"), ("officer", "An Officer")],
        string="Writing Chosen By",
        readonly=True,
        copy=False,
        groups=INTERVIEWER_GROUP,
    )
    written_chosen_by_id = fields.Many2one(
        "res.users",
        string="Writing Offered By",
        readonly=True,
        copy=False,
        groups=INTERVIEWER_GROUP,
    )
    written_chosen_on = fields.Datetime(
        string="Writing Chosen On",
        readonly=True,
        copy=False,
        groups=INTERVIEWER_GROUP,
    )

    # === COMPUTE METHODS === #

    @api.depends("last_working_day", "company_id", "employee_id", "written_only")
    def _compute_planned_start(self):
        # A written interview has no meeting, whatever its dates become.
        written = self.filtered("written_only")
        written.planned_start = False
        return super(HrExitInterview, self - written)._compute_planned_start()

    # === BUSINESS METHODS === #

    @api.model
    def _odoo_only_fields(self):
        return super()._odoo_only_fields() | WRITTEN_FIELDS

    def _extra_transitions(self, new_state):
        """The states a written interview may also come from: its report is shared
        once the answers are in, without a talk marked as held."""
        if new_state == "shared" and self.written_only:
            return ("prepared",)
        return super()._extra_transitions(new_state)

    def _transition_hints(self):
        hints = super()._transition_hints()
        if self.written_only:
            hints["shared"] = self.env._(
                "An interview in writing is shared with the board once the employee "
                "submitted the answers."
            )
        return hints

    def _report_missing(self):
        # No talk, no checklist of it.
        missing = super()._report_missing()
        if not self.written_only:
            return missing
        checklist = {
            self._fields[name].get_description(self.env)["string"]
            for name in ("confidentiality_explained", "appreciation_given")
        }
        return [label for label in missing if label not in checklist]

    def _check_written_allowed(self):
        for interview in self:
            if interview.written_only:
                raise UserError(
                    self.env._(
                        "The exit interview of %(employee)s already takes place in "
                        "writing.",
                        employee=interview.employee_id.name,
                    )
                )
            if interview.state not in WRITTEN_STATES:
                raise UserError(
                    self.env._(
                        "The exit interview of %(employee)s is past its meeting: "
                        "only an interview not yet held can take place in writing.",
                        employee=interview.employee_id.name,
                    )
                )

    def _start_written_path(self, chosen_by):
        """The interview takes place in writing: the employee who was told of the
        meeting hears, in a neutral mail, that it will not take place; the meeting
        and its activities go. Callers checked the employee's link or the officer.
        """
        self._check_written_allowed()
        # Told while the meeting is still on the interview: its day and hour.
        self._mail_meeting_change(WRITTEN_MAIL, attach_meeting=False)
        events = self.with_context(
            active_test=False, no_mail_to_attendees=True
        ).calendar_event_id.sudo()
        events.action_archive()
        self._meeting_activities().unlink()
        self.sudo().write(
            {
                "written_only": True,
                "written_chosen_by": chosen_by,
                "written_chosen_by_id": self.env.uid
                if chosen_by == "officer"
                else False,
                "written_chosen_on": fields.Datetime.now(),
                # No meeting: a reset to draft restores none.
                "calendar_event_id": False,
            }
        )

    def _offer_written_path(self):
        """The officer's choice, when planning: in writing, without a meeting."""
        self._check_officer()
        self.check_access("write")
        self._start_written_path("officer")
        for interview in self:
            note = interview._in_reader_lang()
            note.message_post(
                body=note.env._(
                    "%(user)s set the exit interview to take place in writing, "
                    "without a meeting.",
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _portal_answer_in_writing(self):
        """The employee's choice on the portal (callers checked the link or the
        owner): in writing, without a meeting; the questions stay open."""
        self.ensure_one()
        self._portal_lock()
        if not self._portal_is_open():
            raise UserError(
                self.env._(
                    "Your answers were already submitted, or you chose not to take "
                    "part: there is no meeting to cancel."
                )
            )
        if self.written_only:
            return
        self._start_written_path("employee")
        interview = self._in_reader_lang()
        interview.message_post(
            body=interview.env._(
                "%(employee)s prefers to answer in writing, without a meeting: the "
                "meeting was cancelled.",
                employee=self.employee_id.name,
            ),
            author_id=self.employee_id.work_contact_id.id,
            email_from=self._portal_email_from(),
            partner_ids=self.message_partner_ids.ids,
            subtype_xmlid="mail.mt_note",
        )

    def _anonymise(self, **kwargs):
        # Who offered the written path and the exact moment go with the dates; the
        # path itself stays in the statistics.
        result = super()._anonymise(**kwargs)
        self.sudo().with_context(tracking_disable=True).write(
            {"written_chosen_by_id": False, "written_chosen_on": False}
        )
        return result
