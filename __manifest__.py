# Copyright 2026 hr_exit_interview contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Exit Interviews",
    "summary": "Confidential exit interviews: preparation through the portal, "
    "a short report, and the board's evaluation and actions",
    "version": "18.0.2.4.0",
    "category": "Human Resources",
    "website": "https://github.com/hr-exit-interview/hr_exit_interview",
    "author": "hr_exit_interview contributors",
    "maintainers": ["hr-exit-interview"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["hr", "portal", "mail", "calendar"],
    "external_dependencies": {"python": ["openupgradelib"]},
    "data": [
        "security/hr_exit_interview_groups.xml",
        "security/hr_exit_interview_security.xml",
        "security/ir.model.access.csv",
        "data/hr_departure_reason_data.xml",
        "data/res_partner_category_data.xml",
        "data/hr_exit_interview_template_data.xml",
        "data/mail_template_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "views/hr_exit_interview_views.xml",
        "views/hr_exit_interview_template_views.xml",
        "views/hr_exit_interview_measure_views.xml",
        "views/hr_exit_interview_reading_views.xml",
        "views/hr_employee_views.xml",
        "views/hr_job_views.xml",
        "views/hr_departure_reason_views.xml",
        "views/res_config_settings_views.xml",
        "wizard/hr_departure_wizard_views.xml",
        "wizard/hr_exit_interview_held_views.xml",
        "wizard/hr_exit_interview_send_views.xml",
        "wizard/hr_exit_interview_share_views.xml",
        "wizard/hr_exit_interview_summary_wizard_views.xml",
        "wizard/hr_exit_interview_settings_views.xml",
        "views/hr_exit_interview_portal_templates.xml",
        "report/hr_exit_interview_reports.xml",
        "report/hr_exit_interview_templates.xml",
        "views/hr_exit_interview_menus.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "hr_exit_interview/static/src/scss/hr_exit_interview_backend.scss",
        ],
        "web.assets_frontend": [
            "hr_exit_interview/static/src/scss/hr_exit_interview_portal.scss",
            "hr_exit_interview/static/src/js/exit_interview_portal_position.js",
            "hr_exit_interview/static/src/js/exit_interview_portal.js",
        ],
        "web.assets_tests": [
            "hr_exit_interview/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "demo/hr_exit_interview_demo.xml",
    ],
    # A top menu of its own: found under Odoo's default "Apps" filter.
    "application": True,
}
