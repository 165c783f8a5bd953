# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from .hr_exit_interview_mail import check_chatter_access, search_readable_chatter


class MailActivity(models.Model):
    """The activities of an exit interview: for those who read its chatter, and for
    the user each is assigned to (see hr.exit.interview's _filtered_chatter_access)."""

    _inherit = "mail.activity"

    def _check_access(self, operation):
        return check_chatter_access(self, super()._check_access(operation), operation)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        query = super()._search(domain, offset, limit, order)
        # The user an activity is assigned to finds it too.
        assignee = SQL("%s = %s", SQL.identifier(self._table, "user_id"), self.env.uid)
        return search_readable_chatter(self, query, assignee)

    @api.depends("res_model", "res_id")
    def _compute_res_name(self):
        """An interview's activities carry its neutral name: the name is stored, mailed
        to the assignee in the subject, and outlives the interview's anonymisation."""
        result = super()._compute_res_name()
        for activity in self.filtered(lambda a: a.res_model == "hr.exit.interview"):
            activity.res_name = (
                self.env["hr.exit.interview"]
                .browse(activity.res_id)
                ._mail_record_name()
            )
        return result

    def write(self, vals):
        # Moved onto an exit interview, an activity would name it and post into its
        # chatter: only those who read that chatter may put one there.
        if not self.env.su and {"res_model_id", "res_model", "res_id"} & vals.keys():
            res_model = vals.get("res_model")
            if "res_model_id" in vals:
                res_model = (
                    self.env["ir.model"].sudo().browse(vals["res_model_id"]).model
                )
            for activity in self:
                model = res_model or activity.sudo().res_model
                res_id = vals.get("res_id") or activity.sudo().res_id
                if model == "hr.exit.interview":
                    interview = self.env[model].browse(res_id)
                    if interview != interview._filtered_chatter_access():
                        raise AccessError(
                            self.env._(
                                "You cannot put an activity on this exit interview."
                            )
                        )
        return super().write(vals)

    def _exit_interview_forbidden(self, operation):
        uid = self.env.uid
        activities = self.sudo().filtered(
            lambda a: a.res_model == "hr.exit.interview"
            and not (operation != "create" and a.user_id.id == uid)
        )
        if not activities:
            return self.browse()
        interviews = self.env["hr.exit.interview"].browse(activities.mapped("res_id"))
        allowed = set(interviews._filtered_chatter_access().ids)
        return self.browse(a.id for a in activities if a.res_id not in allowed)
