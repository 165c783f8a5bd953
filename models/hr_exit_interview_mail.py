# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools import SQL

from .hr_exit_interview import INTERVIEWER_GROUP, OFFICER_GROUP


def check_chatter_access(records, result, operation):
    """The result of BaseModel._check_access for records that hang on an interview's
    chatter (attachments, followers, activities), with those the user may not reach
    there forbidden too: records' _exit_interview_forbidden(operation) tells which."""
    if records.env.su or not records:
        return result
    allowed = records - result[0] if result else records
    forbidden = allowed._exit_interview_forbidden(operation)
    if not forbidden:
        return result
    if result:
        return (result[0] + forbidden, result[1])
    return (forbidden, lambda: forbidden._make_access_error(operation))


def search_readable_chatter(records, query, *other_ways_in):
    """The query of a search on records' model, kept to the rows on no exit
    interview, on one whose chatter the user reads, or matching one of the SQL
    conditions other_ways_in. Filtered in SQL, so that limits and counts stay
    right."""
    if records.env.su:
        return query
    readable = records.env["hr.exit.interview"]._chatter_readable_query()
    table = records._table
    conditions = [
        SQL(
            "%s IS DISTINCT FROM 'hr.exit.interview'",
            SQL.identifier(table, "res_model"),
        ),
        *other_ways_in,
        SQL("%s IN %s", SQL.identifier(table, "res_id"), readable.subselect()),
    ]
    query.add_where(SQL("(%s)", SQL(" OR ").join(conditions)))
    return query


class HrExitInterview(models.Model):
    """Followers and messages: the interviewer follows, the manager or coach never.
    The chatter (messages, activities, attachments) is the interviewer's working file:
    the board reads the report, never the chatter (see _filtered_chatter_access)."""

    _inherit = "hr.exit.interview"

    # === FIELDS === #

    # Read in superuser mode by Odoo: an attachment's name, an activity's summary.
    message_main_attachment_id = fields.Many2one(
        "ir.attachment", groups="hr_exit_interview.group_exit_interview_interviewer"
    )
    activity_summary = fields.Char(
        groups="hr_exit_interview.group_exit_interview_interviewer"
    )

    # === FIELDS === #

    # Odoo joins these in SQL when searching (auto_join), past the access filters of
    # mail.message and mail.activity: a domain on message_ids.body would read the
    # chatter the board may not. Without it, searches go through those filters.
    message_ids = fields.One2many(auto_join=False)
    activity_ids = fields.One2many(auto_join=False)

    # === CORE METHODS OVERRIDES === #

    def message_post(self, **kwargs):
        if len(self) == 1:
            kwargs["record_name"] = self._mail_record_name()
        return super().message_post(**kwargs)

    def _message_compute_subject(self):
        # The subject of every mail of a message posted without one (the employee's
        # note that the answers are in, for one): the neutral name, not the
        # interview's, which names the employee.
        return self._mail_record_name()

    def _message_subscribe(self, partner_ids=None, subtype_ids=None, customer_ids=None):
        # The employee's manager or coach never follows the interview (not even as
        # the officer who created it), unless they hold it themselves.
        if partner_ids:
            leaders = self._leader_partners()
            partner_ids = [pid for pid in partner_ids if pid not in leaders.ids]
        return super()._message_subscribe(
            partner_ids=partner_ids, subtype_ids=subtype_ids, customer_ids=customer_ids
        )

    def _notify_get_recipients(self, message, msg_vals=False, **kwargs):
        # A follower kept out since (an officer made the leaver's manager), or who
        # lost the rights, hears no more of the interview by mail or in the inbox.
        recipients = super()._notify_get_recipients(message, msg_vals, **kwargs)
        if len(self) != 1:
            return recipients
        interview = self.with_context(allowed_company_ids=self.sudo().company_id.ids)
        return [
            recipient
            for recipient in recipients
            if not recipient.get("uid")
            or interview.with_user(recipient["uid"]).has_access("read")
        ]

    @api.model
    def _get_thread_with_access(self, thread_id, mode="read", **kwargs):
        # The employee's link opens the interview's portal page only: Odoo's generic
        # mail routes (chatter, message post, attachment upload) do not take its token
        # or signed hash, only the rights of the user.
        thread = super()._get_thread_with_access(thread_id, mode)
        return thread._filtered_chatter_access()

    # === BUSINESS METHODS === #

    def _filtered_chatter_access(self):
        """The interviews whose messages, activities and attachments the user reads:
        those they hold and, for officers, those they are not kept out of. The board's
        right to read the report does not extend to the chatter."""
        if self.env.su or not self:
            return self
        found = self.with_context(active_test=False).search(
            [("id", "in", self.ids), *self._chatter_readers_domain()]
        )
        return self.browse(found.ids)

    @api.model
    def _chatter_readable_query(self):
        """The interviews whose chatter the user reads, as a query that other models'
        searches filter on in SQL (no rows are fetched to filter them)."""
        return (
            self.sudo()
            .with_context(active_test=False)
            ._search(self._chatter_readers_domain())
        )

    @api.model
    def _chatter_readers_domain(self):
        user = self.env.user
        if not user.has_group(INTERVIEWER_GROUP):
            return expression.FALSE_DOMAIN
        domain = [("interviewer_id", "=", user.id)]
        if user.has_group(OFFICER_GROUP):
            domain = expression.OR(
                [domain, [("kept_out_user_ids", "not any", [("id", "=", user.id)])]]
            )
        return domain

    def _in_reader_lang(self):
        """The interview in the language of its chatter's reader, for the notes and
        activities written on it: the interviewer, who reads every note (the
        officers read the same ones)."""
        self.ensure_one()
        return self.with_context(lang=self.interviewer_id.lang or self.env.lang)

    def _mail_record_name(self):
        """The name messages and notifications carry: anyone may read it (through
        mail.notification), so it names no one and quotes nothing."""
        self.ensure_one()
        return self.env._("Exit interview %(number)s", number=self.id)

    def _creator_following(self):
        """The partner mail.thread's create subscribed (the creator), on the same
        conditions, or none."""
        context = self.env.context
        if (
            context.get("tracking_disable")
            or context.get("mail_create_nosubscribe")
            or not self.env.user.active
        ):
            return self.env["res.partner"]
        return self.env.user.partner_id

    def _subscribe_interviewer(self):
        if self.interviewer_id:
            self.message_subscribe(partner_ids=self.interviewer_id.partner_id.ids)

    def _leader_partners(self):
        """The partners of the employees' managers and coaches who do not hold the
        interview themselves."""
        leaders = self.env["res.partner"]
        for interview in self:
            leaders |= (
                interview._leader_users().partner_id
                - interview.interviewer_id.partner_id
            )
        return leaders

    def _log_manager_as_interviewer(self):
        if self.interviewer_is_manager:
            interview = self._in_reader_lang()
            interview.message_post(
                body=interview.env._(
                    "%(interviewer)s, the employee's manager or coach, was chosen as "
                    "interviewer. The guide advises against it, certainly when the "
                    "manager is part of the reason for leaving.",
                    interviewer=self.interviewer_id.name,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _follow_new_interviews(self):
        """The interviewer follows each new interview; the employee's manager or coach
        never does, not even as its creator."""
        creator = self._creator_following()
        for interview in self:
            # The officer who plans their own interview follows it already.
            if interview.interviewer_id.partner_id != creator:
                interview._subscribe_interviewer()
            # Odoo subscribes the creator directly, past _message_subscribe.
            if creator and creator & interview._leader_partners():
                interview.message_unsubscribe(partner_ids=creator.ids)
            interview._log_manager_as_interviewer()

    def _follow_new_interviewer(self, previous_interviewers):
        """The new interviewer follows instead of the previous one, and takes over
        their activities: {interview: interviewer before the write}."""
        for interview, previous in previous_interviewers.items():
            if previous != interview.interviewer_id:
                interview.message_unsubscribe(partner_ids=previous.partner_id.ids)
                # A replaced interviewer keeps no task, and so no note, of it.
                interview.activity_ids.filtered(
                    lambda activity, user=previous: activity.user_id == user
                ).sudo().user_id = interview.interviewer_id
            interview._subscribe_interviewer()
            interview._log_manager_as_interviewer()
