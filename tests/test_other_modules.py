"""Beside the modules real databases carry: website's layout values, other modules'
overrides of the departure wizard, hr_contract's departure date, OCA/hr's fields.
The compatibility tier (scripts/test_odoo.py --compat) runs the addon's tests where
website, hr_holidays, hr_contract, l10n_be and OCA/hr modules are installed."""

import ast
import builtins
import re
from datetime import date, datetime
from unittest.mock import patch

from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import ExitInterviewCase, PortalCase

# Names the page may read besides its own exit_interview_* values: the portal's
# conventions (page_name, access_token) and what QWeb itself gives every template.
PAGE_NAMES_FROM_PORTAL = {"interview", "access_token", "page_name", "request"}
EXPRESSION_ATTRIBUTES = re.compile(
    r"^t-(if|elif|out|esc|value|foreach|options|att-.+)$"
)
FORMAT_ATTRIBUTE = re.compile(r"^t-attf-.+$")
FORMAT_PLACEHOLDER = re.compile(r"#\{(.+?)\}|\{\{(.+?)\}\}")


def expression_names(expression):
    """The names an expression reads and does not bind itself (comprehensions,
    lambdas)."""
    tree = ast.parse(expression.strip(), mode="eval")
    bound = {
        node.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Lambda):
            bound |= {arg.arg for arg in node.args.args}
    return {
        node.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
    } - bound


def template_free_names(arch):
    """The names a QWeb template reads that it does not set itself (t-set, t-as):
    those come from the controller or from the layouts around it."""
    read, bound = set(), set()
    for node in etree.fromstring(arch).iter():
        for attribute, value in node.attrib.items():
            if attribute == "t-set":
                bound.add(value)
            elif attribute == "t-as":
                bound |= {value, f"{value}_index", f"{value}_value", f"{value}_first"}
                bound |= {f"{value}_last", f"{value}_size", f"{value}_odd"}
                bound |= {f"{value}_even", f"{value}_parity"}
            elif attribute == "t-field":
                read |= expression_names(value)
            elif EXPRESSION_ATTRIBUTES.match(attribute):
                read |= expression_names(value)
            elif FORMAT_ATTRIBUTE.match(attribute):
                for match in FORMAT_PLACEHOLDER.finditer(value):
                    read |= expression_names(match.group(1) or match.group(2))
    return read - bound - set(dir(builtins))


@tagged("post_install", "-at_install")
class TestBesideOtherModules(ExitInterviewCase):
    def open_departure_wizard(self, user=None):
        """The departure wizard as the employee form's Archive opens it."""
        employee = self.employee.with_user(user or self.officer)
        action = employee.action_archive()
        self.assertEqual(action["res_model"], "hr.departure.wizard")
        return action, Form(
            self.env["hr.departure.wizard"]
            .with_user(user or self.officer)
            .with_context(action["context"], active_id=employee.id)
        )

    # The employee's page among the layouts' values

    def test_the_page_reads_only_its_own_values(self):
        """website sets "editable" (whether the visitor may edit the website) in
        every frontend render, over a controller's value of the same name: the
        page's own values are all named exit_interview_*."""
        arch = self.env.ref("hr_exit_interview.portal_exit_interview_page").arch
        foreign = {
            name
            for name in template_free_names(arch)
            if not name.startswith("exit_interview_")
        }
        self.assertEqual(foreign - PAGE_NAMES_FROM_PORTAL, set())

    def test_the_free_names_check_finds_a_layout_name(self):
        names = template_free_names(
            '<t><t t-set="shown" t-value="1"/><div t-if="editable and shown"/>'
            '<p t-foreach="items" t-as="item" t-attf-class="#{item_index}"/></t>'
        )
        self.assertEqual(names, {"editable", "items"})

    # The departure wizard's answer, whatever else overrides it

    def test_the_officer_is_told_what_was_planned_whatever_overrides_the_wizard(self):
        """hr_holidays', hr_contract's, hr_fleet's and hr_maintenance's overrides of
        action_register_departure return nothing: one loaded after the addon's is
        reproduced here by wrapping the registry's class, which runs last."""
        _action, wizard_form = self.open_departure_wizard()
        wizard_form.departure_reason_id = self.resigned
        wizard_form.departure_date = date(2031, 6, 30)
        wizard_form.exit_interviewer_id = self.interviewer
        wizard = wizard_form.save()
        wizard_class = type(wizard)
        registered = wizard_class.action_register_departure

        def returns_nothing(records):
            registered(records)

        with patch.object(wizard_class, "action_register_departure", returns_nothing):
            action = wizard.action_register_departure_and_plan()
        interview = self.env["hr.exit.interview"].search(
            [("employee_id", "=", self.employee.id)]
        )
        self.assertEqual(len(interview), 1)
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["next"]["res_id"], interview.id)
        self.assertFalse(self.employee.active)

    def test_nothing_planned_returns_what_the_wizard_returns(self):
        _action, wizard_form = self.open_departure_wizard()
        wizard_form.departure_reason_id = self.fired
        wizard_form.departure_date = date(2031, 6, 30)
        wizard = wizard_form.save()
        self.assertFalse(wizard.plan_exit_interview)
        self.assertEqual(
            wizard.action_register_departure_and_plan(),
            type(wizard).action_register_departure(wizard),
        )
        self.assertFalse(
            self.env["hr.exit.interview"].search(
                [("employee_id", "=", self.employee.id)]
            )
        )

    def test_hr_users_register_departures_through_the_same_button(self):
        _action, wizard_form = self.open_departure_wizard(self.manager_user)
        wizard_form.departure_reason_id = self.resigned
        wizard_form.departure_date = date(2031, 6, 30)
        wizard_form.save().action_register_departure_and_plan()
        self.assertFalse(self.employee.active)

    def test_the_wizards_apply_button_is_the_addons(self):
        for user in (self.officer, self.manager_user):
            arch = (
                self.env["hr.departure.wizard"]
                .with_user(user)
                .get_views([(False, "form")])["views"]["form"]["arch"]
            )
            buttons = etree.fromstring(arch).xpath("//footer/button[@type='object']")
            self.assertEqual(
                [button.get("name") for button in buttons],
                ["action_register_departure_and_plan"],
            )

    # hr_contract's departure date

    def test_the_wizard_opens_when_its_default_date_is_out_of_reach(self):
        """hr_contract proposes the date from the contracts, which officers may not
        read (wages): the employee's own departure date is proposed instead."""
        self.employee.departure_date = date(2031, 5, 31)
        wizard_class = type(self.env["hr.departure.wizard"])

        def reads_contracts(wizard):
            # A test's own text: not for translators.
            raise AccessError("No contracts")  # pylint: disable=translation-required

        with patch.object(
            wizard_class, "_get_employee_departure_date", reads_contracts
        ):
            action, wizard_form = self.open_departure_wizard()
        self.assertEqual(action["context"]["default_departure_date"], "2031-05-31")
        self.assertEqual(wizard_form.departure_date, date(2031, 5, 31))

    def test_a_readable_default_date_is_left_to_the_wizard(self):
        # In superuser mode, which reads every contract where hr_contract is in.
        action = self.employee.action_archive()
        self.assertNotIn("default_departure_date", action["context"])

    # Other modules' data

    def test_the_hire_date_is_the_start_of_service_where_kept(self):
        employee = self.employee
        if "service_start_date" not in employee._fields:
            self.skipTest("OCA's hr_employee_service is not installed (compat tier)")
        employee.service_start_date = date(2019, 3, 1)
        self.assertEqual(self.create_interview().hire_date, date(2019, 3, 1))

    def test_the_letter_greets_first_name_first(self):
        employee = self.employee
        if "firstname" not in employee._fields:
            self.skipTest("OCA's hr_employee_firstname is not installed (compat tier)")
        self.env["ir.config_parameter"].set_param("employee_names_order", "last_first")
        employee.write({"firstname": "Els", "lastname": "Van den Broeck"})
        self.assertEqual(employee.name, "Van den Broeck Els")
        self.template.letter = "<p>Dag [employee name],</p>"
        interview = self.create_interview()
        self.assertIn("Dag Els Van den Broeck,", interview._render_letter())

    def test_configuration_is_reached_from_the_addons_own_menu(self):
        """OCA's hr_employee_user_acl may hide the Employees app: the officer's
        templates, departure reasons and settings hang under the addon's app."""
        root = self.env.ref("hr_exit_interview.hr_exit_interview_menu_root")
        visible = self.env["ir.ui.menu"].with_user(self.officer)._visible_menu_ids()
        for xmlid in (
            "hr_exit_interview.hr_exit_interview_template_menu",
            "hr_exit_interview.hr_exit_interview_departure_reason_menu",
        ):
            menu = self.env.ref(xmlid)
            self.assertIn(menu.id, visible)
            self.assertTrue(menu.parent_path.startswith(f"{root.id}/"), xmlid)
        settings = self.env.ref("hr_exit_interview.hr_exit_interview_settings_menu")
        self.assertTrue(settings.parent_path.startswith(f"{root.id}/"))
        self.assertIn(settings.id, self.env["ir.ui.menu"]._visible_menu_ids())


@tagged("post_install", "-at_install")
@freeze_time("2026-11-20 12:00:00")
class TestTheMeetingOnThePage(PortalCase):
    def test_the_page_writes_the_meeting_as_the_letter_does(self):
        """In the employee's language and time zone, whatever the interviewer's."""
        self.load_dutch()
        self.employee.write({"lang": "nl_NL", "tz": "Europe/Brussels"})
        self.interviewer.tz = "America/New_York"
        interview, token = self.create_invited_interview(
            planned_start=datetime(2026, 12, 11, 9, 0), duration=1.5
        )
        page = self.page(interview, token).text
        meeting = re.search(
            r'class="o_exit_interview_meeting">(.*?)</p>', page, re.DOTALL
        )
        self.assertTrue(meeting, "the page names the meeting")
        text = " ".join(re.sub(r"<[^>]+>", " ", meeting.group(1)).split())
        self.assertIn(
            "Gesprek gepland op vrijdag 11 december 2026 om 10:00, voor ongeveer "
            "anderhalf uur.",
            text,
        )
