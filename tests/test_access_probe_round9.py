"""A hostile probe of the round's new surfaces (the written path, telling what was
done, data governance, the external interviewer): each test is a way in that must
stay closed, tried through Odoo as the role that would try it."""

import base64
from datetime import datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tests.common import new_test_user
from odoo.tools import mute_logger

from .common import ACCESS_LOGGERS, OFFICER_GROUP, csrf_token
from .test_interviewer_external import ExternalCase, interviewer_path


@tagged("post_install", "-at_install")
class TestProbeRound9(ExternalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_employee = cls.env["hr.employee"].create(
            {"name": "Olga Other", "private_email": "olga@example.com"}
        )
        cls.other, cls.other_token = cls.create_invited_interview(
            employee_id=cls.other_employee.id,
            template_id=cls.short.id,
            planned_start=datetime(2031, 6, 24, 10, 0),
        )
        cls.other_officer = new_test_user(
            cls.env,
            login="exit_probe_officer2",
            groups=f"base.group_user,{OFFICER_GROUP}",
        )
        cls.kept_out_officer = new_test_user(
            cls.env,
            login="exit_probe_kept_out",
            groups=f"base.group_user,{OFFICER_GROUP}",
        )
        cls.interview.sudo().kept_out_user_ids = [Command.link(cls.kept_out_officer.id)]
        cls.plain_user = new_test_user(
            cls.env, login="exit_probe_plain", groups="base.group_user"
        )

    def hold(self, interview, user=None):
        self.env["hr.exit.interview.hold"].with_user(user or self.officer).create(
            {"interview_id": interview.id, "reason": "A dispute at the labour court"}
        ).action_confirm()

    # === Data governance === #

    def test_an_interview_on_legal_hold_is_not_deleted(self):
        """Deleting an interview erases more than the job would, without a line in
        the log: a hold keeps it from both."""
        self.hold(self.interview)
        with self.assertRaises(UserError):
            self.interview.with_user(self.officer).unlink()
        self.assertTrue(self.interview.exists())
        # Once lifted, an officer deletes it as before.
        self.env["hr.exit.interview.hold"].with_user(self.officer).create(
            {"interview_id": self.other.id, "reason": "An inspection"}
        ).action_confirm()
        self.env["hr.exit.interview.hold"].with_user(self.officer).create(
            {"interview_id": self.other.id, "lift": True}
        ).action_confirm()
        self.other.with_user(self.officer).unlink()
        self.assertFalse(self.other.exists())

    def test_a_kept_out_officer_reads_no_log_line_of_that_interview(self):
        """The log names the interview by its number and keeps its statistics
        (department, reason, seniority): a manager kept out of the exit, an officer
        too, would learn of it there."""
        self.hold(self.interview)
        self.hold(self.other)
        log = self.env["hr.exit.interview.erasure.log"]
        for user, expected in (
            (self.officer, {self.interview.id, self.other.id}),
            (self.kept_out_officer, {self.other.id}),
        ):
            with self.subTest(user=user.login):
                lines = log.with_user(user).search([])
                self.assertEqual(set(lines.mapped("interview_ref")), expected)
                groups = log.with_user(user).read_group(
                    [], ["department_id"], ["department_id"]
                )
                self.assertEqual(
                    sum(group["department_id_count"] for group in groups),
                    len(lines),
                )

    def test_the_erasure_log_refuses_the_orm_to_the_superuser_too(self):
        self.hold(self.interview)
        log = self.env["hr.exit.interview.erasure.log"].sudo()
        line = log.search([("interview_ref", "=", self.interview.id)])
        self.assertEqual(line.event, "hold_placed")
        with self.assertRaises(AccessError):
            line.write({"event": "hold_lifted"})
        with self.assertRaises(AccessError):
            line.unlink()
        with self.assertRaises(AccessError):
            line.copy()
        with self.assertRaises(AccessError):
            log.create({"event": "anonymised", "date": datetime(2030, 1, 1)})
        result = log.load(
            ["event", "date", "interview_ref"],
            [["anonymised", "2030-01-01 00:00:00", str(self.other.id)]],
        )
        self.assertFalse([i for i in result["ids"] or [] if i])
        self.assertEqual(line.event, "hold_placed")
        self.assertEqual(len(log.search([("interview_ref", "=", self.other.id)])), 0)
        # Officers read it, no one else.
        for user in (self.board, self.interviewer, self.plain_user, self.manager_user):
            with (
                self.subTest(user=user.login),
                mute_logger(*ACCESS_LOGGERS),
                self.assertRaises(AccessError),
            ):
                log.with_user(user).search_read([], ["interview_ref"])

    def test_the_access_copy_is_read_by_officers_who_may_read_the_interview(self):
        wizard = (
            self.env["hr.exit.interview.access"]
            .with_user(self.officer)
            .create({"interview_id": self.interview.id, "delivery": "download"})
        )
        with self.mock_mail_gateway():
            action = wizard.action_confirm()
        files = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "hr.exit.interview.request"),
                    ("res_id", "in", self.interview.sudo().request_ids.ids),
                ]
            )
        )
        self.assertEqual(len(files), 2)
        self.assertIn(
            action["url"], [f"/web/content/{f.id}?download=true" for f in files]
        )
        readers = (
            self.kept_out_officer,
            self.board,
            self.interviewer,
            self.plain_user,
            self.manager_user,
        )
        for user in readers:
            with self.subTest(user=user.login), mute_logger(*ACCESS_LOGGERS):
                attachments = self.env["ir.attachment"].with_user(user)
                self.assertFalse(attachments.search([("id", "in", files.ids)]))
                self.assertFalse(
                    attachments.search([("name", "ilike", "personal-data")])
                )
                with self.assertRaises(AccessError):
                    attachments.browse(files.ids).read(["datas"])
        for user in (self.board, self.manager_user):
            self.authenticate(user.login, user.login)
            for file in files:
                with self.subTest(user=user.login, file=file.name):
                    response = self.url_open(f"/web/content/{file.id}?download=true")
                    self.assertIn(response.status_code, (403, 404))
                    self.assertNotIn(b"Dirk", response.content)
        self.authenticate(None, None)
        for file in files:
            response = self.url_open(f"/web/content/{file.id}?download=true")
            self.assertNotIn(b"Dirk", response.content)
        # The officer who made it reads it.
        self.assertTrue(base64.b64decode(files.with_user(self.officer)[:1].datas))

    def test_a_kept_out_officer_learns_no_address_through_a_window(self):
        self.send_with_wizard_to(self.interview, "dirk.secret@example.com")
        for model in ("hr.exit.interview.access", "hr.exit.interview.send"):
            wizards = self.env[model].with_user(self.kept_out_officer)
            with (
                self.subTest(model=model),
                mute_logger(*ACCESS_LOGGERS),
            ):
                try:
                    result = wizards.onchange(
                        {"interview_id": self.interview.id},
                        ["interview_id"],
                        {"interview_id": {}, "email": {}},
                    )
                except AccessError:
                    continue
                self.assertNotIn("dirk.secret", str(result))

    def send_with_wizard_to(self, interview, email):
        wizard = (
            self.env["hr.exit.interview.send"]
            .with_user(self.officer)
            .create({"interview_id": interview.id})
        )
        wizard.email = email
        with self.mock_mail_gateway(mail_unlink_sent=True):
            wizard.action_send()

    def test_another_officers_windows_are_not_theirs(self):
        windows = [
            self.env["hr.exit.interview.hold"]
            .with_user(self.officer)
            .create({"interview_id": self.other.id, "reason": "HOLD-MARK"}),
            self.env["hr.exit.interview.erase"]
            .with_user(self.officer)
            .create({"interview_id": self.other.id}),
            self.env["hr.exit.interview.access"]
            .with_user(self.officer)
            .create({"interview_id": self.other.id}),
            self.env["hr.exit.interview.external"]
            .with_user(self.officer)
            .create(
                {
                    "interview_id": self.other.id,
                    "name": "Erik",
                    "email": "erik@federation.example",
                }
            ),
        ]
        for window in windows:
            with self.subTest(model=window._name), mute_logger(*ACCESS_LOGGERS):
                mine = window.with_user(self.other_officer)
                self.assertFalse(mine.search([("id", "=", window.id)]))
                with self.assertRaises(AccessError):
                    mine.read(["interview_id"])
                with self.assertRaises(AccessError):
                    mine.action_confirm()

    # === Telling what was done === #

    def told_link(self, interview):
        interview.sudo()._told_record_consent(True)
        return interview.sudo()._told_new_withdraw_link().split("access_token=")[1]

    def test_a_withdrawal_needs_its_own_link_a_post_and_the_page_token(self):
        token = self.told_link(self.interview)
        other_token = self.told_link(self.other)
        path = f"/my/exit-interviews/{self.interview.id}/told-withdraw"
        # Another interview's link, no link, a made-up id: the neutral page.
        for query in (f"?access_token={other_token}", "", "?access_token=x"):
            with self.subTest(query=query):
                response = self.url_open(path + query)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn("Dirk", response.text)
        response = self.url_open(
            f"/my/exit-interviews/999999/told-withdraw?access_token={token}"
        )
        self.assertEqual(response.status_code, 404)
        # The page asks first: a GET withdraws nothing, a POST without the page's
        # CSRF token neither.
        page = self.url_open(f"{path}?access_token={token}")
        self.assertEqual(page.status_code, 200)
        self.url_open(path, data={"access_token": token})
        self.assertTrue(self.interview.sudo()._told_wished())
        self.url_open(path, data={"access_token": other_token, "csrf_token": "x"})
        self.assertTrue(self.interview.sudo()._told_wished())
        self.url_open(
            path,
            data={"access_token": other_token, "csrf_token": csrf_token(page.text)},
        )
        self.assertTrue(self.interview.sudo()._told_wished())
        self.assertTrue(self.other.sudo()._told_wished())
        self.url_open(
            path, data={"access_token": token, "csrf_token": csrf_token(page.text)}
        )
        self.assertFalse(self.interview.sudo()._told_wished())
        self.assertTrue(self.other.sudo()._told_wished())

    def test_the_told_values_are_odoos_alone(self):
        interview = self.interview.with_user(self.officer)
        for name, value in (
            ("told_consent", True),
            ("told_on", "2031-01-01 00:00:00"),
            ("told_withdrawn_on", "2031-01-01 00:00:00"),
            ("legal_hold", True),
            ("written_only", True),
        ):
            with self.subTest(field=name), mute_logger(*ACCESS_LOGGERS):
                with self.assertRaises(UserError):
                    interview.write({name: value})
                self.assertFalse(self.interview.sudo()[name])

    # === The external interviewer === #

    def test_the_external_pages_are_their_interviews_external_interviewers(self):
        self.name_external()
        first = self.interview.sudo().external_interviewer_id
        self.name_external(self.other, email="otto@federation.example", name="Otto")
        otto = self.other.sudo().external_interviewer_id
        self.assertNotEqual(first, otto)
        paths = (
            interviewer_path(self.interview),
            interviewer_path(self.interview, "/conversation.pdf"),
            interviewer_path(self.interview, "/questions.pdf"),
        )
        # The external interviewer of another interview.
        self.login_external(otto)
        for path in paths:
            with self.subTest(path=path):
                self.assertEqual(self.url_open(path).status_code, 404)
        own = self.url_open(interviewer_path(self.other)).text
        response = self.url_open(
            interviewer_path(self.interview),
            data={
                "csrf_token": csrf_token(own),
                "action": "save",
                "report_summary": "FORGED",
            },
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.interview.sudo().report_summary)
        # Replaced: the first external loses the page at once.
        self.name_external(email="rita@federation.example", name="Rita")
        self.login_external(first)
        for path in paths:
            with self.subTest(path=path, user="replaced"):
                self.assertEqual(self.url_open(path).status_code, 404)
        # An internal user, the employee's manager, the public: none of it.
        for user in (self.interviewer, self.manager_user):
            self.authenticate(user.login, user.login)
            for path in paths:
                with self.subTest(path=path, user=user.login):
                    self.assertEqual(self.url_open(path).status_code, 404)
        self.authenticate(None, None)
        for path in paths:
            response = self.url_open(path, allow_redirects=False)
            self.assertIn(response.status_code, (303, 302))
            self.assertIn("/web/login", response.headers["Location"])

    def test_an_external_interviewer_reads_nothing_through_rpc(self):
        self.name_external()
        external = self.interview.sudo().external_interviewer_id
        for model in (
            "hr.exit.interview",
            "hr.exit.interview.line",
            "hr.exit.interview.external",
            "hr.exit.interview.request",
            "hr.exit.interview.erasure.log",
        ):
            with (
                self.subTest(model=model),
                mute_logger(*ACCESS_LOGGERS),
                self.assertRaises(AccessError),
            ):
                self.env[model].with_user(external).search_read([], ["id"])

    def test_no_one_names_an_external_interviewer_by_a_value(self):
        portal = self.make_portal_user("exit_probe_portal")
        interviews = self.env["hr.exit.interview"].with_user(self.officer)
        with mute_logger(*ACCESS_LOGGERS):
            with self.assertRaises(UserError):
                self.interview.with_user(self.officer).write(
                    {"external_interviewer_id": portal.id}
                )
            try:
                forged = interviews.with_context(
                    default_external_interviewer_id=portal.id
                ).create(
                    {
                        "employee_id": self.other_employee.id,
                        "interviewer_id": self.interviewer.id,
                        "template_id": self.short.id,
                    }
                )
            except UserError:
                forged = interviews
            self.assertFalse(forged.sudo().external_interviewer_id)
        self.assertFalse(self.env["hr.exit.interview"]._external_interviews_of(portal))

    # === The written path === #

    def test_no_one_but_the_employee_chooses_to_answer_in_writing(self):
        page = self.page(self.other, self.other_token).text
        # The other interview's link, the page's CSRF token: for the other only.
        response = self.post(
            {"action": "written"},
            page,
            interview=self.interview,
            token=self.other_token,
        )
        self.assertNotEqual(response.status_code, 200)
        # Without any link nor session.
        self.opener.cookies.clear()
        response = self.post({"action": "written"}, page, token=None)
        self.assertNotEqual(response.status_code, 200)
        # Another interview's employee, logged in on the portal.
        portal = self.make_portal_user("exit_probe_other_leaver")
        self.other_employee.work_contact_id = portal.partner_id
        self.authenticate(portal.login, portal.login)
        response = self.post({"action": "written"}, page, token=None)
        self.assertNotEqual(response.status_code, 200)
        self.assertFalse(self.interview.sudo().written_only)
        self.assertTrue(self.interview.sudo().calendar_event_id.active)

    # === The access copy, mailed === #

    def test_a_mailed_access_copy_leaves_nothing_for_others(self):
        self.send_with_wizard_to(self.interview, "dirk.secret@example.com")
        wizard = (
            self.env["hr.exit.interview.access"]
            .with_user(self.officer)
            .create({"interview_id": self.interview.id, "delivery": "mail"})
        )
        with self.mock_mail_gateway():
            wizard.action_confirm()
        self.assertTrue(
            self.env["ir.attachment"]
            .sudo()
            .search([("name", "ilike", "personal-data")])
        )
        # An officer who may read the interview reads its requests' copies; no
        # one else finds them, nor the mail that carried them.
        for user in (
            self.kept_out_officer,
            self.board,
            self.interviewer,
            self.plain_user,
            self.manager_user,
        ):
            with self.subTest(user=user.login), mute_logger(*ACCESS_LOGGERS):
                self.assertFalse(
                    self.env["ir.attachment"]
                    .with_user(user)
                    .search([("name", "ilike", "personal-data")])
                )
                self.assertFalse(
                    self.env["mail.mail"]
                    .with_user(user)
                    .sudo(False)
                    .search_count([("email_to", "ilike", "dirk.secret")])
                    if self.env["mail.mail"].with_user(user).has_access("read")
                    else 0
                )

    # === Another company === #

    def test_an_officer_of_another_company_finds_no_governance_record(self):
        company_b = self.env["res.company"].create({"name": "Other Youth Club"})
        officer_b = new_test_user(
            self.env,
            login="exit_probe_officer_b",
            groups=f"base.group_user,{OFFICER_GROUP}",
            company_id=company_b.id,
            company_ids=[Command.set(company_b.ids)],
        )
        self.hold(self.interview)
        wizard = (
            self.env["hr.exit.interview.access"]
            .with_user(self.officer)
            .create({"interview_id": self.interview.id, "delivery": "download"})
        )
        wizard.action_confirm()
        with mute_logger(*ACCESS_LOGGERS):
            for model in (
                "hr.exit.interview.erasure.log",
                "hr.exit.interview.request",
                "hr.exit.interview",
            ):
                with self.subTest(model=model):
                    records = self.env[model].with_user(officer_b)
                    self.assertFalse(records.search([]))
                    self.assertEqual(records.search_count([]), 0)
                    self.assertEqual(records.read_group([], [], [])[0]["__count"], 0)
            self.assertFalse(
                self.env["ir.attachment"]
                .with_user(officer_b)
                .search([("name", "ilike", "personal-data")])
            )
            for model in ("hr.exit.interview.hold", "hr.exit.interview.access"):
                with self.subTest(window=model), self.assertRaises(AccessError):
                    self.env[model].with_user(officer_b).create(
                        {"interview_id": self.interview.id, "reason": "x"}
                        if model.endswith("hold")
                        else {"interview_id": self.interview.id}
                    )
            with self.assertRaises(UserError):
                self.interview.with_user(officer_b).unlink()

    def test_the_external_window_tells_no_one_kept_out_the_leavers_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.employee.lang = "fr_FR"
        windows = self.env["hr.exit.interview.external"].with_context(
            default_interview_id=self.interview.id
        )
        self.assertEqual(
            windows.with_user(self.officer).default_get(["interview_id", "lang"])[
                "lang"
            ],
            "fr_FR",
        )
        with mute_logger(*ACCESS_LOGGERS):
            values = windows.with_user(self.kept_out_officer).default_get(
                ["interview_id", "lang"]
            )
        self.assertNotEqual(values.get("lang"), "fr_FR")

    # === The board and a restricted interview === #

    def test_the_board_reads_no_restricted_report_by_any_way(self):
        shared = self.create_interview(
            employee_id=self.other_employee.id,
            state="held",
            report_summary="REPORT-MARK",
        )
        shared.action_share_with_board()
        measure = self.env["hr.exit.interview.measure"].create(
            {"interview_id": shared.id, "name": "MEASURE-MARK", "category": "other"}
        )
        self.env["hr.exit.interview.request"].with_user(self.officer).create(
            {"interview_id": shared.id, "kind": "restriction", "outcome": "granted"}
        )
        self.assertTrue(shared.sudo().restricted)
        board = self.env["hr.exit.interview"].with_user(self.board)
        with mute_logger(*ACCESS_LOGGERS):
            self.assertFalse(board.search([("id", "=", shared.id)]))
            self.assertFalse(board.name_search("Olga"))
            self.assertFalse(
                self.env["hr.exit.interview.measure"]
                .with_user(self.board)
                .search([("id", "=", measure.id)])
            )
            with self.assertRaises(AccessError):
                measure.with_user(self.board).read(["told_interview_ids"])
            with self.assertRaises(UserError):
                shared.with_user(self.board).export_data(["report_summary"])
        self.authenticate(self.board.login, self.board.login)
        for kind in ("html", "pdf"):
            with (
                self.subTest(kind=kind),
                mute_logger("odoo.http", *ACCESS_LOGGERS),
            ):
                response = self.url_open(
                    f"/report/{kind}/hr_exit_interview.report_exit_interview/{shared.id}"
                )
                self.assertNotEqual(response.status_code, 200)
                self.assertNotIn(b"REPORT-MARK", response.content)
                self.assertNotIn(b"Olga", response.content)

    def test_a_granted_restriction_stays_on_its_interview(self):
        """Moved to another interview, a granted restriction lifted the first one
        without a lifted outcome, and the request left the interview it was on."""
        request = (
            self.env["hr.exit.interview.request"]
            .with_user(self.officer)
            .create(
                {
                    "interview_id": self.interview.id,
                    "kind": "restriction",
                    "outcome": "granted",
                }
            )
        )
        self.assertTrue(self.interview.sudo().restricted)
        with self.assertRaises(UserError):
            request.write({"interview_id": self.other.id})
        self.assertEqual(request.interview_id, self.interview)
        self.assertTrue(self.interview.sudo().restricted)
        self.assertFalse(self.other.sudo().restricted)
        # Its outcome still changes, as the restriction is lifted by it.
        request.outcome = "lifted"
        self.assertFalse(self.interview.sudo().restricted)
