# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import SQL

# Models whose messages carry a neutral record name (see _mail_record_name).
NEUTRAL_NAME_MODELS = ("hr.exit.interview", "hr.exit.interview.measure")


class MailMessage(models.Model):
    _inherit = "mail.message"

    @api.model_create_multi
    def create(self, vals_list):
        # Every user reads every mail.notification, and with it the record name of
        # its message: the exit interviews' messages name no one.
        context = self.env.context
        for vals in vals_list:
            model = vals.get("model", context.get("default_model"))
            res_id = vals.get("res_id", context.get("default_res_id"))
            if model in NEUTRAL_NAME_MODELS and res_id:
                vals["record_name"] = (
                    self.env[model].sudo().browse(res_id)._mail_record_name()
                )
        return super().create(vals_list)

    def write(self, vals):
        if "record_name" in vals and not self.env.su:
            vals = dict(vals)
            vals.pop("record_name")
        return super().write(vals)

    def _get_forbidden_access(self, operation):
        forbidden = super()._get_forbidden_access(operation)
        if self.env.su:
            return forbidden
        return forbidden | (self - forbidden)._exit_interview_chatter_forbidden(
            operation
        )

    @api.model
    def _find_allowed_model_wise(self, doc_model, doc_dict):
        if doc_model != "hr.exit.interview":
            return super()._find_allowed_model_wise(doc_model, doc_dict)
        allowed = self.env[doc_model].browse(doc_dict)._filtered_chatter_access()
        return {mid for doc_id in allowed.ids for mid in doc_dict[doc_id]}

    def _exit_interview_chatter_forbidden(self, operation):
        """The messages of exit interviews whose chatter the user does not read; to
        read or edit, their own and those addressed to them excepted."""
        if not self:
            return self.browse()
        pid = self.env.user.partner_id.id
        own = SQL("TRUE")
        if operation in ("read", "write"):
            own = SQL(
                """m.author_id IS DISTINCT FROM %(pid)s
               AND NOT EXISTS (SELECT 1 FROM mail_message_res_partner_rel r
                                WHERE r.mail_message_id = m.id
                                  AND r.res_partner_id = %(pid)s)
               AND NOT EXISTS (SELECT 1 FROM mail_notification n
                                WHERE n.mail_message_id = m.id
                                  AND n.res_partner_id = %(pid)s)""",
                pid=pid,
            )
        rows = self.env.execute_query(
            SQL(
                """SELECT m.id, m.res_id FROM mail_message m
                    WHERE m.id = ANY(%(ids)s) AND m.model = 'hr.exit.interview'
                      AND m.res_id IS NOT NULL
                      AND m.message_type != 'user_notification' AND %(own)s""",
                ids=self.ids,
                own=own,
            )
        )
        if not rows:
            return self.browse()
        interviews = self.env["hr.exit.interview"].browse({row[1] for row in rows})
        allowed = set(interviews._filtered_chatter_access().ids)
        return self.browse(mid for mid, res_id in rows if res_id not in allowed)
