# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models


class HrExitInterview(models.Model):
    """The meeting: when it is proposed, the warning when it is late, its calendar
    event, and the talk's checklist when it is held."""

    _inherit = "hr.exit.interview"

    # === FIELDS === #

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
    calendar_event_id = fields.Many2one(
        "calendar.event", string="Meeting", readonly=True, copy=False
    )

    _sql_constraints = [
        (
            "duration_positive",
            "CHECK(duration > 0)",
            "The duration of an exit interview must be positive.",
        ),
    ]

    # === COMPUTE METHODS === #

    @api.depends("last_working_day", "company_id")
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
            interview.planned_start = interview._at_ten_local(day)

    @api.depends("planned_start", "duration")
    def _compute_planned_stop(self):
        for interview in self:
            interview.planned_stop = interview.planned_start and (
                interview.planned_start + timedelta(hours=interview.duration)
            )

    @api.depends("planned_start", "last_working_day", "company_id", "state")
    def _compute_planning_warning(self):
        for interview in self:
            interview.planning_warning = interview._planning_warning()

    # === BUSINESS METHODS === #

    def _sync_calendar_event(self):
        # The meeting is private to its attendees, which the officer planning it is
        # not: whoever may change the interview may book its meeting.
        self.check_access("write")
        for interview in self:
            if not interview.planned_start:
                continue
            values = interview._calendar_event_values()
            event = interview.calendar_event_id.sudo()
            if event:
                event.write(values)
            else:
                interview.calendar_event_id = event.create(values)

    def _archive_calendar_event(self, archive):
        self.check_access("write")
        # Archiving or restoring the meeting mails no one.
        events = self.with_context(
            active_test=False, no_mail_to_attendees=True
        ).calendar_event_id.sudo()
        if archive:
            events.action_archive()
            self._meeting_activities().unlink()
        else:
            events.action_unarchive()

    def _meeting_activities(self):
        """The interviewer's meeting activities on the interviews (a meeting booked
        from the chatter's activities); callers checked the write access."""
        return self.sudo().activity_ids.filtered(
            lambda activity: activity.calendar_event_id
            or activity.activity_type_id.category == "meeting"
        )

    def _calendar_event_values(self):
        # The work contact is what Odoo invites for an employee; reading it needs no
        # more than being allowed to manage this interview, which the caller is.
        attendees = self.interviewer_id.partner_id
        # No calendar invitation reaches the employee before the questions do.
        if self.state != "draft":
            attendees |= self.employee_id.sudo().work_contact_id
        return {
            # Any internal user may search the calendar: the name says nothing of
            # who leaves (the event is private to its attendees).
            "name": self.env._("Exit interview"),
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

    def _at_ten_local(self, day):
        """10:00 in the user's time zone on the given day, as naive UTC."""
        tz = pytz.timezone(self.env.user.tz or "UTC")
        local = tz.localize(datetime.combine(day, time(10, 0)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)
