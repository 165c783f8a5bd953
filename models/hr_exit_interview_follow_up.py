# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import datetime, time, timedelta

import psycopg2
import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

from .hr_exit_interview import (
    CONFIDENTIAL_TEXT_FIELDS,
    OFFICER_GROUP,
    SENIORITY_LIMITS,
)

# The employee's private address, as Odoo 18 keeps it on the employee (there is no
# private contact any more): employee field -> contact field.
PRIVATE_ADDRESS_FIELDS = {
    "private_email": "email",
    "private_phone": "phone",
    "private_street": "street",
    "private_street2": "street2",
    "private_zip": "zip",
    "private_city": "city",
    "private_state_id": "state_id",
    "private_country_id": "country_id",
}

_logger = logging.getLogger(__name__)


class HrExitInterview(models.Model):
    """The meeting and what follows it. The meeting: when it is proposed, the
    warning when it is late, its calendar event. The guide's follow-up after the
    talk: keeping in touch with the employee as a contact of the organisation, and
    the advice for the successor handed over to the job position; both outlive the
    anonymisation. The retention: anonymisation once the retention period is over
    (GDPR), and the statistics that outlive it."""

    _inherit = "hr.exit.interview"

    # === FIELDS === #

    # The meeting

    planned_start = fields.Datetime(
        compute="_compute_planned_start",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    duration = fields.Float(default=2.0, help="Planned duration, in hours.")
    planned_stop = fields.Datetime(compute="_compute_planned_stop")
    planning_warning = fields.Char(compute="_compute_planning_warning")
    # Indexed: every change of a calendar event looks for its interview here.
    calendar_event_id = fields.Many2one(
        "calendar.event",
        string="Meeting",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )

    _sql_constraints = [
        (
            "duration_positive",
            "CHECK(duration > 0)",
            "The duration of an exit interview must be positive.",
        ),
    ]

    # Keeping in touch and the advice handed over

    keep_in_touch_partner_id = fields.Many2one(
        "res.partner",
        string="Contact for Keeping in Touch",
        readonly=True,
        copy=False,
        groups=OFFICER_GROUP,
    )
    # What the addon added for keeping in touch, so that a withdrawal or a
    # cancellation removes exactly that.
    keep_in_touch_contact_created = fields.Boolean(
        string="Contact Made for Keeping in Touch",
        readonly=True,
        copy=False,
        groups=OFFICER_GROUP,
    )
    keep_in_touch_activity_id = fields.Many2one(
        "mail.activity",
        string="To-Do for Keeping in Touch",
        readonly=True,
        copy=False,
        groups=OFFICER_GROUP,
    )

    # Asked on the portal (see PORTAL_FIELDS): written by Odoo only.
    successor_advice_consent = fields.Boolean(
        string="Employee Agrees to Pass On the Advice",
        readonly=True,
        copy=False,
        help="The employee's own choice on the portal: the advice for the successor, "
        "alone and without their name, may be handed over to the job position.",
    )
    successor_advice_id = fields.Many2one(
        "hr.job.advice",
        string="Advice Handed Over",
        readonly=True,
        copy=False,
        groups=OFFICER_GROUP,
    )

    # Retention

    anonymised_on = fields.Datetime(readonly=True, copy=False)

    # === COMPUTE METHODS === #

    @api.depends("last_working_day", "company_id", "employee_id")
    def _compute_planned_start(self):
        for interview in self:
            if not interview.last_working_day:
                interview.planned_start = False
                continue
            days = interview.company_id.exit_interview_days_before
            day = max(
                interview.last_working_day - timedelta(days=days),
                fields.Date.context_today(interview) + timedelta(days=1),
            )
            interview.planned_start = interview._working_start_near(
                day
            ) or interview._at_ten_local(day)

    @api.depends("planned_start", "duration")
    def _compute_planned_stop(self):
        for interview in self:
            interview.planned_stop = interview.planned_start and (
                interview.planned_start + timedelta(hours=interview.duration)
            )

    @api.depends(
        "planned_start", "planned_stop", "last_working_day", "company_id", "state"
    )
    def _compute_planning_warning(self):
        for interview in self:
            interview.planning_warning = interview._planning_warning()

    # === ONCHANGE METHODS === #

    @api.onchange("hire_date", "last_working_day")
    def _onchange_dates(self):
        if not self.anonymised_on:
            self.update(self._statistics_values(self.hire_date, self.last_working_day))

    # === BUSINESS METHODS === #

    # The meeting

    def _sync_calendar_event(self):
        # The meeting is private to its attendees, which the officer planning it is
        # not: whoever may change the interview may book its meeting.
        self.check_access("write")
        if self.env.context.get("exit_interview_moved_in_calendar"):
            return
        for interview in self:
            if not interview.planned_start:
                continue
            values = interview._calendar_event_values()
            event = interview.calendar_event_id.sudo()
            if not event:
                interview.calendar_event_id = event.create(values)
                continue
            # Calendar mails "date changed" for any start written, even the same.
            changes = interview._calendar_event_changes(event, values)
            if not changes:
                continue
            event.write(changes)
            if {"start", "stop"} & changes.keys() and interview.state in (
                "invited",
                "prepared",
            ):
                interview._mail_meeting_change(
                    "hr_exit_interview.mail_template_exit_interview_meeting_moved"
                )

    @api.model
    def _calendar_event_changes(self, event, values):
        """The values that differ from the event's."""
        changes = {}
        for name, value in values.items():
            current = event[name]
            if name == "partner_ids":
                if set(value[0][2]) != set(current.ids):
                    changes[name] = value
            elif (current.id if isinstance(current, models.BaseModel) else current) != (
                value
            ):
                changes[name] = value
        return changes

    def _archive_calendar_event(self, archive):
        self.check_access("write")
        # Archiving or restoring the meeting mails no one through the calendar; the
        # employee told of a meeting to come learns of its cancellation.
        events = self.with_context(
            active_test=False, no_mail_to_attendees=True
        ).calendar_event_id.sudo()
        if archive:
            self.filtered(
                lambda interview: interview.state == "cancelled"
                and interview.calendar_event_id.sudo().active
            )._mail_meeting_change(
                "hr_exit_interview.mail_template_exit_interview_meeting_cancelled",
                attach_meeting=False,
            )
            events.action_archive()
            self._meeting_activities().unlink()
        else:
            events.action_unarchive()

    def _mail_meeting_change(self, template_xmlid, attach_meeting=True):
        """Tell the employee who received the questions, at the address they went
        to, that the meeting to come moved or is cancelled, in their language: the
        interview's own mail, for Odoo's calendar mails the interviewer only."""
        for interview in self:
            email = interview._latest_sending().email
            if (
                not email
                or not interview.planned_start
                or interview.planned_start < fields.Datetime.now()
            ):
                continue
            interview._send_private_mail(
                template_xmlid,
                email,
                attachments=interview._meeting_ics() if attach_meeting else (),
            )

    def _meeting_ics(self):
        """The meeting as calendar's .ics, named in the employee's language, for a
        mail to them: [(file name, content)], empty without a meeting."""
        self.ensure_one()
        event = self.calendar_event_id.sudo()
        ics = event and event._get_ics_file().get(event.id)
        if not ics:
            return []
        # Calendar made the file with vobject, which it imports if it can.
        import vobject  # pylint: disable=import-outside-toplevel

        calendar = vobject.readOne(ics.decode())
        calendar.vevent.summary.value = self.with_context(
            lang=self._leaver_lang()
        ).env._("Exit interview")
        return [("invitation.ics", calendar.serialize().encode())]

    def _meeting_activities(self):
        """The interviewer's meeting activities on the interviews (a meeting booked
        from the chatter's activities); callers checked the write access."""
        return self.sudo().activity_ids.filtered(
            lambda activity: activity.calendar_event_id
            or activity.activity_type_id.category == "meeting"
        )

    def _calendar_event_values(self):
        # The interviewer's meeting only: every internal user may search the
        # attendees of any event, so the employee is no attendee (they learn of the
        # meeting from the interview's own mails, with the .ics), and no colleague
        # finds their name on it; nor may they change it as its attendee.
        attendees = self.interviewer_id.partner_id
        return {
            # Any internal user may search the calendar: the name says nothing of
            # who leaves (the event is private to its attendees). In the language of
            # the interviewer, whose calendar holds it.
            "name": self._in_reader_lang().env._("Exit interview"),
            "start": self.planned_start,
            "stop": self.planned_stop,
            "duration": self.duration,
            "user_id": self.interviewer_id.id,
            "partner_ids": [fields.Command.set(attendees.ids)],
            "privacy": "private",
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
        }

    def _planning_warning(self):
        """The guide: a week to a few days before the last working day, never in
        the last days before the farewell."""
        if not self.planned_start:
            return False
        planned_day = fields.Date.context_today(self, self.planned_start)
        if planned_day < fields.Date.context_today(self) and self.state in (
            "draft",
            "invited",
            "prepared",
        ):
            return self.env._(
                "The meeting was planned in the past: plan it again, a week to a few "
                "days before the last working day."
            )
        if self.state in ("draft", "invited", "prepared") and self._on_day_off():
            return self.env._(
                "The meeting falls outside the employee's working time (a weekend, a "
                "public holiday, a leave or outside their hours): plan it on one of "
                "their working days."
            )
        if not self.last_working_day:
            return False
        if planned_day > self.last_working_day:
            return self.env._(
                "The meeting is planned after the last working day: plan it a week to "
                "a few days before."
            )
        days_before = (self.last_working_day - planned_day).days
        if days_before < self.company_id.exit_interview_min_days_before:
            return self.env._(
                "The meeting is only %(days)s day(s) before the last working day. The "
                "guide advises a week to a few days before, never squeezed in just "
                "before the farewell.",
                days=days_before,
            )
        return False

    def _work_intervals(self, day_from, day_to):
        """The employee's working time from day_from to day_to included, public
        holidays and leaves taken out, as (start, stop) in the schedule's time zone;
        None without a working schedule."""
        employee = self.employee_id.sudo()
        calendar = employee.resource_calendar_id or self.company_id.resource_calendar_id
        if not calendar or day_from > day_to:
            return None
        tz = pytz.timezone(employee.tz or calendar.tz or "UTC")
        start = tz.localize(datetime.combine(day_from, time.min))
        stop = tz.localize(datetime.combine(day_to, time.max))
        resource = employee.resource_id
        intervals = calendar._work_intervals_batch(
            start, stop, resources=resource, tz=tz
        )[resource.id]
        return [(begin, end) for begin, end, _meta in intervals]

    def _working_start_near(self, day):
        """A start on a working day of the employee, as close before ``day`` as the
        guide allows (not before tomorrow), else after it up to the last working
        day: at 10:00 when the meeting fits there, else when their work begins."""
        tomorrow = fields.Date.context_today(self) + timedelta(days=1)
        last_day = max(self.last_working_day, day)
        intervals = self._work_intervals(tomorrow, last_day)
        if not intervals:
            return False
        length = timedelta(hours=self.duration or 2.0)
        fitting = {}
        for begin, end in intervals:
            ten = begin.replace(hour=10, minute=0, second=0, microsecond=0)
            start = ten if begin <= ten and ten + length <= end else begin
            if start + length <= end:
                fitting.setdefault(start.date(), start)
        if not fitting:
            return False
        before = [found for found in fitting if found <= day]
        chosen = max(before) if before else min(fitting)
        return fitting[chosen].astimezone(pytz.utc).replace(tzinfo=None)

    def _on_day_off(self):
        """The planned meeting falls outside the employee's working time."""
        if not self.planned_start or not self.planned_stop:
            return False
        start = pytz.utc.localize(self.planned_start)
        stop = pytz.utc.localize(self.planned_stop)
        day_before = (start - timedelta(days=1)).date()
        intervals = self._work_intervals(day_before, (stop + timedelta(days=1)).date())
        if intervals is None:
            return False
        return not any(begin <= start and stop <= end for begin, end in intervals)

    def _at_ten_local(self, day):
        """10:00 in the user's time zone on the given day, as naive UTC."""
        tz = pytz.timezone(self.env.user.tz or "UTC")
        local = tz.localize(datetime.combine(day, time(10, 0)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    # Keeping in touch and the advice handed over

    @api.model
    def _odoo_only_fields(self):
        # The contact kept in touch with and the advice handed over: linked by the
        # addon, never pointed elsewhere by hand (a stranger's contact tagged).
        return super()._odoo_only_fields() | {
            "keep_in_touch_partner_id",
            "keep_in_touch_contact_created",
            "keep_in_touch_activity_id",
            "successor_advice_id",
        }

    @api.model
    def _keep_in_touch_wished_domain(self):
        """The employee consented to a way of keeping in touch."""
        return [
            ("keep_in_touch", "not in", (False, "none")),
            ("keep_in_touch_consent", "=", True),
        ]

    @api.model
    def _keep_in_touch_due_domain(self):
        """Wished, the interview stands and the last working day has come: before
        that, no one learns of the departure from a contact's tag."""
        return [
            *self._keep_in_touch_wished_domain(),
            ("state", "not in", ("cancelled", "declined")),
            ("last_working_day", "!=", False),
            ("last_working_day", "<=", fields.Date.context_today(self)),
        ]

    def _keep_in_touch_due(self):
        self.ensure_one()
        return bool(self.filtered_domain(self._keep_in_touch_due_domain()))

    def _keep_in_touch_sync(self, wish_changed=None):
        """Once due (_keep_in_touch_due): the contact, tagged with the company's
        category and visible to officers and the person who keeps in touch only,
        and a to-do for that person; a new wish replaces the to-do. When no longer
        due (consent withdrawn, no wish, cancelled, the last day moved on), what was
        added goes. An anonymised interview keeps nothing: its contact stays the
        organisation's own."""
        wish_changed = wish_changed if wish_changed is not None else self
        for interview in self.sudo().filtered(lambda i: not i.anonymised_on):
            if not interview._keep_in_touch_due():
                interview._keep_in_touch_remove()
            elif (
                not interview.keep_in_touch_partner_id
                or interview.id in wish_changed.ids
            ):
                interview._keep_in_touch_add()

    def _keep_in_touch_add(self):
        company = self.company_id
        contact = self.keep_in_touch_partner_id or self._keep_in_touch_own_contact()
        if not contact:
            contact = self._keep_in_touch_create_contact()
            self.keep_in_touch_contact_created = True
        person = company.exit_interview_keep_in_touch_user_id or self.create_uid
        contact.write(
            {
                "category_id": [
                    Command.link(company._exit_interview_keep_in_touch_category().id)
                ],
                "exit_interview_keep_in_touch": True,
                "exit_interview_keep_in_touch_user_id": person.id,
            }
        )
        self.keep_in_touch_partner_id = contact
        wishes = dict(self._fields["keep_in_touch"]._description_selection(self.env))
        self.keep_in_touch_activity_id.unlink()
        self.keep_in_touch_activity_id = contact.activity_schedule(
            "mail.mail_activity_data_todo",
            user_id=person.id,
            summary=self.env._(
                "Keep in touch: %(wish)s", wish=wishes[self.keep_in_touch]
            ),
        )

    def _keep_in_touch_remove(self):
        contact = self.keep_in_touch_partner_id
        if not contact:
            return
        self.keep_in_touch_activity_id.unlink()
        created = self.keep_in_touch_contact_created
        self.write(
            {
                "keep_in_touch_partner_id": False,
                "keep_in_touch_contact_created": False,
                "keep_in_touch_activity_id": False,
            }
        )
        if self.search_count([("keep_in_touch_partner_id", "=", contact.id)]):
            return
        category = self.company_id._exit_interview_keep_in_touch_category()
        contact.write(
            {
                "category_id": [Command.unlink(category.id)],
                "exit_interview_keep_in_touch": False,
                "exit_interview_keep_in_touch_user_id": False,
            }
        )
        if not created:
            return
        # Used since by something else of the organisation's (an account, an
        # invoice): kept, archived where Odoo lets it.
        for remove in (contact.unlink, contact.action_archive):
            try:
                with self.env.cr.savepoint():
                    remove()
                return
            except (UserError, psycopg2.Error):
                continue

    def _keep_in_touch_own_contact(self):
        """The contact of this employee's earlier keeping in touch: the only one
        provably theirs. A contact with their private email may be anyone's (anyone
        can type an email), so none is reused by its email."""
        return (
            self.search(
                [
                    ("employee_id", "=", self.employee_id.id),
                    ("keep_in_touch_partner_id", "!=", False),
                    ("id", "!=", self.id),
                ],
                order="id desc",
                limit=1,
            ).keep_in_touch_partner_id
            if self.employee_id
            else self.env["res.partner"]
        )

    @api.model
    def _cron_keep_in_touch(self):
        """The contacts whose employee's last working day has come."""
        self.search(
            [
                *self._keep_in_touch_due_domain(),
                ("keep_in_touch_partner_id", "=", False),
                ("anonymised_on", "=", False),
            ]
        )._keep_in_touch_sync()

    def _keep_in_touch_check_address(self):
        """The interviewer learns at once that the contact cannot be made, not on the
        last working day."""
        wished = self.sudo().filtered_domain(self._keep_in_touch_wished_domain())
        for interview in wished:
            if (
                not interview.keep_in_touch_partner_id
                and not {"email", "street", "city"}
                & interview._keep_in_touch_contact_values().keys()
            ):
                raise UserError(
                    self.env._(
                        "%(employee)s agreed to keep in touch, but Odoo knows no "
                        "private email or address of theirs: add them on the "
                        "employee's Private Information tab first.",
                        employee=interview.employee_id.name,
                    )
                )

    def _keep_in_touch_contact_values(self):
        employee = self.employee_id
        return {
            contact_field: employee[employee_field].id
            if employee._fields[employee_field].type == "many2one"
            else employee[employee_field]
            for employee_field, contact_field in PRIVATE_ADDRESS_FIELDS.items()
            if employee[employee_field]
        }

    def _keep_in_touch_create_contact(self):
        self._keep_in_touch_check_address()
        return self.env["res.partner"].create(
            dict(
                self._keep_in_touch_contact_values(),
                name=self.employee_id.name,
                company_id=self.company_id.id,
            )
        )

    # Retention

    @api.model
    def _statistics_values(self, hire_date, last_working_day):
        """The statistics kept after anonymisation, from the dates they summarise."""
        values = {
            "year": last_working_day and str(last_working_day.year),
            "departure_month": last_working_day and last_working_day.replace(day=1),
            "seniority_months": 0,
            "seniority_band": False,
        }
        if hire_date:
            end = last_working_day or fields.Date.context_today(self)
            delta = relativedelta(end, hire_date)
            months = max(delta.years * 12 + delta.months, 0)
            values["seniority_months"] = months
            values["seniority_band"] = next(
                (band for limit, band in SENIORITY_LIMITS if months < limit), "ge10"
            )
        return values

    @api.model
    def _cron_anonymise_expired(self):
        """Anonymise the interviews kept longer than their company's retention period
        after the last working day: what the board's statistics need stays."""
        today = fields.Date.context_today(self)
        expired = self.browse()
        pending = self.sudo().with_context(active_test=False)
        for (company,) in pending._read_group(
            [("anonymised_on", "=", False)], ["company_id"]
        ):
            limit = today - relativedelta(
                months=company.exit_interview_retention_months
            )
            expired |= (
                self.sudo()
                .with_context(active_test=False)
                .search(
                    [
                        ("company_id", "=", company.id),
                        ("anonymised_on", "=", False),
                        "|",
                        ("last_working_day", "<", limit),
                        "&",
                        ("last_working_day", "=", False),
                        ("create_date", "<", limit),
                    ]
                )
            )
        # The same job may run in another process at this moment: each interview
        # is anonymised, and counted, once.
        expired = expired._lock_for_job().filtered(
            lambda interview: not interview.anonymised_on
        )
        # A legal hold keeps its interview past the retention (see
        # hr_exit_interview_governance.py).
        expired = expired._without_legal_holds()
        expired._anonymise()
        _logger.info(
            "Exit interviews: %s anonymised after their retention", len(expired)
        )
        return expired

    def _anonymise(self):
        """Erase the people and their words; keep reason, department, year, month,
        seniority band, ratings and the measures' categories and states. Superuser
        only."""
        if not self:
            return
        self = self.sudo()
        self.calendar_event_id.unlink()
        self.line_ids.write(
            {
                "answer_text": False,
                "answer_yes_no": False,
                "unconfirmed_answer": False,
                "interviewer_note": False,
            }
        )
        self.measure_ids.write({"name": self.env._("(anonymised)")})
        # The sendings hold the employee's address and user.
        self.link_sending_ids.unlink()
        for model, ids in (
            (self._name, self.ids),
            (self.measure_ids._name, self.measure_ids.ids),
        ):
            documents = [("res_model", "=", model), ("res_id", "in", ids)]
            self.env["mail.activity"].with_context(active_test=False).search(
                documents
            ).unlink()
            # Every message, whatever its type: also the "assigned you an activity"
            # notifications, which message_ids leaves out.
            self.env["mail.message"].search(
                [("model", "=", model), ("res_id", "in", ids)]
            ).unlink()
            self.env["ir.attachment"].search(documents).unlink()
        values = dict.fromkeys(CONFIDENTIAL_TEXT_FIELDS, False)
        values.update(
            {
                "employee_id": False,
                "manager_id": False,
                "coach_id": False,
                "job_id": False,
                "job_title": False,
                "career_jobs": False,
                # The contact made to keep in touch stays, as the organisation's
                # own; the interview no longer says whose it was.
                "keep_in_touch": False,
                "keep_in_touch_consent": False,
                "keep_in_touch_partner_id": False,
                # The advice handed over stays with the job, without its origin.
                "successor_advice_id": False,
                "successor_advice_consent": False,
                "access_token_digest": False,
                "notice_text": False,
                # The exact dates go; the statistics written from them stay, since
                # write() no longer updates them once anonymised_on is set.
                "hire_date": False,
                "last_working_day": False,
                "anonymised_on": fields.Datetime.now(),
            }
        )
        self.with_context(tracking_disable=True).write(values)
