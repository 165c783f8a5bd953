# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError
from odoo.osv.expression import AND
from odoo.tools import float_compare

MEETING_STATES = ("draft", "invited", "prepared")
TIME_FIELDS = {"start", "stop", "duration", "allday", "start_date", "stop_date"}
# What moves, hides or reassigns the meeting, besides its time.
MEETING_FIELDS = TIME_FIELDS | {
    "active",
    "partner_ids",
    "attendee_ids",
    "user_id",
    "res_model",
    "res_model_id",
    "res_id",
    "recurrency",
}


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        # Calendar hides a private event's name and record from who does not attend
        # it, but searches them: "Exit interview" in a name, or the interview model,
        # would list the meetings of exit interviews to any internal user. Searched
        # by what calendar hides, they are found by their attendees alone.
        if not self.env.su and self._exit_interview_hidden_terms(domain, order):
            meetings = (
                self.env["hr.exit.interview"]
                .sudo()
                .with_context(active_test=False)
                ._search([("calendar_event_id", "!=", False)])
            )
            domain = AND(
                [
                    domain,
                    [
                        "|",
                        "|",
                        ("id", "not in", meetings.subselect("calendar_event_id")),
                        ("user_id", "=", self.env.uid),
                        ("partner_ids", "in", self.env.user.partner_id.ids),
                    ],
                ]
            )
        return super()._search(domain, offset, limit, order)

    @api.model
    def _exit_interview_hidden_terms(self, domain, order=None):
        """Whether the domain searches, or the order sorts by, a field that calendar
        hides of a private event (whom it is with is searched by the attendees'
        calendars)."""
        shown = self._get_public_fields() | {"partner_ids", "attendee_ids", "privacy"}
        names = [
            term[0]
            for term in domain or ()
            if isinstance(term, list | tuple)
            and len(term) == 3
            and isinstance(term[0], str)
        ]
        names += [part.split()[0] for part in (order or "").split(",") if part.strip()]
        return any(name.split(".")[0] not in shown for name in names)

    def write(self, vals):
        if not MEETING_FIELDS & vals.keys():
            return super().write(vals)
        meetings = self._exit_interview_meetings()
        self._exit_interview_check_change(meetings)
        result = super().write(vals)
        if TIME_FIELDS & vals.keys():
            self._exit_interview_follow_move(meetings)
        return result

    def unlink(self):
        self._exit_interview_check_change(self._exit_interview_meetings())
        return super().unlink()

    def _exit_interview_meetings(self):
        """{event: its interview} of the events that are the meeting of an exit
        interview still to be held, by the interview's own link to it (an
        attendee may write the event's res_model and res_id)."""
        if not self.ids:
            return {}
        interviews = (
            self.env["hr.exit.interview"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("calendar_event_id", "in", self.ids),
                    ("state", "in", MEETING_STATES),
                ]
            )
        )
        return {interview.calendar_event_id: interview for interview in interviews}

    def _exit_interview_check_change(self, meetings):
        """Who may not change the interview (an attendee added by hand, say) does
        not move, hide, reassign or delete its meeting either."""
        if self.env.su:
            return
        for interview in meetings.values():
            if not interview.with_env(self.env).has_access("write"):
                raise AccessError(
                    self.env._(
                        "This meeting belongs to an exit interview: ask its "
                        "interviewer or an exit interview officer to move it."
                    )
                )

    def _exit_interview_follow_move(self, meetings):
        """A meeting moved in the calendar moves its interview, whose employee
        hears of it from the interview's own mail (they are no attendee): the
        interview and its event never tell two dates."""
        for event, interview in meetings.items():
            if interview.planned_start == event.start and not float_compare(
                interview.duration, event.duration, precision_digits=2
            ):
                continue
            # The interview's date follows, and nothing else of it.
            # The event is where the date comes from: the interview does not write it
            # back (its rounded length would move the end, and mail a second time).
            interview.with_context(exit_interview_moved_in_calendar=True).write(
                {"planned_start": event.start, "duration": event.duration}
            )
            if interview.state != "draft":
                interview._mail_meeting_change(
                    "hr_exit_interview.mail_template_exit_interview_meeting_moved"
                )
