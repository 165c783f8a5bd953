import {_t} from "@web/core/l10n/translation";
import publicWidget from "@web/legacy/js/public/public_widget";

// The character counter warns from this share of the limit on.
const WARNING_RATIO = 0.9;

/**
 * The employee's page: a counter under each text field that warns before its
 * limit (the server refuses longer text, nothing is cut), and how many
 * questions are answered.
 */
publicWidget.registry.ExitInterviewPortal = publicWidget.Widget.extend({
    selector: ".o_exit_interview_portal",
    events: {
        "input textarea[data-max-length]": "_onTextInput",
        "input .o_exit_interview_form": "_onAnswerInput",
        "change .o_exit_interview_form": "_onAnswerInput",
    },

    start() {
        this.form = this.el.querySelector(".o_exit_interview_form");
        this.progressEl = this.el.querySelector(".o_exit_interview_progress");
        for (const textarea of this.el.querySelectorAll("textarea[data-max-length]")) {
            this._addCounter(textarea);
        }
        return this._super(...arguments);
    },

    // Character counter

    _addCounter(textarea) {
        const counter = document.createElement("div");
        counter.className = "form-text text-end o_exit_interview_counter";
        const warning = document.createElement("div");
        warning.className = "form-text o_exit_interview_limit";
        warning.id = `${textarea.id}_limit`;
        warning.setAttribute("aria-live", "polite");
        textarea.after(counter, warning);
        const described = textarea.getAttribute("aria-describedby");
        textarea.setAttribute(
            "aria-describedby",
            described ? `${described} ${warning.id}` : warning.id
        );
        this._updateCounter(textarea);
    },

    _updateCounter(textarea) {
        const limit = parseInt(textarea.dataset.maxLength, 10);
        const length = textarea.value.length;
        const counter = textarea.parentElement.querySelector(".o_exit_interview_counter");
        const warning = textarea.parentElement.querySelector(".o_exit_interview_limit");
        const over = length > limit;
        const near = !over && length >= limit * WARNING_RATIO;
        counter.textContent = _t("%(count)s / %(limit)s characters", {
            count: length,
            limit,
        });
        counter.classList.toggle("text-danger", over);
        counter.classList.toggle("text-warning-emphasis", near);
        textarea.classList.toggle("is-invalid", over);
        let message = "";
        if (over) {
            message = _t(
                "%(count)s characters too many: please shorten your answer. Nothing is cut, but it cannot be saved like this.",
                {count: length - limit}
            );
        } else if (near) {
            message = _t("Close to the limit of %(limit)s characters.", {limit});
        }
        // Only a change of message is announced, not every keystroke.
        if (warning.textContent !== message) {
            warning.textContent = message;
            warning.classList.toggle("text-danger", over);
        }
    },

    _onTextInput(ev) {
        this._updateCounter(ev.target);
    },

    // Progress

    _updateProgress() {
        if (!this.progressEl) {
            return;
        }
        const questions = this.form.querySelectorAll(".o_exit_interview_question");
        let answered = 0;
        for (const question of questions) {
            const fields = question.querySelectorAll("textarea, select, input[type=radio]");
            if (
                [...fields].some((field) =>
                    field.type === "radio" ? field.checked : field.value.trim()
                )
            ) {
                answered += 1;
            }
        }
        this.progressEl.textContent = _t("%(answered)s of %(total)s questions answered", {
            answered,
            total: questions.length,
        });
    },

    _onAnswerInput() {
        this._updateProgress();
    },
});

export default publicWidget.registry.ExitInterviewPortal;
