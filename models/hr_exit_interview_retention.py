# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from .hr_exit_interview import CONFIDENTIAL_TEXT_FIELDS, SENIORITY_LIMITS

_logger = logging.getLogger(__name__)


class HrExitInterview(models.Model):
    """Anonymisation once the retention period is over (GDPR), and the statistics that
    outlive it."""

    _inherit = "hr.exit.interview"

    # === FIELDS === #

    anonymised_on = fields.Datetime(readonly=True, copy=False)

    # === ONCHANGE METHODS === #

    @api.onchange("hire_date", "last_working_day")
    def _onchange_dates(self):
        if not self.anonymised_on:
            self.update(self._statistics_values(self.hire_date, self.last_working_day))

    # === BUSINESS METHODS === #

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
            {"answer_text": False, "answer_yes_no": False, "interviewer_note": False}
        )
        self.measure_ids.write({"name": self.env._("(anonymised)")})
        # The sendings hold the employee's address and user.
        self.invitation_ids.unlink()
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
