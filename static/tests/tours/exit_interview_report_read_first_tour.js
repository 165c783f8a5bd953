import {registry} from "@web/core/registry";

/**
 * The employee reads the short report on a phone, before the board: the report
 * fits the screen, the comment field and both buttons are reached, and Comment
 * thanks them on a page that shows nothing of the report any more.
 */
registry.category("web_tour.tours").add("hr_exit_interview_report_read_first_phone", {
    steps: () => [
        {
            content: "The short report is shown, within the phone's width",
            trigger: ".o_exit_interview_report_texts:contains(The camps carried the team)",
            run() {
                if (document.documentElement.scrollWidth > window.innerWidth) {
                    throw new Error("The page is wider than the phone");
                }
                if (document.querySelector(".o_exit_interview_form")) {
                    throw new Error("The reading page shows the questions' form");
                }
            },
        },
        {
            content: "Both answers are offered, side by side or wrapped",
            trigger: ".o_exit_interview_agree",
            run() {
                const comment = document.querySelector(".o_exit_interview_comment");
                const right = comment.getBoundingClientRect().right;
                if (right > window.innerWidth) {
                    throw new Error("The Comment button is off the screen");
                }
            },
        },
        {
            content: "Write a comment for the board",
            trigger: "textarea[name=comment]",
            run: "edit Please read it twice",
        },
        {
            content: "Send it",
            trigger: ".o_exit_interview_comment",
            run: "click",
        },
        {
            content: "The employee is thanked, the report is no longer shown",
            trigger: ".o_exit_interview_report_ended:contains(Your answer was recorded)",
            run() {
                if (document.body.textContent.includes("The camps carried the team")) {
                    throw new Error("The ended page shows the report");
                }
            },
        },
    ],
});
