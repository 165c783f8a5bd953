import {registry} from "@web/core/registry";

/**
 * The external interviewer on a phone: from the portal home to their interview,
 * the employee's answer read, a note and the short report written, the report
 * saved, then the talk marked held; no share with the board is offered.
 */
registry.category("web_tour.tours").add("hr_exit_interview_interviewer_phone", {
    steps: () => [
        {
            content: "The portal home lists the interviews they hold",
            trigger: "a[href='/my/exit-interviews/interviewer']",
            run: "click",
        },
        {
            content: "Open the interview",
            trigger: "a[href^='/my/exit-interviews/interviewer/']",
            run: "click",
        },
        {
            content: "The employee's answer is there, the page fits the phone",
            trigger: ".o_exit_interviewer_answer:contains('The Saturday shifts')",
            run() {
                if (document.documentElement.scrollWidth > window.innerWidth) {
                    throw new Error("The page is wider than the phone");
                }
                if (document.querySelector("button[value='share']")) {
                    throw new Error("The external interviewer may not share");
                }
            },
        },
        {
            content: "A note on the question",
            trigger: "textarea[name^='note_']",
            run: "edit Talked about the rota",
        },
        {
            content: "The short report",
            trigger: "textarea[name='report_summary']",
            run: "edit A calm talk about the weekend rota",
        },
        {
            content: "Save the report",
            trigger: ".o_exit_interviewer_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_exit_interviewer_message:contains('saved')",
        },
        {
            content: "Mark the talk held",
            trigger: ".o_exit_interviewer_held",
            run: "click",
        },
        {
            content: "Held, and still no share",
            trigger: ".o_exit_interviewer_message:contains('marked held')",
            run() {
                if (document.querySelector(".o_exit_interviewer_held")) {
                    throw new Error("The talk can be marked held twice");
                }
            },
        },
    ],
});
