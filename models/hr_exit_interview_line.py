# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib

from odoo import api, fields, models
from odoo.exceptions import UserError

from .hr_exit_interview import (
    BEFORE_REPORT_STATES,
    BOARD_GROUP,
    without_odoo_only_defaults,
)
from .hr_exit_interview_question import QUESTION_TYPES

QUESTION_FIELDS = {"sequence", "section_name", "question", "help_text", "question_type"}
ANSWER_FIELDS = {"answer_text", "answer_rating", "answer_yes_no"}
# Written by the portal only, with the answers.
PORTAL_LINE_FIELDS = ANSWER_FIELDS | {"answer_revision", "unconfirmed_answer"}
# The lines whose sequence changed in the transaction, until its end.
MOVED_LINES = "hr_exit_interview.line.moved"


def _neighbours(lines):
    """{line: (the line above, the line below)} in the order of `lines`."""
    records = list(lines)
    return {
        line: (above, below)
        for above, line, below in zip(
            [None, *records[:-1]], records, [*records[1:], None], strict=True
        )
    }


def portal_digest(text):
    """A short digest of an answer's text: the page holds the text itself."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class HrExitInterviewLine(models.Model):
    _name = "hr.exit.interview.line"
    _description = "Exit Interview Answer"
    _order = "interview_id, sequence, id"

    interview_id = fields.Many2one(
        "hr.exit.interview", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="interview_id.company_id", store=True, precompute=True
    )
    state = fields.Selection(related="interview_id.state")
    sequence = fields.Integer(default=10)
    section_name = fields.Char(string="Section")
    question = fields.Text(required=True)
    help_text = fields.Text()
    question_type = fields.Selection(
        QUESTION_TYPES, string="Type", required=True, default="text"
    )
    answer_text = fields.Text(string="Answer")
    answer_rating = fields.Selection(
        [("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5")], string="Rating"
    )
    answer_yes_no = fields.Selection([("yes", "Yes"), ("no", "No")], string="Yes/No")
    # The portal's bookkeeping: what the employee did when, before confirming the
    # notice too, is no one's to read.
    answer_revision = fields.Integer(
        readonly=True,
        copy=False,
        default=0,
        groups="base.group_system",
        help="How many times the employee changed this answer: a page that saves it "
        "from an older revision is told that it changed meanwhile.",
    )
    # Saved before the employee confirmed who reads the answers: theirs alone until
    # they do, out of every reader's sight (the answer fields stay empty till then).
    unconfirmed_answer = fields.Text(groups="base.group_system", copy=False)
    answer_display = fields.Text(string="Employee's Answer", compute="_compute_answer")
    is_answered = fields.Boolean(compute="_compute_answer")
    interviewer_note = fields.Text(
        string="Interviewer's Notes",
        groups="hr_exit_interview.group_exit_interview_interviewer",
    )

    @api.depends("question_type", "answer_text", "answer_rating", "answer_yes_no")
    def _compute_answer(self):
        yes_no = dict(self._fields["answer_yes_no"]._description_selection(self.env))
        for line in self:
            if line.question_type == "rating":
                display = line.answer_rating and f"{line.answer_rating} / 5"
            elif line.question_type == "yes_no":
                display = line.answer_yes_no and yes_no[line.answer_yes_no]
            else:
                display = line.answer_text
            line.answer_display = display or False
            line.is_answered = bool(display)

    def _portal_answer(self):
        """The stored answer as the portal's form holds it: text, or the value of
        the chosen option."""
        self.ensure_one()
        if self.unconfirmed_answer:
            return self.unconfirmed_answer
        if self.question_type == "rating":
            return self.answer_rating or ""
        if self.question_type == "yes_no":
            return self.answer_yes_no or ""
        return self.answer_text or ""

    def _portal_base(self):
        """What a page shows of this answer, sent back with it: its revision and a
        digest of its text. With it the portal tells an answer the employee left
        as it was (nothing to save) from one changed on an outdated page (a
        conflict to merge)."""
        self.ensure_one()
        return f"{self.answer_revision}-{portal_digest(self._portal_answer())}"

    def _portal_answer_values(self, answer):
        """The answer posted for this question, as field values; UserError when the
        answer does not fit the question's type."""
        if self.question_type == "rating":
            if answer and answer not in dict(self._fields["answer_rating"].selection):
                raise UserError(self.env._("A rating is a number from 1 to 5."))
            return {"answer_rating": answer or False}
        if self.question_type == "yes_no":
            if answer and answer not in ("yes", "no"):
                raise UserError(self.env._("Answer yes or no."))
            return {"answer_yes_no": answer or False}
        return {"answer_text": answer or False}

    @api.model
    def _odoo_only_fields(self):
        """The employee's answers and their revisions: written through the portal, or
        typed in from paper by the interviewer (marked so), never given otherwise."""
        return PORTAL_LINE_FIELDS

    @api.model
    def default_get(self, fields_list):
        return super(HrExitInterviewLine, without_odoo_only_defaults(self)).default_get(
            fields_list
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            PORTAL_LINE_FIELDS & vals.keys() for vals in vals_list
        ):
            raise UserError(
                self.env._(
                    "The answers are the employee's own words: only the employee "
                    "can give them, through the portal."
                )
            )
        lines = super().create(vals_list)
        lines.interview_id._check_questions_editable()
        return lines

    def write(self, vals):
        # Rights first: a reader without them learns nothing from the checks below.
        self.check_access("write")
        if QUESTION_FIELDS & vals.keys():
            self.interview_id._check_questions_editable()
        # A question and its answer belong to their interview: moved elsewhere, they
        # would reach readers (the board) the employee never agreed to.
        if "interview_id" in vals and not self.env.su:
            raise UserError(
                self.env._(
                    "A question belongs to its exit interview: add a new one to the "
                    "other interview instead."
                )
            )
        # Answers are the employee's own words, written only through the portal
        # after its token or owner check, or typed in from paper by the interviewer
        # and marked so.
        typed_in = False
        if PORTAL_LINE_FIELDS & vals.keys() and not self.env.su:
            typed_in = (
                "answer_revision" not in vals and self.interview_id._answers_typed_in()
            )
            if not typed_in:
                raise UserError(
                    self.env._(
                        "The answers are the employee's own words: only the "
                        "employee can give them, through the portal. Answers "
                        "received on paper are typed in after Type In Paper "
                        "Answers."
                    )
                )
        # After the report the interview is the board's record: notes stay as they were.
        if (
            "interviewer_note" in vals
            and not self.env.su
            and any(line.state not in BEFORE_REPORT_STATES for line in self)
        ):
            raise UserError(
                self.env._(
                    "The report was shared with the board: the interviewer's notes "
                    "can no longer change."
                )
            )
        self._follow_section_of_neighbours_later(vals)
        result = super().write(vals)
        if typed_in:
            self.interview_id._mark_transcribed()
        return result

    def _follow_section_of_neighbours_later(self, vals):
        """Once every line of the move has its new sequence: the form's handle
        writes them one after the other, through orders that never were. Called
        before the write: the sequences it replaces tell the moved question from
        those only shifted by the move."""
        if "sequence" not in vals or "section_name" in vals:
            return
        moved = self.env.cr.precommit.data.setdefault(MOVED_LINES, {})
        if not moved:
            self.env.cr.precommit.add(self.sudo()._follow_section_of_neighbours)
        for line in self:
            moved.setdefault(line.id, line.sequence)

    def _follow_section_of_neighbours(self):
        """A question moved among the questions of another section takes that
        section's name: the page's headings follow where each question stands, not
        where it stood. Moved is a question whose neighbours changed on both sides
        (the others only made room); it changes when its new neighbours above and
        below share a section: at a border between sections, its own one is as good
        a guess as the other. The questions are editable in draft only, so what the
        employee answered under never changes afterwards."""
        before = self.env.cr.precommit.data.pop(MOVED_LINES, {})
        changed = self.browse(before).exists()
        for interview in changed.interview_id:
            lines = interview.line_ids
            old = lines.sorted(
                lambda line: (before.get(line.id, line.sequence), line.id)
            )
            new = lines.sorted(lambda line: (line.sequence, line.id))
            old_around = _neighbours(old)
            for above, line, below in zip(
                [None, *new[:-1]], new, [*new[1:], None], strict=True
            ):
                if (
                    line not in changed
                    or old_around[line][0] == above
                    or old_around[line][1] == below
                ):
                    continue
                if above and below and above.section_name == below.section_name:
                    if line.section_name != above.section_name:
                        line.write({"section_name": above.section_name})
        changed.flush_recordset(["section_name"])

    # At uninstall too: the uninstall flag alone is any caller's (see
    # hr.exit.interview's _addon_uninstalling).
    @api.ondelete(at_uninstall=True)
    def _unlink_only_draft_questions(self):
        if not self.env["hr.exit.interview"]._addon_uninstalling():
            self.interview_id._check_questions_editable()

    # === READING LOG === #

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if set(fnames or ()) & (ANSWER_FIELDS | {"answer_display"}):
            self.interview_id._log_board_reading()
        return result

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), *args, **kwargs):
        result = super()._read_group(domain, groupby, aggregates, *args, **kwargs)
        if self.env.user.has_group(BOARD_GROUP) and not self.env.su:
            self.search(domain).interview_id._log_board_reading()
        return result

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        query = super()._search(domain, offset, limit, order)
        self.env["hr.exit.interview.reading"]._log_search(
            domain, ANSWER_FIELDS, "hr.exit.interview.line.search"
        )
        return query

    def export_data(self, fields_to_export):
        """Export, logged as a reading when the board exports answers."""
        result = super().export_data(fields_to_export)
        self.interview_id._log_board_reading()
        return result
