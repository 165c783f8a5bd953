"""Legal holds and the erasure log, through real runs of the anonymisation job: a
hold keeps its interview and is logged, the log names no one and nobody changes
it, the superuser included."""

from datetime import date

from freezegun import freeze_time
from psycopg2 import ProgrammingError

from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tests.common import new_test_user
from odoo.tools import mute_logger

from ..models.hr_exit_interview import OFFICER_GROUP
from .common import ACCESS_LOGGERS, ExitInterviewCase

ANONYMISE_CRON = "hr_exit_interview.ir_cron_exit_interview_anonymise"


@tagged("post_install", "-at_install")
class TestLegalHold(ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        template = cls.create_template(("Why?", "text"), ("Rate us", "rating"))
        cls.expired = cls.create_interview(
            template_id=template.id,
            hire_date=date(2020, 3, 1),
            last_working_day=date(2028, 6, 30),
            state="held",
            report_summary="Secret report",
        )
        cls.expired.line_ids.sudo().write({"answer_text": "Secret answer"})
        cls.expired.message_post(body="A note on Dirk")
        cls.log = cls.env["hr.exit.interview.erasure.log"]

    def hold(self, interview, user=None, reason="A dispute at the labour court", **kw):
        wizard = (
            self.env["hr.exit.interview.hold"]
            .with_user(user or self.officer)
            .create({"interview_id": interview.id, "reason": reason, **kw})
        )
        wizard.action_confirm()

    def lift(self, interview, user=None):
        self.env["hr.exit.interview.hold"].with_user(user or self.officer).create(
            {"interview_id": interview.id, "lift": True}
        ).action_confirm()

    def run_job(self):
        self.env.ref(ANONYMISE_CRON).method_direct_trigger()

    def lines(self, interview, event=None):
        domain = [("interview_ref", "=", interview.id)]
        if event:
            domain.append(("event", "=", event))
        return self.log.with_user(self.officer).search(domain)

    @freeze_time("2030-07-15")
    def test_a_hold_keeps_the_interview_from_a_real_run_and_is_logged(self):
        self.hold(self.expired)
        placed = self.lines(self.expired, "hold_placed")
        self.assertEqual(len(placed), 1)
        self.assertEqual(placed.user_id, self.officer)
        self.run_job()
        self.assertEqual(self.expired.employee_id, self.employee, "kept by the hold")
        self.assertEqual(len(self.lines(self.expired, "hold_skipped")), 1)
        self.assertEqual(
            self.lines(self.expired, "hold_skipped").cron_id,
            self.env.ref(ANONYMISE_CRON),
        )
        # A second run keeps it again, without a second line for the same hold.
        self.run_job()
        self.assertEqual(self.expired.employee_id, self.employee)
        self.assertEqual(len(self.lines(self.expired, "hold_skipped")), 1)
        self.assertFalse(self.lines(self.expired, "anonymised"))
        # Lifted: the next run anonymises it, and logs what it cleared.
        self.lift(self.expired)
        self.assertEqual(len(self.lines(self.expired, "hold_lifted")), 1)
        self.run_job()
        self.assertFalse(self.expired.employee_id)
        done = self.lines(self.expired, "anonymised")
        self.assertEqual(len(done), 1)
        self.assertEqual(done.cron_id, self.env.ref(ANONYMISE_CRON))
        self.assertEqual(done.company_id, self.company)
        self.assertEqual(done.line_count, 2)
        self.assertGreaterEqual(done.message_count, 1)
        self.assertEqual(done.year, "2028")
        self.assertEqual(done.seniority_band, "5to10")
        self.assertEqual(done.departure_reason_id, self.resigned)

    @freeze_time("2030-07-15")
    def test_a_hold_until_a_past_day_no_longer_keeps(self):
        with freeze_time("2030-07-01"):
            self.hold(self.expired, until=date(2030, 7, 10))
        self.run_job()
        self.assertFalse(self.expired.employee_id)
        self.assertEqual(len(self.lines(self.expired, "anonymised")), 1)
        self.assertFalse(self.expired.sudo().legal_hold_reason, "erased with it")

    def test_a_hold_needs_a_reason_and_a_day_to_come(self):
        with self.assertRaises(UserError):
            self.hold(self.expired, reason=" ")
        with self.assertRaises(UserError):
            self.hold(self.expired, until=date(2001, 1, 1))
        self.assertFalse(self.expired.sudo().legal_hold)

    @mute_logger(*ACCESS_LOGGERS)
    def test_only_officers_place_read_or_lift_a_hold(self):
        self.hold(self.expired)
        other_company = self.env["res.company"].create({"name": "Other Org"})
        other_officer = new_test_user(
            self.env,
            login="exit_other_company_officer",
            groups=f"base.group_user,{OFFICER_GROUP}",
            company_id=other_company.id,
            company_ids=[other_company.id],
        )
        for user in (
            self.interviewer,
            self.board,
            self.manager_user,
            self.users["hr_user"],
            other_officer,
        ):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.env["hr.exit.interview.hold"].with_user(user).create(
                        {"interview_id": self.expired.id, "lift": True}
                    )
                with self.assertRaises(AccessError):
                    self.expired.with_user(user).read(["legal_hold_reason"])
                with self.assertRaises(AccessError):
                    self.expired.with_user(user).write({"legal_hold": False})
                if self.log.with_user(user).has_access("read"):
                    self.assertFalse(
                        self.log.with_user(user).search(
                            [("interview_ref", "=", self.expired.id)]
                        )
                    )
                else:
                    with self.assertRaises(AccessError):
                        self.log.with_user(user).search([])
        # Not even the officer writes the hold as a value.
        with self.assertRaises(AccessError):
            self.expired.with_user(self.officer).write({"legal_hold": False})
        self.assertTrue(self.expired.sudo().legal_hold)
        self.assertEqual(
            self.expired.with_user(self.officer).legal_hold_reason,
            "A dispute at the labour court",
        )

    @mute_logger(*ACCESS_LOGGERS)
    def test_portal_user_reads_no_log_and_no_hold(self):
        portal = self.make_portal_user("exit_gov_portal")
        self.hold(self.expired)
        with self.assertRaises(AccessError):
            self.log.with_user(portal).search([])
        with self.assertRaises(AccessError):
            self.expired.with_user(portal).read(["legal_hold"])

    @freeze_time("2030-07-15")
    def test_erasure_by_hand_is_logged_with_its_ground(self):
        recent = self.create_interview(last_working_day=date(2030, 6, 30))
        self.env["hr.exit.interview.erase"].with_user(self.officer).create(
            {"interview_id": recent.id, "reason": "request"}
        ).action_confirm()
        self.assertFalse(recent.employee_id)
        self.assertTrue(recent.anonymised_on)
        line = self.lines(recent)
        self.assertEqual(line.event, "erased")
        self.assertEqual(line.erasure_reason, "request")
        self.assertEqual(line.user_id, self.officer)
        self.assertFalse(line.cron_id)
        request = recent.sudo().request_ids
        self.assertEqual(
            (request.kind, request.outcome), ("erasure", "granted"), "recorded"
        )

    def test_a_deletion_is_logged_and_a_held_interview_is_not_deleted(self):
        number = self.expired.id
        self.hold(self.expired)
        with self.assertRaises(UserError):
            self.expired.with_user(self.officer).unlink()
        self.assertFalse(self.lines(self.expired, "deleted"))
        self.lift(self.expired)
        self.expired.with_user(self.officer).unlink()
        line = self.log.with_user(self.officer).search(
            [("interview_ref", "=", number), ("event", "=", "deleted")]
        )
        self.assertEqual(len(line), 1)
        self.assertEqual(line.user_id, self.officer)
        self.assertFalse(line.cron_id)
        self.assertEqual(
            (line.line_count, line.year, line.departure_reason_id),
            (2, "2028", self.resigned),
        )
        self.assertGreaterEqual(line.message_count, 1)

    @mute_logger(*ACCESS_LOGGERS)
    def test_no_erasure_of_a_held_interview_nor_by_an_interviewer(self):
        self.hold(self.expired)
        with self.assertRaises(UserError):
            self.env["hr.exit.interview.erase"].with_user(self.officer).create(
                {"interview_id": self.expired.id, "reason": "request"}
            ).action_confirm()
        with self.assertRaises(AccessError):
            self.env["hr.exit.interview.erase"].with_user(self.interviewer).create(
                {"interview_id": self.expired.id, "reason": "request"}
            )
        self.assertEqual(self.expired.employee_id, self.employee)


@tagged("post_install", "-at_install")
class TestErasureLogImmutable(ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        interview = cls.create_interview(last_working_day=date(2020, 1, 31))
        interview._anonymise()
        cls.line = (
            cls.env["hr.exit.interview.erasure.log"]
            .sudo()
            .search([("interview_ref", "=", interview.id)])
        )
        cls.interview = interview

    def test_the_log_holds_the_number_and_no_text(self):
        self.assertEqual(self.line.event, "anonymised")
        self.assertEqual(self.line.interview_ref, self.interview.id)
        model = self.env["hr.exit.interview.erasure.log"]
        self.assertEqual(model._fields["interview_ref"].type, "integer")
        texts = [
            name
            for name, field in model._fields.items()
            if field.type in ("text", "html")
            or (field.type == "char" and name not in ("year", "display_name"))
        ]
        self.assertEqual(texts, [])

    @mute_logger(*ACCESS_LOGGERS)
    def test_nobody_writes_changes_or_deletes_it_the_superuser_included(self):
        superuser = self.env["hr.exit.interview.erasure.log"].with_user(SUPERUSER_ID)
        for model in (superuser, superuser.sudo(), superuser.with_user(self.officer)):
            with self.subTest(user=model.env.uid, su=model.env.su):
                with self.assertRaises(AccessError):
                    model.create(
                        {
                            "interview_ref": 1,
                            "event": "anonymised",
                            "date": "2030-01-01",
                        }
                    )
                with self.assertRaises(AccessError):
                    self.line.with_env(model.env).write({"line_count": 0})
                with self.assertRaises(AccessError):
                    self.line.with_env(model.env).unlink()
                with self.assertRaises(AccessError):
                    self.line.with_env(model.env).copy()
        # A context key, as an RPC call could carry, opens nothing either.
        with self.assertRaises(AccessError):
            superuser.sudo().with_context(
                _force_unlink=True, exit_interview_log=True
            ).create({"interview_ref": 1, "event": "anonymised", "date": "2030-01-01"})
        with self.assertRaises(AccessError):
            self.line.sudo().with_context(_force_unlink=True).unlink()
        self.assertTrue(self.line.exists())

    def test_uninstalling_drops_the_log_with_its_lines(self):
        """The uninstall drops the table (ir.model's _drop_table), which no
        refusal of the ORM stops; undone here with the savepoint."""
        model = self.env["ir.model"]._get("hr.exit.interview.erasure.log")
        self.env.flush_all()
        with mute_logger("odoo.sql_db"), self.env.cr.savepoint(flush=False) as kept:
            model._drop_table()
            with (
                self.assertRaises(ProgrammingError),
                self.env.cr.savepoint(flush=False),
            ):
                self.env.cr.execute("SELECT 1 FROM hr_exit_interview_erasure_log")
            kept.rollback()
        self.assertTrue(self.line.exists())
