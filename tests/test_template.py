from odoo.fields import Command
from odoo.tests import tagged

from .common import ExitInterviewCase

# The guide's sections and questions, word for word ("Leidraad exitgesprek").
GUIDE_DUTCH = {
    "Algemeen": [
        "Hoe kijk je in het algemeen terug op je periode bij ons?",
        "Hoe heb je je tijd in de werking beleefd/ervaren?",
        "Wat was je mooiste moment bij ons?",
        "Waarop ben je het meest trots?",
    ],
    "Inhoudelijk": [
        "Wat heeft je het meest uitgedaagd?",
        "Wat heb je het meest geleerd in onze werking?",
        "Wat vond je leuk in je werk?",
        "Wat vond je lastige taken?",
        "Wat gaf je soms stress?",
        "Waar ben je op gebotst?",
        "Hoe beoordeel je jouw start bij ons?",
        "Had je voldoende duidelijkheid over je taken en verantwoordelijkheden?",
        "Was er voldoende informatie over de gang van zaken binnen de werking?",
        "Welke veranderingen zou je wenselijk vinden in het takenpakket of in "
        "het algemeen?",
        "Vond je de functie te zwaar/te licht en verklaar waarom?",
        "Waren er omstandigheden die je in je werkuitvoering "
        "belemmerde/stimuleerde?",
        "Wat vond je van de vorming-opleiding-ontwikkelingsmogelijkheden?",
        "Was er voldoende aandacht voor je ambities/loopbaanwensen, bijv. tijdens "
        "functioneringsgesprekken?",
    ],
    "Samenwerking": [
        "Hoe vond je de relatie met collega’s?",
        "Hoe vond je de relatie met het bestuur en/of coördinator?",
        "Hoe verliep de communicatie/samenwerking met collega’s?",
        "En met het bestuur?",
        "Wat vond je van de verschillende overleggen (team, vrijwilligers, bestuur..)",
        "Wat zou je veranderen?",
    ],
    "Organisatie": [
        "Wat ga je missen?",
        "Wat niet?",
        "Wat vond je fijn?",
        "Wat minder?",
        "Wat zou je veranderen en hoe?",
        "Welke zaken kunnen verbeterd worden?",
        "Wat zijn onze aandachtspunten?",
        "Wat zijn onze sterktes?",
        "Waar moeten we meer op inzetten?",
        "Hoe zie je de toekomst van de organisatie?",
        "Waar moeten we mee aan de slag voor de volgende beroepskracht?",
        "Wat vond je van de arbeidsvoorwaarden?",
    ],
    "Redenen voor vertrek": [
        "Welke redenen spelen een rol bij je vertrek en verklaar waarom?",
        "Wat zijn je plannen voor de toekomst en hoe kunnen we je hier nog bij "
        "helpen?",
    ],
    "Andere": [
        "Heb je nog tips voor mij als werkgever?",
        "Wil je nog iets kwijt?",
        "Zijn er nog andere zaken die nog niet aan de orde zijn geweest?",
    ],
}
GUIDE_LETTER_DUTCH = [
    "Dag [naam werknemer],",
    "Graag blik ik met jou terug op je afgelopen periode bij [werking].",
    "Vertrekkende werknemers kunnen nuttige informatie geven over de werking die "
    "zij op het punt staan te verlaten.",
]


@tagged("post_install", "-at_install")
class TestGuideTemplate(ExitInterviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.load_dutch()

    def test_guide_sections_and_questions_in_order(self):
        sections = self.template.section_ids.sorted()
        self.assertEqual(len(sections), 6)
        self.assertEqual(len(self.template.question_ids), 41)
        self.assertEqual(self.template.question_count, 41)
        self.assertEqual(sections[0].name, "General")
        self.assertTrue(all(q.question_type == "text" for q in sections.question_ids))

    def test_dutch_is_the_guide_word_for_word(self):
        dutch = self.template.with_context(lang="nl_NL")
        sections = dutch.section_ids.sorted()
        self.assertEqual(sections.mapped("name"), list(GUIDE_DUTCH))
        for section in sections:
            self.assertEqual(
                section.question_ids.sorted().mapped("name"), GUIDE_DUTCH[section.name]
            )
        self.assertEqual(dutch.name, "Leidraad exitgesprek")
        self.assertEqual(dutch.closing, "BEDANKT!")
        for sentence in GUIDE_LETTER_DUTCH:
            self.assertIn(sentence, dutch.letter)

    def test_template_is_the_company_default(self):
        self.assertEqual(
            self.env.ref("base.main_company").exit_interview_template_id, self.template
        )
        self.assertTrue(self.resigned.plan_exit_interview)
        self.assertFalse(self.fired.plan_exit_interview)

    def test_officer_copies_archives_and_edits_a_template(self):
        template = self.template.with_user(self.officer)
        copy = template.copy()
        self.assertEqual(copy.name, "Exit interview guide (copy)")
        self.assertEqual(len(copy.section_ids), 6)
        self.assertEqual(copy.question_count, 41)
        self.assertFalse(copy.question_ids & template.question_ids)
        copy.section_ids[0].question_ids[0].name = "Changed in the copy"
        self.assertNotIn("Changed in the copy", template.question_ids.mapped("name"))
        copy.section_ids[0].question_ids = [
            Command.create({"name": "How do you rate us?", "question_type": "rating"})
        ]
        copy.action_archive()
        self.assertFalse(copy.active)
        self.assertNotIn(copy, self.env["hr.exit.interview.template"].search([]))
