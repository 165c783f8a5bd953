# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .hr_exit_interview import (
    BOARD_FIELDS,
    BOARD_GROUP,
    OFFICER_GROUP,
    REPORT_FIELDS,
    SHARED_REPORT_FIELDS,
    SHARED_STATES,
)


class HrExitInterview(models.Model):
    """What the board reads and writes: its evaluation and measures, the rating it
    may see, and the log of every reading of a report."""

    _inherit = "hr.exit.interview"

    # === FIELDS === #

    # The board's evaluation (the guide: lessons, strengthening the organisation,
    # HR policy for current and new employees)
    board_evaluation = fields.Text(
        string="Lessons Learned",
        groups="hr_exit_interview.group_exit_interview_officer,"
        "hr_exit_interview.group_exit_interview_board",
        copy=False,
    )
    measure_ids = fields.One2many(
        "hr.exit.interview.measure",
        "interview_id",
        string="Board Measures",
        groups="hr_exit_interview.group_exit_interview_officer,"
        "hr_exit_interview.group_exit_interview_board",
    )
    board_rating_average = fields.Float(
        string="Average Rating in the Report",
        compute="_compute_board_rating_average",
        store=True,
        aggregator="avg",
        groups="hr_exit_interview.group_exit_interview_officer,"
        "hr_exit_interview.group_exit_interview_board",
        help="The average rating, for the interviews whose answers are part of the "
        "board report.",
    )

    # === COMPUTE METHODS === #

    @api.depends("rating_average", "report_include_answers", "answers_transcribed")
    def _compute_board_rating_average(self):
        for interview in self:
            interview.board_rating_average = (
                interview._board_reads_answers() and interview.rating_average
            )

    # === READING LOG === #

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if set(fnames or ()) & set(REPORT_FIELDS):
            self._log_board_reading()
        return result

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), *args, **kwargs):
        result = super()._read_group(domain, groupby, aggregates, *args, **kwargs)
        spec = {name.split(":")[0].split(".")[0] for name in (*groupby, *aggregates)}
        if spec & set(REPORT_FIELDS):
            self.search(domain)._log_board_reading()
        return result

    def export_data(self, fields_to_export):
        """Export, logged as a reading when the board exports a report field."""
        result = super().export_data(fields_to_export)
        parts = {part for path in fields_to_export for part in path.split("/")}
        if parts & set(REPORT_FIELDS):
            self._log_board_reading()
        return result

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        query = super()._search(domain, offset, limit, order)
        self.env["hr.exit.interview.reading"]._log_search(
            domain, REPORT_FIELDS, "hr.exit.interview.search"
        )
        return query

    def _log_board_reading(self):
        """Log the board members reading reports (not the interviewer's own)."""
        user = self.env.user
        if self.env.su or not user.has_group(BOARD_GROUP):
            return
        read = self.sudo().filtered(
            lambda i: i.state in SHARED_STATES and i.interviewer_id != user
        )
        if read:
            self.env["hr.exit.interview.reading"]._log_reading(
                "hr.exit.interview.read", read
            )

    # === BUSINESS METHODS === #

    def _check_shared_report_unchanged(self, vals):
        """Once shared, the report is the board's record: its texts, its facts and
        its presence stay as the board received them."""
        if "departure_kind" in vals:
            raise UserError(
                self.env._("Whether a departure is voluntary follows its reason.")
            )
        shared = self.filtered(lambda interview: interview.state in SHARED_STATES)
        if shared and (SHARED_REPORT_FIELDS & vals.keys() or "active" in vals):
            raise UserError(
                self.env._(
                    "The report was shared with the board: it can no longer change, "
                    "nor be archived."
                )
            )

    def _keep_in_touch_display(self):
        self.ensure_one()
        wishes = dict(self._fields["keep_in_touch"]._description_selection(self.env))
        return wishes.get(self.keep_in_touch, "")

    def _job_display(self):
        """The job as the reports name it: the title, with the position only when it
        says more ("Consultant", never "Consultant Consultant")."""
        self.ensure_one()
        title = (self.job_title or "").strip()
        # The position's name, as the interview keeps it, for whoever reads the
        # interview (interviewers may not read hr.job).
        position = (self.job_id.sudo().name or "").strip()
        if not title or not position or position.casefold() in title.casefold():
            return title or position
        return f"{title} ({position})"

    def _answered_lines(self, with_notes=False):
        """The questions the employee answered (and, with_notes, those the
        interviewer noted something on), in their order."""
        self.ensure_one()
        return self.line_ids.sorted().filtered(
            lambda line: line.answer_display or (with_notes and line.interviewer_note)
        )

    def _answer_count_display(self, answered):
        """The unanswered questions summed up in one line, not listed one by one."""
        self.ensure_one()
        return self.env._(
            "%(answered)s of %(total)s questions answered",
            answered=len(answered),
            total=len(self.line_ids),
        )

    def _report_share_wizard(self):
        """The window that shows what the board will read and what is missing."""
        return self._open_wizard(
            "hr.exit.interview.share", self.env._("Share Report with Board")
        )

    def _report_missing(self):
        """What the guide's report holds and this one does not, by label."""
        self.ensure_one()
        names = (
            "reasons_for_leaving",
            "advice_for_successor",
            "strengths",
            "points_to_improve",
            "confidentiality_explained",
            "appreciation_given",
        )
        return [
            self._fields[name].get_description(self.env)["string"]
            for name in names
            if not self[name]
        ]

    def _notify_board(self):
        """Tell the board members who may read the report (of the interview's
        company, neither kept out of it nor its employee: the record rules say
        who) that a report waits, naming no one and quoting nothing (the message
        carries the interview's neutral name); the notification opens the report."""
        board = self.env.ref(BOARD_GROUP)
        for interview in self:
            members = board.sudo().users.filtered(
                lambda user, interview=interview: interview.company_id
                in user.company_ids
                and interview.with_user(user)
                .with_context(allowed_company_ids=interview.company_id.ids)
                .has_access("read")
            )
            # One notice per language, each in its readers' own.
            for lang in set(members.mapped("lang")):
                readers = members.filtered(lambda user, lang=lang: user.lang == lang)
                notified = interview.sudo().with_context(lang=lang)
                notified.message_notify(
                    partner_ids=readers.partner_id.ids,
                    subject=notified.env._("An exit interview report is ready"),
                    body=notified.env._(
                        "An exit interview report is ready for the board's evaluation."
                    ),
                    email_layout_xmlid="mail.mail_notification_light",
                )

    def _check_board_writes_evaluation_only(self, vals):
        """Board members write the evaluation and its actions, nothing else, on the
        interviews they do not hold themselves."""
        user = self.env.user
        if (
            self.env.su
            or not user.has_group(BOARD_GROUP)
            or user.has_group(OFFICER_GROUP)
        ):
            return
        if not set(vals) - BOARD_FIELDS:
            if any(interview.state != "shared" for interview in self):
                raise UserError(
                    self.env._(
                        "The board evaluates an interview while it is shared with it."
                    )
                )
        elif any(interview.interviewer_id != user for interview in self):
            raise AccessError(
                self.env._(
                    "As a board member you write the evaluation and its measures only."
                )
            )
