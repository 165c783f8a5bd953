"""The advice for the successor, handed over to the job position with the employee's
consent: the advice alone, without the employee's name, kept after anonymisation."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ACCESS_LOGGERS, PortalCase

ADVICE = "Meet the volunteers one by one in the first month"


@tagged("post_install", "-at_install")
class TestSuccessorAdvice(PortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.job = cls.env["hr.job"].create({"name": "Youth Worker"})
        cls.employee.job_id = cls.job
        cls.interview = cls.create_interview(
            state="held",
            report_summary="SECRET summary",
            reasons_for_leaving="SECRET reasons",
            advice_for_successor=ADVICE,
            points_to_improve="SECRET points",
        )
        cls.interview.action_share_with_board()

    def consent(self):
        self.interview.sudo().successor_advice_consent = True

    def test_the_employee_consents_on_the_portal(self):
        interview, token = self.create_invited_interview()
        page = self.page(interview, token).text
        self.assertIn('name="successor_advice_consent"', page)
        self.save(
            {"successor_advice_consent": "1"}, page, interview=interview, token=token
        )
        self.assertTrue(interview.successor_advice_consent)
        self.assertFalse(interview.board_consent)
        self.assertIn("advice for your successor", interview.notice_text)

    @mute_logger(*ACCESS_LOGGERS)
    def test_no_one_records_the_consent_in_the_employee_s_place(self):
        with self.assertRaises(AccessError):
            self.interview.with_user(self.officer).successor_advice_consent = True

    def test_the_officer_hands_over_the_advice_alone(self):
        self.consent()
        self.interview.with_user(self.officer).action_hand_over_advice()
        advice = self.job.advice_ids
        self.assertEqual(len(advice), 1)
        self.assertEqual(advice.advice, ADVICE)
        self.assertEqual(self.interview.successor_advice_id, advice)
        # Whoever reads the job reads the advice, and nothing of the interview.
        reader = self.users["internal"]
        values = advice.with_user(reader).read()[0]
        self.assertEqual(values["advice"], ADVICE)
        relational = [
            name
            for name, field in advice._fields.items()
            if field.relational and field.comodel_name == "hr.exit.interview"
        ]
        self.assertFalse(relational)
        for text in ("Dirk", "SECRET"):
            self.assertNotIn(text, str(values))
        self.assertEqual(
            self.job.with_user(reader).advice_ids.mapped("advice"), [ADVICE]
        )

    @mute_logger(*ACCESS_LOGGERS)
    def test_only_officers_hand_it_over(self):
        self.consent()
        for user in (self.interviewer, self.board):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.interview.with_user(user).action_hand_over_advice()
        with self.assertRaises(AccessError):
            self.env["hr.job.advice"].with_user(self.interviewer).create(
                {"job_id": self.job.id, "advice": "Forged"}
            )
        self.assertFalse(self.job.advice_ids)

    def test_without_consent_it_is_refused_clearly(self):
        with self.assertRaisesRegex(UserError, "did not agree, on the portal"):
            self.interview.with_user(self.officer).action_hand_over_advice()
        self.assertFalse(self.job.advice_ids)

    def test_once_only_and_only_from_a_shared_report(self):
        self.consent()
        as_officer = self.interview.with_user(self.officer)
        as_officer.action_hand_over_advice()
        with self.assertRaisesRegex(UserError, "already handed over"):
            as_officer.action_hand_over_advice()
        held = self.create_interview(state="held", advice_for_successor=ADVICE)
        held.sudo().successor_advice_consent = True
        with self.assertRaisesRegex(UserError, "Share the report"):
            held.with_user(self.officer).action_hand_over_advice()
        self.assertEqual(len(self.job.advice_ids), 1)

    def test_the_advice_outlives_anonymisation(self):
        self.consent()
        self.interview.with_user(self.officer).action_hand_over_advice()
        advice = self.job.advice_ids
        self.interview.sudo()._anonymise()
        self.assertFalse(self.interview.successor_advice_id)
        self.assertFalse(self.interview.advice_for_successor)
        self.assertEqual(advice.exists().advice, ADVICE)
        self.assertEqual(self.job.advice_ids, advice)
