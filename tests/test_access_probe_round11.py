"""A hostile probe through Odoo's other channels: the calendar, the inbox, the
fields the addon adds to people, the reports, the website. Each role that should
learn nothing of a departure tries what Odoo offers every user of its kind."""

import json
from datetime import datetime

from odoo import Command
from odoo.tests import tagged
from odoo.tests.common import new_test_user
from odoo.tools import mute_logger

from .common import ACCESS_LOGGERS, OFFICER_GROUP, PortalCase


@tagged("post_install", "-at_install")
class TestProbeRound11(PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.short = cls.create_template(("Why leave?", "text"))
        cls.interview, cls.token = cls.create_invited_interview(
            template_id=cls.short.id,
            planned_start=datetime(2031, 6, 23, 10, 0),
        )
        cls.colleague_user = new_test_user(
            cls.env, login="exit_colleague", groups="base.group_user"
        )
        cls.env["hr.employee"].create(
            {
                "name": "Carla Colleague",
                "user_id": cls.colleague_user.id,
                "department_id": cls.department.id,
                "parent_id": cls.manager.id,
            }
        )
        cls.outsiders = (
            cls.manager_user,
            cls.colleague_user,
            cls.board,
            cls.other_interviewer,
        )

    def _website_installed(self):
        return "website" in self.env.registry._init_modules or self.env[
            "ir.module.module"
        ].sudo().search_count([("name", "=", "website"), ("state", "=", "installed")])

    def test_the_meeting_names_no_one_in_anyones_calendar(self):
        """The interview's meeting is private: a colleague, the leaver's manager or
        another interviewer finds a busy slot of the interviewer, never whose
        interview it is, nor the interview it belongs to."""
        event = self.interview.sudo().calendar_event_id
        self.assertTrue(event)
        self.assertEqual(event.privacy, "private")
        self.assertNotIn(self.employee.work_contact_id, event.partner_ids)
        for user in self.outsiders:
            events = self.env["calendar.event"].with_user(user)
            rows = events.search_read(
                [("id", "=", event.id)],
                ["name", "description", "res_model", "res_id", "partner_ids"],
            )
            text = repr(rows)
            self.assertNotIn("Dirk", text)
            self.assertNotIn("Exit interview", text)
            self.assertNotIn("hr.exit.interview", text)
            # Nor is the event found by the record it belongs to.
            found = events.search(
                [("res_model", "=", "hr.exit.interview"), ("res_id", "!=", False)]
            )
            self.assertNotIn(event, found, user.login)
            found = events.search([("name", "ilike", "Exit interview")])
            self.assertNotIn(event, found, user.login)
            # Nor placed among the others by it.
            self.assertNotIn(event, events.search([], order="res_model, name"))
            groups = events.read_group([], ["res_model"], ["res_model"])
            self.assertNotIn("hr.exit.interview", repr(groups))
            self.assertNotIn("Dirk", repr(events.browse(event.id).display_name))

        # The interviewer, who attends it, finds it as before.
        found = (
            self.env["calendar.event"]
            .with_user(self.interviewer)
            .search([("res_model", "=", "hr.exit.interview")])
        )
        self.assertIn(event, found)

    def test_the_fields_the_addon_adds_to_people_are_officers_alone(self):
        """What any internal or portal user reads of a colleague or a contact (the
        public employee, the user, the partner) gets nothing from the addon that
        tells of an exit."""
        fields = (
            self.env["ir.model.fields"]
            .sudo()
            .search(
                [
                    (
                        "model",
                        "in",
                        ["hr.employee.public", "res.users", "res.partner"],
                    ),
                ]
            )
            .filtered(lambda f: "hr_exit_interview" in (f.modules or ""))
        )
        for field in fields:
            model = self.env[field.model]
            self.assertTrue(
                model._fields[field.name].groups,
                f"{field.model}.{field.name} is read by every user",
            )

    def test_no_one_else_is_notified_or_follows(self):
        """Across the loop, no mail, notification or following reaches the
        leaver's manager, a colleague, the board or another interviewer."""
        self.interview.with_user(self.officer).message_post(
            body="A note in the chatter", message_type="comment"
        )
        partners = self.env["res.partner"].browse(
            [user.partner_id.id for user in self.outsiders]
        )
        self.assertFalse(
            self.interview.sudo().message_follower_ids.partner_id & partners
        )
        messages = (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", "hr.exit.interview"),
                    ("res_id", "=", self.interview.id),
                ]
            )
        )
        self.assertFalse(messages.partner_ids & partners)
        self.assertFalse(
            self.env["mail.notification"]
            .sudo()
            .search([("res_partner_id", "in", partners.ids)])
            .filtered(lambda n: n.mail_message_id.model == "hr.exit.interview")
        )
        activities = (
            self.env["mail.activity"]
            .sudo()
            .search([("res_model", "=", "hr.exit.interview")])
        )
        for user in self.outsiders:
            self.assertFalse(activities.filtered(lambda a, u=user: a.user_id == u))
            groups = self.env["res.users"].with_user(user)._get_activity_groups()
            self.assertNotIn("hr.exit.interview", repr(groups))

    def test_the_reports_print_nothing_for_another_role(self):
        """Every report of the addon, by its /report route, prints nothing of an
        interview for who may not read it."""
        reports = (
            self.env["ir.actions.report"]
            .sudo()
            .search([("model", "like", "hr.exit.interview")])
        )
        self.assertTrue(reports)
        for user in (self.manager_user, self.colleague_user, self.other_interviewer):
            self.opener.cookies.clear()
            self.authenticate(user.login, user.login)
            for report in reports:
                record = (
                    self.interview
                    if report.model == "hr.exit.interview"
                    else self.env[report.model].sudo().search([], limit=1)
                )
                if not record:
                    continue
                for kind in ("html", "pdf"):
                    with mute_logger("odoo.http", *ACCESS_LOGGERS):
                        response = self.url_open(
                            f"/report/{kind}/{report.report_name}/{record.id}"
                        )
                    self.assertNotEqual(response.status_code, 200, report.report_name)
                    self.assertNotIn("Dirk", response.text)

    def test_the_website_lists_and_finds_no_exit_interview(self):
        """With the website, no page of the addon is listed to robots or found by
        the website's search, and a portal user who is another interview's
        employee counts none of this one."""
        if not self._website_installed():
            return
        for path in ("/sitemap.xml", "/robots.txt"):
            response = self.url_open(path)
            self.assertNotIn("exit-interview", response.text)
        # Website's own results template warns of its t-key as it renders.
        with mute_logger("odoo.addons.base.models.ir_qweb"):
            response = self.url_open("/website/search?search=Dirk")
        self.assertNotIn("Dirk Departing", response.text)
        self.assertNotIn("exit-interviews/", response.text)
        other = self.make_portal_user("exit_other_portal")
        self.authenticate(other.login, other.login)
        response = self.url_open(
            "/my/counters",
            data=json.dumps({"params": {"counters": ["exit_interview_count"]}}),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.json()["result"].get("exit_interview_count"), 0)
        response = self.url_open(self.portal_path(self.interview))
        self.assertNotIn("Dirk", response.text)
        self.assertNotIn("Why leave?", response.text)

    def test_an_officer_who_becomes_the_manager_hears_nothing_more(self):
        """An officer who planned an interview follows it; made the leaver's
        manager afterwards, they are kept out of it, and no message of its
        chatter (a note, the employee declining) reaches them any more."""
        officer = new_test_user(
            self.env,
            login="exit_officer_turned_manager",
            groups=f"base.group_user,{OFFICER_GROUP}",
        )
        interview = (
            self.env["hr.exit.interview"]
            .with_user(officer)
            .with_context(tracking_disable=False)
            .create(
                {
                    "employee_id": self.employee.id,
                    "interviewer_id": self.interviewer.id,
                    "template_id": self.short.id,
                    "departure_reason_id": self.resigned.id,
                }
            )
        )
        self.assertIn(officer.partner_id, interview.sudo().message_partner_ids)
        self.employee.parent_id = self.env["hr.employee"].create(
            {"name": "Otto Officer", "user_id": officer.id}
        )
        self.assertIn(officer, interview.sudo().kept_out_user_ids)
        self.assertNotIn(officer.partner_id, interview.sudo().message_partner_ids)
        interview.with_user(self.officer).message_post(
            body="The employee called in sick", subtype_xmlid="mail.mt_comment"
        )
        self.assertFalse(
            self.env["mail.notification"]
            .sudo()
            .search(
                [
                    ("res_partner_id", "=", officer.partner_id.id),
                    ("mail_message_id.model", "=", "hr.exit.interview"),
                ]
            )
        )
        # An officer who follows and then leaves the officers hears no more either.
        former = new_test_user(
            self.env,
            login="exit_former_officer",
            groups=f"base.group_user,{OFFICER_GROUP}",
        )
        interview.with_user(former).message_subscribe(partner_ids=former.partner_id.ids)
        former.groups_id = [Command.unlink(self.env.ref(OFFICER_GROUP).id)]
        self.assertFalse(interview.with_user(former).has_access("read"))
        interview.with_user(self.officer).message_post(
            body="The employee asked for another date", subtype_xmlid="mail.mt_comment"
        )
        self.assertFalse(
            self.env["mail.notification"]
            .sudo()
            .search(
                [
                    ("res_partner_id", "=", former.partner_id.id),
                    ("mail_message_id.model", "=", "hr.exit.interview"),
                ]
            )
        )
