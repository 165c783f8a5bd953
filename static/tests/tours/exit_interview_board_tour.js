import { registry } from "@web/core/registry";

/**
 * A board member reaches a waiting report in three clicks from the home screen:
 * the apps menu, the Exit Interviews app (its first screen is the reports waiting
 * for the board), the report in the list; the form opens on the report.
 */
registry.category("web_tour.tours").add("hr_exit_interview_board", {
    steps: () => [
        {
            content: "1. The apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "2. The Exit Interviews app",
            trigger: ".o_app[data-menu-xmlid='hr_exit_interview.hr_exit_interview_menu_root']",
            run: "click",
        },
        {
            content: "3. The report waiting for the board",
            trigger: ".o_list_view .o_data_row:contains(Rita Reported) .o_data_cell:first",
            run: "click",
        },
        {
            content: "The form opens on the short report",
            trigger: ".o_form_view .o_notebook .nav-link.active:contains(Report)",
        },
        {
            content: "The report itself is there",
            trigger: ".o_form_view .o_notebook .tab-pane.active:contains(A warm goodbye)",
        },
    ],
});
