import { registry } from "@web/core/registry";

/**
 * An officer opens the addon's settings from its own app and saves a change.
 */
registry.category("web_tour.tours").add("hr_exit_interview_officer_settings", {
    steps: () => [
        {
            content: "The Configuration menu",
            trigger: ".o_main_navbar button:contains(Configuration)",
            run: "click",
        },
        {
            content: "Its Settings",
            trigger: ".dropdown-menu .dropdown-item:contains(Settings)",
            run: "click",
        },
        {
            content: "The days before the last working day",
            trigger: ".o_form_view .o_field_widget[name='exit_interview_days_before'] input",
            run: "edit 12",
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_save']",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});
