"""The demo data shows the guide's whole loop, reached through the addon's own
methods. Runs where the demo data is loaded (the compatibility tier's database)."""

from odoo.tests import TransactionCase, tagged

from ..models.hr_exit_interview import STATES

STATE_VALUES = [state for state, _label in STATES]


@tagged("post_install", "-at_install")
class TestDemo(TransactionCase):
    def setUp(self):
        super().setUp()
        if not self.env.ref(
            "hr_exit_interview.demo_interview_draft", raise_if_not_found=False
        ):
            self.skipTest("the demo data is not loaded")

    def demo(self, name):
        return self.env.ref(f"hr_exit_interview.demo_interview_{name}")

    def test_every_state_of_the_loop(self):
        for state in STATE_VALUES:
            with self.subTest(state=state):
                self.assertEqual(self.demo(state).state, state)
        # Real states leave their traces: the sending on paper, the answers, the
        # employee's choices, the board's evaluation and measures.
        self.assertTrue(self.demo("prepared").answers_submitted_on)
        self.assertTrue(self.demo("prepared").line_ids.filtered("answer_text"))
        self.assertTrue(self.demo("declined").decline_reason)
        evaluated = self.demo("evaluated")
        self.assertTrue(evaluated.board_evaluation)
        self.assertEqual(
            sorted(evaluated.measure_ids.mapped("state")), ["done", "open"]
        )
        paper = self.demo("paper")
        self.assertEqual(paper.state, "prepared")
        self.assertTrue(paper.answers_transcribed)
        self.assertEqual(paper.transcribed_by_id, self.env.ref("base.user_demo"))

    def test_flemish_employees_read_dutch(self):
        prepared = self.demo("prepared")
        self.assertEqual(prepared.employee_id.lang, "nl_BE")
        self.assertEqual(prepared._leaver_lang(), "nl_BE")
        self.assertIn("Algemeen", prepared.line_ids.mapped("section_name"))

    def test_the_follow_up_outlives_the_interview(self):
        evaluated = self.demo("evaluated")
        contact = evaluated.keep_in_touch_partner_id
        self.assertEqual(contact.email, "bram.maes@example.com")
        self.assertIn(
            self.env.ref("hr_exit_interview.res_partner_category_keep_in_touch"),
            contact.category_id,
        )
        advice = self.env.ref("hr_exit_interview.demo_job_youth_worker").advice_ids
        self.assertEqual(advice, evaluated.successor_advice_id)
        self.assertNotIn("Bram", advice.advice)

    def test_one_interview_took_place_in_writing(self):
        written = self.demo("written")
        self.assertTrue(written.written_only)
        self.assertEqual(written.state, "shared")
        self.assertFalse(written.planned_start)
        self.assertFalse(written.calendar_event_id)
        self.assertTrue(written.line_ids.filtered("answer_text"))

    def test_a_leaver_was_told_what_was_done(self):
        evaluated = self.demo("evaluated")
        self.assertTrue(evaluated.told_consent)
        self.assertTrue(evaluated.told_on)
        self.assertEqual(
            evaluated.told_measure_ids,
            evaluated.measure_ids.filtered("leaver_shareable"),
        )
        self.assertEqual(evaluated._latest_sending().email, "bram.maes@example.com")
