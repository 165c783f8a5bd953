"""The fields the addon adds to Odoo's own models, found in the registry: each one
that may tell who leaves, why or what they said is restricted by its groups, for
every way of reading it (read, search, group by, order, export)."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

ADDON = "hr_exit_interview"

# Odoo's models whose added fields tell nothing of a departing person: the
# company's settings, the reasons of departure and the departure wizard of hr
# (Odoo's own departure), each field a setting or a choice of the HR user.
SETTINGS_MODELS = {
    "res.company",
    "res.config.settings",
    "hr.departure.reason",
    "hr.departure.wizard",
}
# Added fields open to every internal user by design: the advice the employee
# agreed to hand over, alone and without their name, to whoever fills the job next.
OPEN_BY_DESIGN = {("hr.job", "advice_ids")}


def added_fields(env):
    """(model, field) the addon adds to models it does not define."""
    for model_name, model in env.registry.items():
        if model._original_module == ADDON or model_name in SETTINGS_MODELS:
            continue
        for name, field in model._fields.items():
            # The addon's own fields: not Odoo's that it only tracks.
            if set(field._modules) == {ADDON} and not field.inherited:
                yield model_name, name, field


def refused(call):
    """Refused, by access rights or because the model a user outside HR is sent to
    (hr.employee.public) has no such field at all."""
    try:
        call()
    except (AccessError, ValueError):
        return True
    return False


def ways_of_reading(model, record, name, field):
    ways = {
        "read": lambda: record.read([name]),
        "export": lambda: record.export_data([name]),
        "search": lambda: model.search([(name, "!=", False)]),
    }
    if field.store and field.column_type:
        ways["group by"] = lambda: model.read_group([], [name], [name])
        ways["order"] = lambda: model.search([], order=name)
    return ways


@tagged("post_install", "-at_install")
class TestAddedFieldsAccess(TransactionCase):
    def test_every_added_field_is_restricted_or_open_by_design(self):
        found = list(added_fields(self.env))
        self.assertTrue(found, "the registry lists none of the addon's added fields")
        for model_name, name, field in found:
            with self.subTest(field=f"{model_name}.{name}"):
                self.assertTrue(
                    field.groups or (model_name, name) in OPEN_BY_DESIGN,
                    "a field added to an Odoo model that tells of an exit needs "
                    "groups (or a reason in OPEN_BY_DESIGN)",
                )

    def test_no_plain_user_reads_searches_or_groups_by_a_restricted_field(self):
        user = self.env["res.users"].create(
            {
                "name": "Plain Colleague",
                "login": "exit_fields_plain",
                # Allowed to export: the field refuses, not the right to export.
                "groups_id": [
                    Command.set(
                        (
                            self.env.ref("base.group_user")
                            | self.env.ref("base.group_allow_export")
                        ).ids
                    )
                ],
            }
        )
        for model_name, name, field in added_fields(self.env):
            if not field.groups or not field.store and field.type != "one2many":
                continue
            model = self.env[model_name].with_user(user)
            with self.subTest(field=f"{model_name}.{name}"):
                record = model.search([], limit=1)
                ways = ways_of_reading(model, record, name, field)
                for way, call in ways.items():
                    self.assertTrue(refused(call), f"{way} is not refused")


# What tells who leaves: the interview, its answers, the employee.
CONFIDENTIAL_MODELS = {"hr.exit.interview", "hr.exit.interview.line", "hr.employee"}
# The addon's roles: a model of the addon read by any other group (every internal
# user, the owner of a measure) shows that group no field that leads to an exit.
ADDON_ROLES = ("officer", "interviewer", "board")


@tagged("post_install", "-at_install")
class TestOwnModelsFieldAccess(TransactionCase):
    def test_models_read_beyond_the_roles_hide_whose_exit(self):
        roles = self.env["res.groups"].browse(
            self.env.ref(f"{ADDON}.group_exit_interview_{role}").id
            for role in ADDON_ROLES
        )
        accesses = self.env["ir.model.access"].search(
            [("perm_read", "=", True), ("model_id.model", "!=", False)]
        )
        checked = set()
        for access in accesses:
            model_name = access.model_id.model
            model = self.env.registry.get(model_name)
            if model is None or model._original_module != ADDON:
                continue
            if access.group_id and access.group_id in roles:
                continue
            checked.add(model_name)
            for name, field in model._fields.items():
                leads_to_exit = field.relational and (
                    field.comodel_name in CONFIDENTIAL_MODELS
                )
                related_hop = field.related and model._fields.get(
                    field.related.split(".")[0]
                )
                if (
                    related_hop
                    and f"{ADDON}." in (related_hop.groups or "")
                    and name != "company_id"
                ):
                    leads_to_exit = True
                if leads_to_exit:
                    with self.subTest(field=f"{model_name}.{name}"):
                        self.assertTrue(field.groups, "readable beyond the roles")
        self.assertIn("hr.exit.interview.measure", checked)
