import {_t} from "@web/core/l10n/translation";
import publicWidget from "@web/legacy/js/public/public_widget";

// Drafts are saved this long after the employee stops typing.
const AUTOSAVE_DELAY = 2500;
// The character counter warns from this share of the limit on.
const WARNING_RATIO = 0.9;

/**
 * A number as the page's language writes it: "10.000" in Dutch.
 *
 * @param {Number} value
 * @returns {String}
 */
function formatCount(value) {
    return new Intl.NumberFormat(document.documentElement.lang || undefined).format(value);
}

/**
 * The employee's page: a counter under a text field close to its limit that
 * warns before it (the server refuses longer text, nothing is cut), how many questions are
 * answered, and drafts saved while typing and when the page closes, with the
 * checks of Save. Each answer goes with the base the page showed of it: when
 * another window saved a newer version meanwhile, the server leaves that answer
 * out, and this page shows the newer version beside the employee's text.
 */
publicWidget.registry.ExitInterviewPortal = publicWidget.Widget.extend({
    selector: ".o_exit_interview_portal",
    events: {
        "input textarea[data-max-length]": "_onTextInput",
        "input .o_exit_interview_form": "_onAnswerInput",
        "change .o_exit_interview_form": "_onAnswerInput",
        "submit .o_exit_interview_form": "_onSubmit",
        "focusin .o_exit_interview_question": "_onFieldFocus",
        "click .o_exit_interview_keep_mine": "_onKeepMine",
        "click .o_exit_interview_use_newer": "_onUseNewer",
    },

    start() {
        this.form = this.el.querySelector(".o_exit_interview_form");
        this.autosaveUrl = this.form && this.form.dataset.autosaveUrl;
        this.statusEl = this.el.querySelector(".o_exit_interview_saved");
        this.progressEl = this.el.querySelector(".o_exit_interview_progress");
        this.dirty = false;
        this.submitting = false;
        this.inFlight = null;
        this.timer = null;
        // Bases of answers changed meanwhile elsewhere, applied once the employee
        // merges: until then, saving leaves the newer version in place.
        this.newerBases = new Map();
        for (const textarea of this.el.querySelectorAll("textarea[data-max-length]")) {
            this._addCounter(textarea);
        }
        // The buttons stay at the bottom of the screen: a field the focus moves to
        // scrolls above them, never under them (WCAG 2.4.11), however they wrap.
        this.actionsEl = this.el.querySelector(".o_exit_interview_actions");
        if (this.actionsEl) {
            this.actionsObserver = new ResizeObserver(() => this._keepFocusAboveActions());
            this.actionsObserver.observe(this.actionsEl);
        }
        if (this.autosaveUrl) {
            this._onPageHide = this._onPageHide.bind(this);
            this._onVisibilityChange = this._onVisibilityChange.bind(this);
            window.addEventListener("pagehide", this._onPageHide);
            document.addEventListener("visibilitychange", this._onVisibilityChange);
        }
        return this._super(...arguments);
    },

    destroy() {
        clearTimeout(this.timer);
        if (this.actionsObserver) {
            this.actionsObserver.disconnect();
            document.documentElement.style.scrollPaddingBottom = "";
        }
        if (this.autosaveUrl) {
            window.removeEventListener("pagehide", this._onPageHide);
            document.removeEventListener("visibilitychange", this._onVisibilityChange);
        }
        this._super(...arguments);
    },

    /**
     * The browser scrolls the caret of a field into view, not the field: on a
     * phone the buttons would still cover the lines below it.
     *
     * @param {Event} ev the focus moving into a question
     */
    _onFieldFocus(ev) {
        if (!this.actionsEl) {
            return;
        }
        const field = ev.target;
        window.requestAnimationFrame(() => {
            const box = field.getBoundingClientRect();
            const hidden = box.bottom - this.actionsEl.getBoundingClientRect().top;
            if (hidden > 0) {
                // Never so far that its top leaves the screen.
                window.scrollBy(0, Math.min(hidden, Math.max(box.top, 0)));
            }
        });
    },

    _keepFocusAboveActions() {
        document.documentElement.style.scrollPaddingBottom = `${this.actionsEl.offsetHeight}px`;
    },

    // Character counter

    _addCounter(textarea) {
        // Shown only close to the limit: a counter under every field is noise.
        const counter = document.createElement("div");
        counter.className = "form-text text-end o_exit_interview_counter d-none";
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
        counter.textContent =
            over || near
                ? _t("%(count)s / %(limit)s characters", {
                      count: formatCount(length),
                      limit: formatCount(limit),
                  })
                : "";
        counter.classList.toggle("d-none", !(over || near));
        counter.classList.toggle("text-danger", over);
        counter.classList.toggle("text-warning-emphasis", near);
        textarea.classList.toggle("is-invalid", over);
        let message = "";
        if (over) {
            message = _t(
                "%(count)s characters too many: please shorten your answer. Nothing is cut, but it cannot be saved like this.",
                {count: formatCount(length - limit)}
            );
        } else if (near) {
            message = _t("Close to the limit of %(limit)s characters.", {
                limit: formatCount(limit),
            });
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

    // Progress and autosave

    _updateProgress() {
        if (!this.progressEl) {
            return;
        }
        const questions = this.form.querySelectorAll(".o_exit_interview_question");
        let answered = 0;
        for (const question of questions) {
            const fields = this._answerFields(question);
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

    _onAnswerInput(ev) {
        if (ev.target.classList.contains("o_exit_interview_acknowledge") && ev.target.checked) {
            ev.target.removeAttribute("aria-invalid");
            ev.target.removeAttribute("aria-describedby");
            this.form.querySelector("#acknowledge_notice_error")?.remove();
        }
        this._updateProgress();
        if (!this.autosaveUrl || ev.target.type === "hidden") {
            return;
        }
        const question = ev.target.closest(".o_exit_interview_question");
        if (question) {
            // Editing an answer changed elsewhere is merging it.
            this._acceptNewer(question);
        }
        this.dirty = true;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this._autosave(), AUTOSAVE_DELAY);
    },

    _noticeAcknowledged() {
        const checkbox = this.form.querySelector(".o_exit_interview_acknowledge");
        return Boolean(this.form.dataset.noticeAcknowledged || (checkbox && checkbox.checked));
    },

    _formData() {
        return new FormData(this.form);
    },

    _setStatus(message, level) {
        this.statusEl.textContent = message;
        this.statusEl.classList.toggle("text-muted", !level);
        this.statusEl.classList.toggle("text-danger", level === "danger");
        this.statusEl.classList.toggle("text-warning-emphasis", level === "warning");
    },

    /**
     * Save the draft now, unless nothing changed or it cannot be saved yet.
     *
     * @param {Object} [options] fetch options, such as keepalive
     * @returns {Promise}
     */
    _autosave(options = {}) {
        clearTimeout(this.timer);
        if (this.inFlight) {
            // Saved again once the current save is answered.
            return this.inFlight.then(() => this._autosave(options));
        }
        if (!this.dirty || this.submitting) {
            return Promise.resolve();
        }
        this.dirty = false;
        this._setStatus(_t("Saving…"));
        this.inFlight = fetch(this.autosaveUrl, {
            method: "POST",
            body: this._formData(),
            credentials: "same-origin",
            ...options,
        })
            .then((response) => response.json())
            .then((result) => this._applyResult(result))
            .catch(() => {
                this.dirty = true;
                this._setStatus(
                    _t("Not saved: the connection was lost. Your text is still here and is saved again in a moment."),
                    "danger"
                );
                this.timer = setTimeout(() => this._autosave(), AUTOSAVE_DELAY * 4);
            })
            .finally(() => {
                this.inFlight = null;
            });
        return this.inFlight;
    },

    _applyResult(result) {
        for (const [lineId, base] of Object.entries(result.bases || {})) {
            this._setBase(lineId, base);
        }
        if (result.status === "saved") {
            this._setStatus(result.message);
        } else if (result.status === "conflict") {
            for (const conflict of result.conflicts) {
                this._showNewer(conflict);
            }
            this._setStatus(result.message, "warning");
        } else {
            this._setStatus(result.message, "danger");
        }
    },

    _question(lineId) {
        return this.form.querySelector(`.o_exit_interview_question[data-line-id="${lineId}"]`);
    },

    _setBase(lineId, base) {
        const input = this.form.querySelector(`input[name="base_${lineId}"]`);
        if (input) {
            input.value = base;
        }
    },

    // Answers changed in another window meanwhile

    _showNewer(conflict) {
        const question = this._question(conflict.line);
        if (!question) {
            return;
        }
        this.newerBases.set(String(conflict.line), conflict);
        this._removeNewer(question);
        const box = document.createElement("div");
        box.id = `answer_${conflict.line}_newer`;
        box.className = "alert alert-warning mt-2 mb-0 o_exit_interview_conflict";
        const title = document.createElement("p");
        title.className = "fw-bold mb-1";
        title.textContent = _t("Saved meanwhile in another window or on another device:");
        const newer = document.createElement("p");
        newer.className = "mb-2 o_exit_interview_newer";
        newer.style.whiteSpace = "pre-wrap";
        newer.textContent = conflict.display;
        const keep = document.createElement("button");
        keep.type = "button";
        keep.className = "btn btn-sm btn-secondary me-2 o_exit_interview_keep_mine";
        keep.textContent = _t("Keep my answer");
        const useNewer = document.createElement("button");
        useNewer.type = "button";
        useNewer.className = "btn btn-sm btn-outline-secondary o_exit_interview_use_newer";
        useNewer.textContent = _t("Use this version");
        box.append(title, newer, keep, useNewer);
        question.append(box);
        // The fields name the newer version, as they name an error.
        for (const field of this._answerFields(question)) {
            const described = (field.getAttribute("aria-describedby") || "").split(" ");
            field.setAttribute(
                "aria-describedby",
                [...described.filter((id) => id && id !== box.id), box.id].join(" ")
            );
        }
    },

    _answerFields(question) {
        return question.querySelectorAll("textarea, select, input[type=radio]");
    },

    _removeNewer(question) {
        const box = question.querySelector(".o_exit_interview_conflict");
        if (!box) {
            return;
        }
        for (const field of this._answerFields(question)) {
            const described = (field.getAttribute("aria-describedby") || "")
                .split(" ")
                .filter((id) => id && id !== box.id);
            if (described.length) {
                field.setAttribute("aria-describedby", described.join(" "));
            } else {
                field.removeAttribute("aria-describedby");
            }
        }
        box.remove();
    },

    _acceptNewer(question) {
        const conflict = this.newerBases.get(question.dataset.lineId);
        if (conflict) {
            this._setBase(conflict.line, conflict.base);
            this.newerBases.delete(question.dataset.lineId);
        }
        return conflict;
    },

    _onKeepMine(ev) {
        const question = ev.target.closest(".o_exit_interview_question");
        this._acceptNewer(question);
        this._removeNewer(question);
        this.dirty = true;
        this._autosave();
    },

    _onUseNewer(ev) {
        const question = ev.target.closest(".o_exit_interview_question");
        const conflict = this._acceptNewer(question);
        this._removeNewer(question);
        for (const field of this._answerFields(question)) {
            if (field.type === "radio") {
                field.checked = field.value === conflict.answer;
            } else {
                field.value = conflict.answer;
            }
            if (field.tagName === "TEXTAREA") {
                this._updateCounter(field);
            }
        }
        this._updateProgress();
    },

    // Leaving the page

    async _onSubmit(ev) {
        // A jQuery event: the browser's own one names the button.
        const submitter = ev.originalEvent && ev.originalEvent.submitter;
        // Only submitting needs the notice read; the page says so in its own
        // words, not in the browser's bubble.
        if (submitter && submitter.value === "submit" && !this._noticeAcknowledged()) {
            ev.preventDefault();
            this._showNoticeMissing();
            return;
        }
        clearTimeout(this.timer);
        if (this.inFlight) {
            // A draft being saved updates the bases this submission sends.
            ev.preventDefault();
            await this.inFlight;
            this.form.requestSubmit(submitter);
            return;
        }
        this.submitting = true;
    },

    _showNoticeMissing() {
        const checkbox = this.form.querySelector(".o_exit_interview_acknowledge");
        if (!checkbox) {
            return;
        }
        let error = this.form.querySelector("#acknowledge_notice_error");
        if (!error) {
            error = document.createElement("div");
            error.id = "acknowledge_notice_error";
            error.className = "invalid-feedback d-block";
            error.textContent = _t("Please confirm that you have read who reads your answers.");
            checkbox.parentElement.append(error);
        }
        checkbox.setAttribute("aria-invalid", "true");
        checkbox.setAttribute("aria-describedby", error.id);
        checkbox.focus();
    },

    _onVisibilityChange() {
        if (document.visibilityState === "hidden") {
            this._autosave({keepalive: true});
        }
    },

    _onPageHide() {
        if (this.dirty && !this.submitting) {
            this.dirty = false;
            navigator.sendBeacon(this.autosaveUrl, this._formData());
        }
    },
});

export default publicWidget.registry.ExitInterviewPortal;
