import {registry} from "@web/core/registry";

/**
 * The employee chooses to answer in writing, without a meeting: the page then
 * says so instead of the meeting, and the answers are submitted as usual.
 */
registry.category("web_tour.tours").add("hr_exit_interview_portal_written", {
    steps: () => [
        {
            content: "The meeting is planned",
            trigger: ".o_exit_interview_meeting",
        },
        {
            content: "Open the choice to answer in writing",
            trigger: ".o_exit_interview_written summary",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".o_exit_interview_written_confirm",
            run: "click",
        },
        {
            content: "The page says the interview takes place in writing",
            trigger: ".o_exit_interview_written_path",
        },
        {
            content: "No meeting any more, and no second offer to write",
            trigger:
                ".o_exit_interview_portal:not(:has(.o_exit_interview_meeting)):not(:has(.o_exit_interview_written))",
        },
        {
            content: "Answer the first question",
            trigger: ".o_exit_interview_form textarea:first",
            run: "edit Written from abroad",
        },
        {
            content: "Confirm having read who reads the answers",
            trigger: ".o_exit_interview_acknowledge",
            run: "click",
        },
        {
            content: "Submit the answers",
            trigger: ".o_exit_interview_submit",
            run: "click",
        },
        {
            content: "The page is locked",
            trigger: ".o_exit_interview_locked:contains(submitted)",
        },
    ],
});
