# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import secrets

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .hr_exit_interview import BOARD_GROUP, OFFICER_GROUP
from .hr_exit_interview_portal import _digest_matches, _token_digest, mask_email

TOLD_REMINDER = "hr_exit_interview.mail_activity_type_tell_what_was_done"
TOLD_TEMPLATE = "hr_exit_interview.mail_template_exit_interview_told"
# The withdrawal links of the mails sent since the consent: a few per interview.
TOLD_MAX_LINKS = 20
# The measures' states as the leaver reads them.
TOLD_MEASURE_STATES = ("open", "done")

# Recorded by the portal, the withdrawal and the telling only (see _odoo_only_fields).
TOLD_FIELDS = {
    "told_consent",
    "told_consent_on",
    "told_consent_lang",
    "told_consent_text",
    "told_withdrawn_on",
    "told_withdraw_digests",
    "told_on",
    "told_measure_ids",
}


class HrExitInterview(models.Model):
    """Hearing what was done ("you said, we did"): the employee's consent on the
    portal, withdrawable from every mail that follows; the officer tells, in one
    mail, what the board decided that it may tell leavers. The anonymisation wins:
    an anonymised interview is never told."""

    _inherit = "hr.exit.interview"

    # === FIELDS === #

    told_consent = fields.Boolean(
        string="Employee Wishes to Hear What Was Done",
        readonly=True,
        copy=False,
        groups=OFFICER_GROUP,
        help="The employee's own choice when submitting the answers on the portal: "
        "they may be told later what the organisation does with the feedback.",
    )
    told_consent_on = fields.Datetime(
        string="Wish Expressed On", readonly=True, copy=False, groups=OFFICER_GROUP
    )
    told_consent_lang = fields.Char(
        string="Language of the Wish", readonly=True, copy=False, groups=OFFICER_GROUP
    )
    told_consent_text = fields.Text(
        string="Wish as Shown", readonly=True, copy=False, groups=OFFICER_GROUP
    )
    told_withdrawn_on = fields.Datetime(
        string="Wish Withdrawn On", readonly=True, copy=False, groups=OFFICER_GROUP
    )
    # Digests of the withdrawal links of the mails sent since the consent.
    told_withdraw_digests = fields.Text(groups="base.group_system", copy=False)
    told_on = fields.Datetime(
        string="Told What Was Done On", readonly=True, copy=False, groups=OFFICER_GROUP
    )
    told_measure_ids = fields.Many2many(
        "hr.exit.interview.measure",
        "hr_exit_interview_told_measure_rel",
        "interview_id",
        "measure_id",
        string="Measures Told",
        readonly=True,
        copy=False,
        groups=f"{OFFICER_GROUP},{BOARD_GROUP}",
    )
    can_tell_what_was_done = fields.Boolean(
        compute="_compute_can_tell_what_was_done", groups=OFFICER_GROUP
    )
    told_reminder_date = fields.Date(
        string="Reminder to Tell On",
        compute="_compute_told_reminder_date",
        groups=OFFICER_GROUP,
    )
    anonymisation_date = fields.Date(
        string="Anonymised On or After",
        compute="_compute_anonymisation_date",
        groups=OFFICER_GROUP,
        help="The end of the retention period: from then on, the interview keeps "
        "neither the address nor the wish, and the employee is no longer told.",
    )

    # === COMPUTE METHODS === #

    @api.depends(
        "state", "told_consent", "told_withdrawn_on", "anonymised_on", "measure_ids"
    )
    def _compute_can_tell_what_was_done(self):
        for interview in self:
            interview.can_tell_what_was_done = bool(
                interview.state == "evaluated"
                and interview._told_wished()
                and interview._told_measures()
            )

    @api.depends("activity_ids.date_deadline", "activity_ids.activity_type_id")
    def _compute_told_reminder_date(self):
        reminder = self.env.ref(TOLD_REMINDER, raise_if_not_found=False)
        for interview in self:
            activities = interview.sudo().activity_ids.filtered(
                lambda activity: activity.activity_type_id == reminder
            )
            interview.told_reminder_date = activities[:1].date_deadline

    @api.depends(
        "last_working_day",
        "create_date",
        "company_id.exit_interview_retention_months",
        "anonymised_on",
    )
    def _compute_anonymisation_date(self):
        # The day the governance tab shows too (_anonymise_date), or the day it was.
        for interview in self:
            interview.anonymisation_date = (
                interview.anonymised_on and interview.anonymised_on.date()
            ) or interview._anonymise_date()

    # === BUSINESS METHODS === #

    def _told_check_officer(self):
        """Officers tell (action_tell_what_was_done), on interviews they may change."""
        if not self.env.su and not self.env.user.has_group(OFFICER_GROUP):
            raise AccessError(
                self.env._(
                    "Only exit interview officers tell employees what was done with "
                    "their feedback."
                )
            )
        self.check_access("write")

    @api.model
    def _odoo_only_fields(self):
        return super()._odoo_only_fields() | TOLD_FIELDS

    def _told_wished(self):
        """The employee wishes to be told, and the interview may still tell them."""
        self.ensure_one()
        interview = self.sudo()
        return bool(
            interview.told_consent
            and not interview.told_withdrawn_on
            and not interview.anonymised_on
        )

    def _told_measures(self):
        """The measures of the interview the board marked as told to leavers, planned
        or done (a dropped one is no news to tell)."""
        self.ensure_one()
        return self.sudo().measure_ids.filtered(
            lambda measure: measure.leaver_shareable
            and measure.state in TOLD_MEASURE_STATES
        )

    def _told_check_can_tell(self):
        self.ensure_one()
        interview = self.sudo()
        if interview.anonymised_on:
            raise UserError(
                self.env._(
                    "This exit interview is anonymised: it no longer knows whom to "
                    "tell, and no one is told."
                )
            )
        if interview.told_withdrawn_on:
            raise UserError(
                self.env._(
                    "The employee withdrew their wish to hear what was done with "
                    "their feedback: they are not told."
                )
            )
        if not interview.told_consent:
            raise UserError(
                self.env._(
                    "The employee did not ask to hear what was done with their "
                    "feedback: they are not told."
                )
            )
        if interview.state != "evaluated":
            raise UserError(
                self.env._(
                    "The board has not finished its evaluation yet: tell the employee "
                    "what was done once it is done."
                )
            )
        if not interview._told_measures():
            raise UserError(
                self.env._(
                    "No measure of this interview may be told to leavers yet: the "
                    "board marks a planned or done measure as such and writes its "
                    "text for leavers first."
                )
            )
        if not interview._latest_sending().email:
            raise UserError(
                self.env._(
                    "The questions were never mailed to the employee: Odoo knows no "
                    "address of theirs to tell them what was done."
                )
            )

    def _told_send(self):
        """One mail to the address of the latest sending, in the employee's language;
        the chatter notes it with the address masked, the measures record it."""
        self.ensure_one()
        email = self._latest_sending().email
        measures = self._told_measures()
        self._send_private_mail(TOLD_TEMPLATE, email)
        self.sudo().write(
            {
                "told_on": fields.Datetime.now(),
                "told_measure_ids": [fields.Command.link(m.id) for m in measures],
            }
        )
        self.sudo().activity_feedback([TOLD_REMINDER])
        interview = self._in_reader_lang()
        interview.message_post(
            body=interview.env._(
                "What was done with the feedback (%(count)s measure(s)) was sent to "
                "%(address)s.",
                count=len(measures),
                address=mask_email(email),
            ),
            subtype_xmlid="mail.mt_note",
        )

    def _told_state_labels(self):
        """A measure's state as leavers read it, in the language of the context."""
        return {"open": self.env._("Planned"), "done": self.env._("Done")}

    def _told_mail_measures(self):
        """What the mail lists: each measure's text for leavers and its state, in
        the language of the mail (the template's context)."""
        self.ensure_one()
        labels = self._told_state_labels()
        return [
            (measure.leaver_text, labels[measure.state])
            for measure in self._told_measures()
        ]

    def _told_consent_label(self):
        """The wish as the portal shows it, in the language of the caller's context."""
        return self.env._(
            "Let me know later what the organisation does with my feedback."
        )

    def _told_record_consent(self, consent):
        """Record the employee's choice on the portal, saved or submitted, with its
        moment, its language and the text they read, when it changed; callers
        checked the token or the owner."""
        self.ensure_one()
        interview = self.sudo()
        consent = bool(consent)
        if consent == bool(interview.told_consent and not interview.told_withdrawn_on):
            return
        lang = self._leaver_lang()
        interview.write(
            {
                "told_consent": consent,
                "told_consent_on": fields.Datetime.now(),
                "told_consent_lang": lang,
                "told_consent_text": self.with_context(lang=lang)._told_consent_label(),
                "told_withdrawn_on": False,
            }
        )

    def _told_new_withdraw_link(self):
        """A new link that withdraws the wish, for one mail; only its digest is
        kept, beside those of the mails sent before, which keep working."""
        self.ensure_one()
        token = secrets.token_urlsafe(32)
        digests = (self.sudo().told_withdraw_digests or "").split()
        digests = [*digests[-(TOLD_MAX_LINKS - 1) :], _token_digest(token)]
        self.sudo().told_withdraw_digests = " ".join(digests)
        return (
            f"{self.get_base_url()}/my/exit-interviews/{self.id}/told-withdraw"
            f"?access_token={token}"
        )

    @api.model
    def _told_find_by_withdraw_link(self, interview_id, access_token):
        """The interview in superuser mode whose mails carried this withdrawal
        link, while the wish stands; an empty recordset otherwise."""
        interview = self.sudo().browse(interview_id).exists()
        if not interview or not isinstance(access_token, str):
            return self.browse()
        if not interview._told_wished():
            return self.browse()
        if any(
            _digest_matches(digest, access_token)
            for digest in (interview.told_withdraw_digests or "").split()
        ):
            return interview
        return self.browse()

    def _told_withdraw(self):
        """The employee withdraws the wish: nothing more is told, the reminder goes
        and the links end."""
        self.ensure_one()
        interview = self.sudo()
        interview.write(
            {"told_withdrawn_on": fields.Datetime.now(), "told_withdraw_digests": False}
        )
        interview.activity_unlink([TOLD_REMINDER])
        in_lang = self._in_reader_lang()
        in_lang.sudo().message_post(
            body=in_lang.env._(
                "The employee withdrew their wish to hear what was done with their "
                "feedback."
            ),
            subtype_xmlid="mail.mt_note",
        )

    def _told_schedule_reminder(self):
        """At the board's evaluation: a reminder for the officer who planned the
        interview, the company's number of months later, to tell what was done."""
        for interview in self.sudo().filtered(lambda i: i._told_wished()):
            interview.activity_unlink([TOLD_REMINDER])
            officer = interview.create_uid
            if (
                officer._is_superuser()
                or not officer.active
                or not officer.has_group(OFFICER_GROUP)
            ):
                officer = interview.interviewer_id
            in_lang = interview.with_context(lang=officer.lang or self.env.lang)
            in_lang.activity_schedule(
                TOLD_REMINDER,
                date_deadline=fields.Date.context_today(interview)
                + relativedelta(months=interview.company_id.exit_interview_told_months),
                user_id=officer.id,
                summary=in_lang.env._("Tell the employee what was done"),
            )

    def _private_mail_footer(self, body):
        # Every mail that follows the wish can withdraw it.
        body = super()._private_mail_footer(body)
        if not self._told_wished():
            return body
        lang = self._leaver_lang()
        footer = (
            self.env["ir.qweb"]
            .with_context(lang=lang)
            ._render(
                "hr_exit_interview.told_withdraw_mail_footer",
                {"withdraw_link": self._told_new_withdraw_link()},
            )
        )
        return Markup(body or "") + Markup(footer)

    def _anonymise(self, **kwargs):
        # Neither the wish nor its links outlive the anonymisation (nor the reminder,
        # which goes with the interview's activities).
        result = super()._anonymise(**kwargs)
        self.sudo().with_context(tracking_disable=True).write(
            {
                "told_consent": False,
                "told_consent_on": False,
                "told_consent_lang": False,
                "told_consent_text": False,
                "told_withdraw_digests": False,
            }
        )
        return result
