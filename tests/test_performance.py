"""Query counts that do not grow with the number of questions: a later change that
adds a query per question fails here. Timings live in the benchmark (`make bench`)."""

from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from .common import ExitInterviewCase, csrf_token

KINDS = ("text", "rating", "yes_no")
ANSWERS = {"text": "An answer", "rating": "4", "yes_no": "yes"}
# The portal page stays as light as Odoo's own portal pages.
PORTAL_GET_MAX_QUERIES = 40

# The fields of the back-office form, with its question lines.
FORM_SPECIFICATION = {
    "name": {},
    "state": {},
    "employee_id": {"fields": {"display_name": {}}},
    "department_id": {"fields": {"display_name": {}}},
    "interviewer_id": {"fields": {"display_name": {}}},
    "departure_reason_id": {"fields": {"display_name": {}}},
    "last_working_day": {},
    "planned_start": {},
    "planning_warning": {},
    "report_summary": {},
    "line_ids": {
        "fields": {
            "sequence": {},
            "section_name": {},
            "question": {},
            "question_type": {},
            "answer_display": {},
            "interviewer_note": {},
        }
    },
}


class QueryCountCase(HttpCase, ExitInterviewCase):
    """Interviews of 10 and 100 answered questions, and the operations to count."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = cls.make_portal_user("perf_portal")
        cls.tokens = {}
        cls.interviews = {size: cls.answered_interview(size) for size in (10, 100)}

    @classmethod
    def answered_interview(cls, size):
        employee = cls.env["hr.employee"].create({"name": f"Leaver {size}"})
        template = cls.create_template(
            *((f"Question {i}?", KINDS[i % 3]) for i in range(size)),
            name=f"{size} questions",
        )
        interview, token = cls.create_invited_interview(
            employee_id=employee.id, template_id=template.id
        )
        cls.tokens[interview] = token
        interview._portal_record_choices(True, False)
        interview._portal_save_answers(
            {line.id: ANSWERS[line.question_type] for line in interview.line_ids}
        )
        return interview

    def count_queries(self, operation):
        """Queries of the operation, once warm: two runs, each from an empty record
        cache, fill the registry's caches."""
        self.warm_up(operation)
        # As assertQueryCount: no random bus garbage collection.
        with patch("random.random", lambda: 1):
            count0 = self.cr.sql_log_count
            operation()
            self.env.flush_all()
            return self.cr.sql_log_count - count0

    def warm_up(self, operation):
        for _run in range(2):
            operation()
            self.env.flush_all()
            self.env.invalidate_all()

    def portal_get(self, interview):
        url = self.portal_path(interview, self.tokens[interview])

        def operation():
            response = self.url_open(url)
            self.assertEqual(response.status_code, 200)

        return operation

    def portal_post(self, interview):
        data = {
            "access_token": self.tokens[interview],
            "csrf_token": csrf_token(
                self.url_open(self.portal_path(interview, self.tokens[interview])).text
            ),
            "action": "save",
            **{
                f"answer_{line.id}": ANSWERS[line.question_type]
                for line in interview.line_ids
            },
        }

        def operation():
            response = self.url_open(
                f"/my/exit-interviews/{interview.id}/answer", data=data
            )
            self.assertEqual(response.status_code, 200)

        return operation

    def form_read(self, interview):
        def operation():
            interview.with_user(self.officer).web_read(FORM_SPECIFICATION)

        return operation

    def board_report(self, interview):
        def operation():
            self.env["ir.actions.report"].with_user(self.board)._render_qweb_html(
                "hr_exit_interview.action_report_exit_interview", interview.ids
            )

        return operation

    def assert_same_count(self, make_operation):
        """The 100-question interview costs no more queries than the 10-question one."""
        small = self.count_queries(make_operation(self.interviews[10]))
        large = make_operation(self.interviews[100])
        self.warm_up(large)
        with patch("random.random", lambda: 1), self.assertQueryCount(small):
            large()
        return small

    def report_interviews(self):
        for interview in self.interviews.values():
            interview.write({"state": "held", "report_summary": "Report"})
            self.agree_board_reads_answers(interview)
            interview.action_report()


@tagged("post_install", "-at_install")
class TestQueryCounts(QueryCountCase):
    def test_portal_page_queries_do_not_grow_with_questions(self):
        queries = self.assert_same_count(self.portal_get)
        self.assertLess(queries, PORTAL_GET_MAX_QUERIES)

    def test_portal_save_queries_do_not_grow_with_questions(self):
        self.assert_same_count(self.portal_post)

    def test_form_queries_do_not_grow_with_questions(self):
        self.assert_same_count(self.form_read)

    def test_board_report_queries_do_not_grow_with_questions(self):
        self.report_interviews()
        self.assert_same_count(self.board_report)
