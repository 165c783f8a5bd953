"""Query counts that do not grow with the number of questions: a later change that
adds a query per question fails here. Timings live in the benchmark (`make bench`)."""

from datetime import date
from unittest.mock import patch

from odoo.fields import Command
from odoo.models import BaseModel
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
            interview.action_share_with_board()

    # Departures through hr's wizard

    def departing_employees(self, count):
        return self.env["hr.employee"].create(
            [
                {
                    "name": f"Departing {i}",
                    "job_title": "Consultant",
                    "parent_id": self.manager.id,
                }
                for i in range(count)
            ]
        )

    def depart(self, employee, reason, template=None, plan=None):
        """Register the departure through hr's wizard as an officer does, with
        tracking on as in production. plan=False unticks "Plan an Exit Interview":
        the wizard then does what hr's alone does (the addon's override calls it and
        stops), the honest "without the addon" of the same run."""
        values = {
            "employee_id": employee.id,
            "departure_reason_id": reason.id,
            "departure_date": date(2031, 6, 30),
        }
        if template:
            values["exit_interview_template_id"] = template.id
        if plan is not None:
            values["plan_exit_interview"] = plan
        self.env["hr.departure.wizard"].with_user(self.officer).with_context(
            tracking_disable=False, active_id=employee.id, toggle_active=True
        ).create(values).action_register_departure_and_plan()
        self.env.flush_all()

    def departure_queries(self, reason, template=None, plan=None, warm_up=2):
        """Queries of one departure, once warm: each departure is a new employee's,
        from an empty record cache, as each is a request of its own."""
        employees = self.departing_employees(warm_up + 1)
        for employee in employees[:-1]:
            self.env.invalidate_all()
            self.depart(employee, reason, template, plan)
        self.env.invalidate_all()
        with patch("random.random", lambda: 1):
            count0 = self.cr.sql_log_count
            self.depart(employees[-1], reason, template, plan)
            return self.cr.sql_log_count - count0

    def plan_plainly(self, employee, template):
        """Create what a planning departure creates (the interview with its lines,
        its calendar event with its attendee, the creation message and the
        interviewer as follower) with plain ORM create calls: the addon's own models
        through the ORM's create without any override (neither the addon's nor
        mail's), Odoo's calendar event and mail records through their public create.
        The reference of the departure's cost."""
        # The officer's own, as the departure's, in superuser mode: no access
        # checks to count.
        interviewer = self.officer
        env = self.env(user=interviewer, su=True, context={"tracking_disable": False})
        values = employee._exit_interview_snapshot()
        values.update(
            employee_id=employee.id,
            departure_reason_id=self.resigned.id,
            last_working_day=date(2031, 6, 30),
            interviewer_id=interviewer.id,
            template_id=template.id,
            kept_out_user_ids=[
                Command.set(employee._exit_interview_leader_users().ids)
            ],
            leaders_kept_out=True,
        )
        values.update(
            env["hr.exit.interview"]._statistics_values(
                values["hire_date"], values["last_working_day"]
            )
        )
        interview = BaseModel.create(env["hr.exit.interview"], [values])
        BaseModel.create(
            env["hr.exit.interview.line"],
            [
                dict(line, interview_id=interview.id)
                for line in template._interview_line_values(employee.lang)
            ],
        )
        event = env["calendar.event"].create(interview._calendar_event_values())
        BaseModel.write(interview, {"calendar_event_id": event.id})
        env["mail.followers"].create(
            {
                "res_model": interview._name,
                "res_id": interview.id,
                "partner_id": interviewer.partner_id.id,
                "subtype_ids": [
                    Command.set(
                        env["mail.message.subtype"]._default_subtypes(interview._name)[
                            0
                        ]
                    )
                ],
            }
        )
        env["mail.message"].create(
            {
                "model": interview._name,
                "res_id": interview.id,
                "body": interview._creation_message(),
                "message_type": "notification",
                "subtype_id": env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
                "author_id": interviewer.partner_id.id,
            }
        )
        env.flush_all()
        return interview

    def plain_plan_queries(self, template, warm_up=2):
        employees = self.departing_employees(warm_up + 1)
        for employee in employees[:-1]:
            self.env.invalidate_all()
            self.plan_plainly(employee, template)
        self.env.invalidate_all()
        with patch("random.random", lambda: 1):
            count0 = self.cr.sql_log_count
            self.plan_plainly(employees[-1], template)
            return self.cr.sql_log_count - count0

    @staticmethod
    def planned_records(interview):
        """What a planned interview is made of, counted per kind: the reference must
        create the same."""
        thread = [("model", "=", interview._name), ("res_id", "=", interview.id)]
        env = interview.env(su=True)
        return {
            "lines": len(interview.line_ids),
            "attendees": len(interview.calendar_event_id.attendee_ids),
            "messages": env["mail.message"].search_count(thread),
            "followers": env["mail.followers"].search_count(
                [("res_model", "=", interview._name), ("res_id", "=", interview.id)]
            ),
            "activities": env["mail.activity"].search_count(
                [("res_model", "=", interview._name), ("res_id", "=", interview.id)]
            ),
        }


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

    def test_planning_departure_queries_do_not_grow_with_questions_or_employees(self):
        small = self.departure_queries(self.resigned, self.interviews[10].template_id)
        self.departing_employees(200)
        large = self.departure_queries(self.resigned, self.interviews[100].template_id)
        self.assertEqual(large, small)
        interviews = self.env["hr.exit.interview"].search(
            [("employee_id.name", "=like", "Departing %")]
        )
        self.assertEqual(len(interviews), 6)
        self.assertEqual(
            sorted(set(interviews.mapped(lambda i: len(i.line_ids)))), [10, 100]
        )

    def test_departure_planning_nothing_costs_what_hr_departure_costs(self):
        # At most the reason's read, which tells that it proposes no interview.
        self.assertLessEqual(
            self.departure_queries(self.fired),
            self.departure_queries(self.fired, plan=False) + 1,
        )
