from html import unescape

from odoo.tests import tagged

from .common import BOARD_REPORT, QUESTIONS_REPORT, PortalCase


def text(html):
    """The text a reader sees: French puts a non-breaking space before ":;?!",
    which the assertions below write as a plain one."""
    return unescape(html).replace("\xa0", " ")


@tagged("post_install", "-at_install")
class TestFrench(PortalCase):
    """Belgium is bilingual: a French-speaking employee and board read the addon in
    French (i18n/fr.po, loaded as Belgian French)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_BE")
        cls.env["ir.module.module"].search(
            [("name", "=", "hr_exit_interview")]
        )._update_translations(["fr_BE"])
        cls.portal_user = cls.make_employee_portal_user("francoise_portal")
        cls.employee.lang = cls.portal_user.lang = "fr_BE"
        cls.interview, cls.token = cls.create_invited_interview()

    def test_portal_page_in_french(self):
        # Through the link: the letter, the notice and the questions are in the
        # employee's language, whatever the browser's.
        page = text(self.page().text)
        for french in (
            "Bonjour Dirk Departing,",
            f"votre parcours chez {self.company.name}.",
            "Comment avez-vous vécu votre période au sein de l'organisation ?",
            "Le conseil ne lit vos réponses que si vous l'acceptez",
        ):
            self.assertIn(french, page)
        self.assertNotIn("[nom du membre du personnel]", page)
        self.assertNotIn("Dear Dirk", page)
        # Logged in, the whole page is in the user's language.
        self.authenticate("francoise_portal", "francoise_portal")
        page = text(self.page(token=None).text)
        for french in ("Qui lit vos réponses", "Envoyer mes réponses", "Bonjour Dirk"):
            self.assertIn(french, page)

    def test_reports_in_french(self):
        leaver = self.env["hr.employee"].create(
            {"name": "Françoise Départ", "lang": "fr_BE"}
        )
        interview = self.create_interview(
            employee_id=leaver.id, state="held", report_summary="Bonne équipe"
        )
        interview.action_share_with_board()
        self.board.lang = "fr_BE"
        reports = self.env["ir.actions.report"].with_user(self.board)
        html = text(reports._render_qweb_html(BOARD_REPORT, interview.ids)[0].decode())
        self.assertIn("Rapport succinct", html)
        self.assertIn("Confidentiel : réservé au conseil d'administration", html)
        self.assertNotIn("Short Report", html)
        self.officer.lang = "fr_BE"
        reports = self.env["ir.actions.report"].with_user(self.officer)
        html = text(
            reports._render_qweb_html(QUESTIONS_REPORT, interview.ids)[0].decode()
        )
        self.assertIn("Comment évaluez-vous vos débuts chez nous ?", html)
