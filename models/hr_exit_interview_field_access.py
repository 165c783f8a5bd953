# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


def check_relational_field_access(model, domain=(), groupby=()):
    """Refuse a search or a group by on a one2many or many2many field of the addon
    whose groups the user lacks. Odoo refuses them on a field stored in a column,
    but a relation takes another way (the domain's subquery, the many2many group
    by) that checks nothing, not even the rules of the other model for "has none"
    or "has some": a filter on a hidden field then tells its values bit by bit,
    which employees have an exit interview for one. Record rules are evaluated in
    superuser mode, which this leaves alone."""
    if model.env.su:
        return
    names = {term[0].split(".")[0] for term in domain or () if _is_term(term)}
    names |= {spec.split(".")[0].split(":")[0] for spec in groupby or ()}
    hidden = [
        name
        for name in names
        if name in model._fields
        and model._fields[name].type in ("one2many", "many2many")
        and model._fields[name]._module == "hr_exit_interview"
        and not model._fields[name].is_accessible(model.env)
    ]
    if hidden:
        # Odoo's own refusal of a field one may not read.
        model.check_field_access_rights("read", hidden)


def _is_term(term):
    return (
        isinstance(term, list | tuple) and len(term) == 3 and isinstance(term[0], str)
    )


class RelationalFieldAccessMixin(models.AbstractModel):
    """The check above, for the models whose relations carry groups."""

    _name = "hr.exit.interview.field.access.mixin"
    _description = "Exit Interview: Relations Searched by Their Readers Only"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        check_relational_field_access(self, domain)
        return super()._search(domain, offset=offset, limit=limit, order=order)

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), *args, **kwargs):
        check_relational_field_access(self, groupby=groupby)
        return super()._read_group(domain, groupby, aggregates, *args, **kwargs)


class HrExitInterview(models.Model):
    _name = "hr.exit.interview"
    _inherit = ["hr.exit.interview", "hr.exit.interview.field.access.mixin"]


class HrExitInterviewMeasure(models.Model):
    _name = "hr.exit.interview.measure"
    _inherit = ["hr.exit.interview.measure", "hr.exit.interview.field.access.mixin"]


class HrExitInterviewErasureLog(models.Model):
    _name = "hr.exit.interview.erasure.log"
    _inherit = [
        "hr.exit.interview.erasure.log",
        "hr.exit.interview.field.access.mixin",
    ]


class HrEmployee(models.Model):
    _name = "hr.employee"
    _inherit = ["hr.employee", "hr.exit.interview.field.access.mixin"]
