# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class CalendarAttendee(models.Model):
    """The departing employee attends the meeting of their exit interview, and hears
    of it from the interview's own mails (the questions with the meeting attached,
    its move, its cancellation) in their language: never from Odoo's calendar,
    whose invitation asks to accept or decline and follows the officer's language."""

    _inherit = "calendar.attendee"

    def _should_notify_attendee(self):
        return (
            super()._should_notify_attendee() and not self._is_exit_interview_leaver()
        )

    def _subscribe_partner(self):
        # Following the meeting would mail the employee its chatter's messages.
        leavers = self.filtered(lambda attendee: attendee._is_exit_interview_leaver())
        return super(CalendarAttendee, self - leavers)._subscribe_partner()

    def _is_exit_interview_leaver(self):
        """The attendee is the employee of the exit interview the meeting is for."""
        self.ensure_one()
        event = self.event_id.sudo()
        if event.res_model != "hr.exit.interview" or not event.res_id:
            return False
        interview = self.env["hr.exit.interview"].sudo().browse(event.res_id).exists()
        return bool(
            interview
            and interview.employee_id
            and self.partner_id == interview.employee_id.work_contact_id
        )
