"""No user forges a value only Odoo writes: generated from the one declaration each
model makes of them (_odoo_only_fields), so that a value declared later is tried
without editing this test."""

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ExitInterviewCase

REFUSED = (AccessError, UserError, ValidationError)


@tagged("post_install", "-at_install")
class TestNoForgedValues(ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.interview = cls.create_interview()
        # What each model needs to be created at all, by a user who may create it.
        cls.minimal_values = {
            "hr.exit.interview": lambda: {
                "employee_id": cls.env["hr.employee"].create({"name": "Forge"}).id,
                "interviewer_id": cls.interviewer.id,
            },
            "hr.exit.interview.line": lambda: {
                "interview_id": cls.interview.id,
                "question": "Anything else?",
            },
            "hr.exit.interview.request": lambda: {
                "interview_id": cls.interview.id,
                "kind": "rectification",
            },
        }

    def guarded_models(self):
        models = [
            name
            for name in self.env.registry
            if type(self.env[name])._original_module == "hr_exit_interview"
            and hasattr(self.env[name], "_odoo_only_fields")
        ]
        self.assertEqual(
            sorted(models),
            [
                "hr.exit.interview",
                "hr.exit.interview.line",
                "hr.exit.interview.request",
            ],
        )
        return models

    def forged(self, field, baseline):
        """A value the field does not hold when Odoo writes it (baseline, a record
        made without forging), in write() format."""
        if field.type == "boolean":
            return not baseline[field.name]
        if field.type in ("char", "text", "html"):
            return "forged"
        if field.type == "datetime":
            return "2020-01-01 09:00:00"
        if field.type == "date":
            return "2020-01-01"
        if field.type == "integer":
            return baseline[field.name] + 7
        if field.type == "selection":
            values = [value for value, _label in field._description_selection(self.env)]
            values = [value for value in values if value != baseline[field.name]]
            return "shared" if "shared" in values else values[-1]
        if field.type == "many2one":
            # Someone who is neither of the users who forge: a value they would
            # not get by themselves.
            return self.board.id if field.comodel_name == "res.users" else 1
        if field.type == "many2many":
            return [fields.Command.set([self.officer.id])]
        self.fail(f"no forged value for a {field.type} field ({field.name})")

    def holds(self, record, field, value):
        stored = record.sudo()[field.name]
        if field.type == "many2many":
            return self.officer.id in stored.ids
        if field.type == "many2one":
            return stored.id == value
        if field.type == "datetime":
            return stored == fields.Datetime.to_datetime(value)
        if field.type == "date":
            return stored == fields.Date.to_date(value)
        return stored == value

    def import_row(self, model_name, field, value):
        """The columns and the row that import a new record with the forged value."""
        model = self.env[model_name]
        row = dict(self.minimal_values[model_name]())
        columns, cells = [], []
        for name, cell in [*row.items(), (field.name, value)]:
            relational = model._fields[name].type in ("many2one", "many2many")
            if model._fields[name].type == "many2many":
                cell = self.officer.id
            columns.append(f"{name}/.id" if relational else name)
            cells.append(str(int(cell)) if isinstance(cell, bool) else str(cell))
        return columns, [cells]

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_model")
    def test_no_way_in_forges_a_value_only_odoo_writes(self):
        for model_name in self.guarded_models():
            baseline = self.env[model_name].create(self.minimal_values[model_name]())
            for name in sorted(self.env[model_name]._odoo_only_fields()):
                field = self.env[model_name]._fields[name]
                value = self.forged(field, baseline.sudo())
                for user in (self.officer, self.interviewer):
                    with self.subTest(model=model_name, field=name, user=user.login):
                        self.try_every_way_in(model_name, field, value, user)

    def refused_or_ignored(self, make, field, value, way):
        """make() is refused, or what it makes does not hold the value."""
        try:
            records = make()
        except REFUSED:
            return
        self.assertFalse(
            any(self.holds(record, field, value) for record in records), way
        )

    def try_every_way_in(self, model_name, field, value, user):
        model = self.env[model_name].with_user(user)
        minimal = self.minimal_values[model_name]
        context_default = {f"default_{field.name}": value}
        if model.has_access("create"):
            self.assertNotEqual(
                model.with_context(**context_default)
                .default_get([field.name])
                .get(field.name),
                value,
                "default_get",
            )
            self.refused_or_ignored(
                lambda: model.with_context(**context_default).create(minimal()),
                field,
                value,
                "context default",
            )
            self.refused_or_ignored(
                lambda: model.create(dict(minimal(), **{field.name: value})),
                field,
                value,
                "create",
            )
            record = self.env[model_name].create(minimal()).with_user(user)
            self.refused_or_ignored(
                lambda: record.copy({field.name: value}), field, value, "copy"
            )
            columns, rows = self.import_row(model_name, field, value)
            result = model.load(columns, rows)
            imported = self.env[model_name].browse(result["ids"] or [])
            self.assertFalse(
                any(self.holds(each, field, value) for each in imported), "import"
            )
        record = self.env[model_name].create(minimal())
        self.refused_or_ignored(
            lambda: record.with_user(user).write({field.name: value}) and record,
            field,
            value,
            "write",
        )
