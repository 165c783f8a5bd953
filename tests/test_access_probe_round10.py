"""A hostile probe through Odoo's generic paths, tried on every model of the addon
as each other role: each test is a way in that must stay closed."""

import json
import re
from datetime import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tests.common import new_test_user
from odoo.tools import mute_logger

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

from .common import ACCESS_LOGGERS, OFFICER_GROUP, PortalCase


@tagged("post_install", "-at_install")
class TestProbeRound10(PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.short = cls.create_template(("Why leave?", "text"))
        cls.interview, cls.token = cls.create_invited_interview(
            template_id=cls.short.id,
            planned_start=datetime(2031, 6, 23, 10, 0),
        )

    def test_the_uninstall_flag_of_a_call_deletes_nothing_unlogged(self):
        """Odoo's uninstall flag is a context key that any RPC call may send: it
        skipped the legal hold and the line of the erasure log of a deletion, and
        the questions' own check. It counts while the addon is uninstalled only."""
        log = self.env["hr.exit.interview.erasure.log"].sudo()
        self.env["hr.exit.interview.hold"].with_user(self.officer).create(
            {"interview_id": self.interview.id, "reason": "A labour court case"}
        ).action_confirm()
        forged = {MODULE_UNINSTALL_FLAG: True}
        with self.assertRaises(UserError):
            self.interview.with_user(self.officer).with_context(**forged).unlink()
        self.assertTrue(self.interview.exists())
        # The questions of an interview sent to the employee stay too.
        with self.assertRaises(UserError):
            self.interview.line_ids.with_user(self.officer).with_context(
                **forged
            ).unlink()
        self.assertTrue(self.interview.line_ids.exists())
        # Without a hold, the deletion is logged as any other.
        other = self.create_interview(template_id=self.short.id)
        number = other.id
        other.with_user(self.officer).with_context(**forged).unlink()
        self.assertFalse(other.exists())
        self.assertTrue(
            log.search([("interview_ref", "=", number), ("event", "=", "deleted")])
        )
        # While Odoo uninstalls the addon (which an administrator starts), the flag
        # is Odoo's own: the log goes with the addon, and so do held interviews.
        self.env["ir.module.module"].sudo().search(
            [("name", "=", "hr_exit_interview")]
        ).state = "to remove"
        number = self.interview.id
        self.interview.sudo().with_context(**forged).unlink()
        self.assertFalse(self.interview.exists())
        self.assertFalse(
            log.search([("interview_ref", "=", number), ("event", "=", "deleted")])
        )

    def test_a_copy_is_kept_from_whom_its_original_is_kept_from(self):
        """Whom an interview is kept from grows with each new manager or coach; a
        copy took today's only, and opened the exit to a former manager, an
        officer here, who reads the copy's employee and reason."""
        former = new_test_user(
            self.env,
            login="exit_probe_former_boss",
            groups=f"base.group_user,{OFFICER_GROUP}",
        )
        self.employee.parent_id = self.env["hr.employee"].create(
            {"name": "Former Boss", "user_id": former.id}
        )
        self.employee.parent_id = self.manager
        self.assertIn(former, self.interview.kept_out_user_ids)
        copy = self.interview.with_user(self.officer).copy()
        self.assertEqual(copy.kept_out_user_ids, self.interview.kept_out_user_ids)
        Interview = self.env["hr.exit.interview"].with_user(former)
        self.assertFalse(Interview.search([("employee_id", "=", self.employee.id)]))

    @mute_logger(*ACCESS_LOGGERS)
    def test_the_erasure_log_names_no_one_by_their_user(self):
        """The log outlives the interview and holds no name: yet whom a line was kept
        from, the employee's own user among them, was read, searched and exported
        by every officer, after the interview was deleted."""
        leaver = new_test_user(self.env, login="exit_probe_leaver")
        self.employee.user_id = leaver
        number = self.interview.id
        self.interview.with_user(self.officer).unlink()
        Log = self.env["hr.exit.interview.erasure.log"].with_user(self.officer)
        line = Log.search([("interview_ref", "=", number)])
        self.assertEqual(line.event, "deleted")
        self.assertIn(leaver, line.sudo().kept_from_user_ids, "kept from them")
        self.officer.groups_id += self.env.ref("base.group_allow_export")
        for way, call in {
            "read": lambda: line.read(["kept_from_user_ids"]),
            "export": lambda: line.export_data(["kept_from_user_ids/name"]),
            "search": lambda: Log.search([("kept_from_user_ids", "in", leaver.ids)]),
            "group by": lambda: Log.read_group(
                [], ["interview_ref"], ["kept_from_user_ids"]
            ),
        }.items():
            with self.subTest(way=way), self.assertRaises(AccessError):
                call()
        self.assertNotIn("kept_from_user_ids", Log.fields_get())

    @mute_logger(*ACCESS_LOGGERS)
    def test_no_one_filters_or_groups_by_a_relation_they_may_not_read(self):
        """Odoo refuses a search or a group by on a field of groups the user lacks
        when it is a column, not when it is a one2many or many2many: the board and
        the interviewer filtered interviews by whom they are kept from. Every such
        field the addon declares or adds, found in the registry, for every role that
        reads its model."""
        users = [*self.users.values(), self.other_interviewer]
        tried = set()
        for model_name, Model in self.env.registry.items():
            if Model._abstract:
                continue
            for field in Model._fields.values():
                if (
                    field.type not in ("one2many", "many2many")
                    or not field.groups
                    or "hr_exit_interview" not in (field._module or "")
                    or not (field.store or field.search)
                ):
                    continue
                for user in users:
                    model = self.env[model_name].with_user(user)
                    if field.is_accessible(model.env) or not model.has_access("read"):
                        continue
                    tried.add(field.name)
                    with self.subTest(field=str(field), user=user.login):
                        with self.assertRaises(AccessError):
                            model.search([(field.name, "!=", False)])
                        if field.type == "many2many" and field.store:
                            with self.assertRaises(AccessError):
                                model.read_group([], [field.name], [field.name])
        self.assertIn("kept_out_user_ids", tried)

    @mute_logger("odoo.http")
    def test_no_route_tells_a_missing_interview_from_anothers(self):
        """Every route of the addon that takes an interview's number, found in
        Odoo's routing map, by GET and POST, without a session, with a wrong link
        and with the session of another interview: another person's interview
        answers exactly as a number that does not exist (status, redirect, body)."""
        other_employee = self.env["hr.employee"].create(
            {"name": "Olga Other", "private_email": "olga@example.com"}
        )
        other, other_token = self.create_invited_interview(
            employee_id=other_employee.id, template_id=self.short.id
        )
        self.page(other, other_token)
        session = {
            cookie.name: cookie.value
            for cookie in self.opener.cookies
            if cookie.name.startswith("hr_exit_interview")
        }
        self.assertTrue(session, "the other interview's link opened a session")
        missing = other.id + 1000
        paths = sorted(
            {
                rule.rule
                for rule in self.env["ir.http"].routing_map().iter_rules()
                if "<int:interview_id>" in rule.rule
                and "hr_exit_interview" in rule.endpoint.original_endpoint.__module__
            }
        )
        self.assertGreaterEqual(len(paths), 8)

        def answer(path, number, method, token, cookies):
            self.opener.cookies.clear()
            url = path.replace("<int:interview_id>", str(number)).replace(
                "<string:sheet>", "questions"
            )
            response = self.opener.request(
                method,
                self.base_url() + url,
                params={"access_token": token} if token else None,
                data={"csrf_token": "x"} if method == "POST" else None,
                cookies=cookies,
                allow_redirects=False,
                timeout=30,
            )
            body = re.sub(r"csrf_token\W+\w+", "", response.text)
            location = response.headers.get("Location", "")
            return (
                response.status_code,
                location.replace(str(number), "N"),
                body.replace(str(number), "N"),
            )

        # The comparison tells an interview that opens from one that does not.
        page = "/my/exit-interviews/<int:interview_id>"
        self.assertNotEqual(
            answer(page, other.id, "GET", None, session),
            answer(page, missing, "GET", None, session),
        )
        for path in paths:
            for method in ("GET", "POST"):
                for token, cookies in ((None, None), ("x" * 43, None), (None, session)):
                    with self.subTest(path=path, method=method, token=token):
                        self.assertEqual(
                            answer(path, self.interview.id, method, token, cookies),
                            answer(path, missing, method, token, cookies),
                        )

    @mute_logger(*ACCESS_LOGGERS)
    def test_a_refused_deletion_tells_nothing_of_the_interview(self):
        """Deleting writes the erasure log's line first, in superuser mode: for a
        user without the right, a number that exists answered AccessError and one
        that does not a MissingError, which told which interviews exist. The
        rights come first, as for every other refusal."""
        portal = self.make_portal_user("exit_probe_portal")
        missing = self.env["hr.exit.interview"].browse(self.interview.id + 1000)
        for user in (portal, self.manager_user, self.board, self.interviewer):
            for interview in (self.interview, missing):
                with (
                    self.subTest(user=user.login, exists=bool(interview.exists())),
                    self.assertRaises(AccessError),
                ):
                    interview.with_user(user).unlink()
        self.assertTrue(self.interview.exists())

    @mute_logger(*ACCESS_LOGGERS, "odoo.http")
    def test_a_refusal_in_developer_mode_names_no_one(self):
        """In developer mode, Odoo's refusal of a record rule named each record
        refused by its name ("Exit interview of ...") and the rules that refused
        it: an interviewer trying numbers, or a manager kept out, learnt who
        leaves and that they were kept from it."""
        self.assertIn(self.manager_user, self.interview.kept_out_user_ids)
        self.manager_user.groups_id += self.env.ref(OFFICER_GROUP)
        # A former employee's private contact, kept in touch with by an officer.
        contact = self.env["res.partner"].create(
            {
                "name": "Dirk Departing (private)",
                "exit_interview_keep_in_touch": True,
                "exit_interview_keep_in_touch_user_id": self.officer.id,
            }
        )
        tries = [
            (self.interview, "read", ["state"]),
            (self.interview, "write", {"job_title": "Youth Worker"}),
            (contact, "read", ["name"]),
        ]
        for user in (self.other_interviewer, self.board, self.manager_user):
            user.groups_id += self.env.ref("base.group_no_one")
            self.authenticate(user.login, user.login)
            for record, method, arg in tries:
                if record == contact and user.has_group(OFFICER_GROUP):
                    continue  # officers read every contact kept in touch with
                with self.subTest(user=user.login, model=record._name, method=method):
                    args = [record.ids, arg]
                    response = self.url_open(
                        f"/web/dataset/call_kw/{record._name}/{method}?debug=1",
                        data=json.dumps(
                            {
                                "jsonrpc": "2.0",
                                "method": "call",
                                "params": {
                                    "model": record._name,
                                    "method": method,
                                    "args": args,
                                    "kwargs": {},
                                },
                            }
                        ),
                        headers={"Content-Type": "application/json"},
                    )
                    error = response.json()["error"]["data"]
                    self.assertEqual(error["name"], "odoo.exceptions.AccessError")
                    self.assertNotIn(self.employee.name, error["message"])
                    self.assertNotIn("kept from", error["message"])
                    self.assertNotIn("kept in touch", error["message"])
