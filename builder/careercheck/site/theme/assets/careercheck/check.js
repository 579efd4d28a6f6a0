// The check page: wires the form to the engine (engine.mjs), the screens
// (steps.mjs), the answers and storage (answers.mjs, storage.mjs) and the
// profile (profile.mjs). No scoring and no branching logic here (the engine
// decides what applies), and nothing leaves the device.
import { answerOf, answersOf, clearAnswers, fillFromText, formRecord, restoreAnswers, saveAnswers, showJobs, touchSlider } from "./answers.mjs";
import { coachContext, forgetCoach, showCoach } from "./coach-link.mjs";
import { keepToRules } from "./controls.mjs";
import { startEngine } from "./engine.mjs";
import { keepControls } from "./keep.mjs";
import { fill } from "./messages.mjs";
import { keepForOffline } from "./offline.mjs";
import { dropFragment, fragmentOf } from "./fragment.mjs";
import { profileContext, profileView } from "./profile.mjs";
import { readAloud } from "./read-aloud.mjs";
import { readKept } from "./restore.mjs";
import { copyButtons, SHARED, sharedAnswers, shareView } from "./share.mjs";
import { steps } from "./steps.mjs";
import { guardedStorage, keptOnDevice, keysOf } from "./storage.mjs";

const SLOW_START_MS = 2500;

const form = document.querySelector("form[data-check]");
if (form) start(form);

function start(form) {
  const keys = keysOf(form.dataset.check);
  const profile = document.querySelector("[data-profile]");
  const status = form.querySelector("[data-status]");
  const notice = form.querySelector("[data-notice]");
  const failure = form.querySelector("[data-engine-failed]");
  const openNote = form.querySelector("[data-open-note]");
  const confirmErase = document.querySelector("[data-erase-confirm]");
  const submit = form.querySelector("button[type=submit]");
  const ui = JSON.parse(profile.querySelector("script[data-ui]").textContent);
  const questions = [...form.querySelectorAll("[data-question]")];
  const storage = keptOnDevice(guardedStorage(() => note("storage_refused")), keys);
  const screens = steps({ form, ui, storage, placeKey: keys.place, duration: document.querySelector("[data-duration]")?.textContent ?? "", note });
  const showProfile = profileView(profile);
  const speech = readAloud({ form, profile, ui, lang: form.dataset.lang });
  const isOpen = (question) => answerOf(question) === undefined;
  let lastResult = null;
  let asking = null; // the latest question to the engine about what applies
  let moving = false; // one click, one step, also while the engine is still answering
  let backToProfile = screens.wasAtProfile(); // after a reload, or Back from a page the profile links to
  let retried = false;

  if (restoreAnswers(storage, keys.answers, questions)) note("not_restored");
  for (const question of questions) keepToRules(question, ui);
  form.querySelector("[data-progress]").hidden = false;
  screens.render();
  submit.disabled = false;

  const engine = startEngine(form); // started already by start-engine.mjs, as a rule
  // On a slow line or phone the engine takes a while: after a moment, say so, and that the questions
  // need not wait (a fast start shows nothing).
  const slowStart = setTimeout(() => {
    if (engine.state === "loading" && !status.textContent) status.textContent = ui.engine_loading_slow;
  }, SLOW_START_MS);

  // Links: a coach's message and route above the check; answers someone shared, to see their profile.
  showCoach({ form, storage, ui, note });
  shareView({ profile, form, questions, ui, qr: (text) => engine.request("qr", { text }) });
  copyButtons(profile, ui);
  if (fragmentOf(location.hash, SHARED)) openShared(location.hash);
  // A link followed while this page is open changes only the fragment.
  window.addEventListener("hashchange", () => {
    if (fragmentOf(location.hash, SHARED)) openShared(location.hash);
    else showCoach({ form, storage, ui, note });
  });

  let searching = null;
  form.addEventListener("input", (event) => {
    const slider = event.target.closest("[data-type=slider]");
    if (slider) touchSlider(slider);
    if (event.target.matches("[data-job-search]")) {
      clearTimeout(searching); // search when the person pauses typing
      searching = setTimeout(() => search(event.target.closest("[data-question]"), event.target.value), 200);
    }
  });
  form.addEventListener("change", (event) => {
    const question = event.target.closest("[data-question]");
    if (question) keepToRules(question, ui);
    saveAnswers(storage, keys.answers, questions);
    askWhatApplies();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    step();
  });
  form.querySelector("[data-back]").addEventListener("click", () => {
    openNote.hidden = true;
    screens.back();
  });
  failure.querySelector("[data-retry]").addEventListener("click", retry);
  failure.querySelector("[data-print-questions]").addEventListener("click", () => printAs("questions"));
  openNote.querySelector("[data-open-review]").addEventListener("click", () => {
    openNote.hidden = true;
    screens.toFirstOpen(isOpen);
  });
  openNote.querySelector("[data-open-finish]").addEventListener("click", finish);
  // Only after a yes in the dialog: its form closes it, with either button or Escape.
  form.querySelector("[data-erase]").addEventListener("click", () => confirmErase.showModal());
  confirmErase.querySelector("[data-erase-yes]").addEventListener("click", erase);
  profile.querySelector("[data-print]").addEventListener("click", () => window.print());
  profile.querySelector("[data-print-poster]").addEventListener("click", () => printAs("poster"));
  profile.querySelector("[data-keep]").addEventListener("click", keep);
  keepControls({ form, questions, storage, ui, note, loaded: () => { // answers from a file: the form anew
    for (const question of questions) keepToRules(question, ui);
    saveAnswers(storage, keys.answers, questions);
    profile.hidden = true;
    profile.dataset.state = "empty";
    screens.restart();
    askWhatApplies();
  } });
  // Last, once the page is wired: an engine that is ready already is taken up at once, in this call.
  engine.listen({ loaded, failed: engineFailed });

  function loaded() {
    form.dataset.engine = "ready";
    keepForOffline();
    clearTimeout(slowStart);
    if (retried || status.textContent === ui.engine_loading_slow) status.textContent = ui.engine_ready;
    askWhatApplies();
    if (backToProfile) {
      backToProfile = false;
      finish();
    }
  }

  // The page stays usable without the engine: everything is shown, nothing is skipped.
  function engineFailed(message) {
    console.error("careercheck:", message);
    delete form.dataset.engine;
    failure.hidden = false;
  }

  function retry() {
    failure.hidden = true;
    retried = true;
    status.textContent = ui.engine_loading;
    engine.load();
  }

  // Another print of the page: every question on paper, to answer with a pen ("questions"), or the
  // profile's summary as an A3 poster ("poster"); the page is as it was afterwards.
  function printAs(kind) {
    const page = form.closest(".cc-page");
    const poster = document.querySelector("link[data-poster-style]");
    page.dataset.print = kind;
    poster.disabled = kind !== "poster";
    window.addEventListener("afterprint", () => {
      delete page.dataset.print;
      poster.disabled = true;
    }, { once: true });
    window.print();
  }

  function askWhatApplies() {
    if (engine.state !== "ready") return;
    form.dataset.pending = "true";
    const asked = engine.request("visible", { answers: answersOf(questions) }).catch((error) => {
      console.error("careercheck:", error.message);
      return null; // no answer: everything applies, so nothing is skipped
    });
    asking = asked;
    asked.then((visible) => {
      if (asking !== asked) return; // a later question is on its way
      try {
        screens.applies(visible);
      } finally {
        delete form.dataset.pending; // also after an error: step() waits on it
      }
    });
  }

  // Moving on waits for what now applies: else it could skip a question that now does.
  async function step() {
    if (moving) return;
    moving = true;
    try {
      while (form.dataset.pending) await asking;
    } finally {
      moving = false;
    }
    const noted = !openNote.hidden; // the note was said: asking again is finishing
    openNote.hidden = true;
    if (!screens.atEnd()) return screens.next();
    const open = screens.applying().filter(isOpen).length;
    if (!noted && open * 4 > screens.applying().length) return askAboutOpen(open);
    finish();
  }

  function askAboutOpen(count) {
    openNote.querySelector("[data-open-text]").textContent = fill(count === 1 ? ui.open_one : ui.open_many, { n: count });
    openNote.hidden = false;
    openNote.focus();
  }

  async function finish() {
    openNote.hidden = true;
    profile.dataset.state = "pending";
    if (engine.state === "failed") return notScored("the engine is not loaded");
    // Asked for before the engine is ready, the profile comes as soon as it is: say why it waits.
    status.textContent = engine.state === "loading" ? ui.busy_loading : ui.busy;
    try {
      const context = profileContext(form, { earlier: kept().at(-1), coach: coachContext() });
      const { result, html } = await engine.request("profile", { answers: answersOf(questions), ui, context });
      if (profile.dataset.state !== "pending") return; // erased meanwhile
      lastResult = result;
      showProfile(html);
      speech.then((reader) => reader.profileShown());
      screens.atProfile();
      status.textContent = ui.done;
      // The profile is long: begin at its top, not with it centred (where focusing would scroll).
      profile.focus({ preventScroll: true });
      profile.scrollIntoView({ block: "start" });
    } catch (error) {
      if (profile.dataset.state === "pending") notScored(error.message);
    }
  }

  // The button stays: asking again is trying again (after "Probeer opnieuw" when the engine did not load).
  function notScored(message) {
    console.error("careercheck:", message);
    profile.dataset.state = "error";
    status.textContent = ui.failed;
    if (engine.state === "failed") failure.focus();
  }

  async function search(question, query) {
    try {
      const jobs = await engine.request("search", { query });
      // Not an answer to an earlier search, nor to one from before an erase.
      if (query === question.querySelector("[data-job-search]").value) showJobs(question, { jobs });
    } catch (error) {
      console.error("careercheck:", error.message);
    }
  }

  // Earlier profiles the person chose to keep: [{date, scores: Map(scale -> score)}], newest last.
  function kept() {
    const { kept: list, dropped } = readKept(storage.get("localStorage", keys.kept));
    if (dropped) note("kept_not_restored");
    return list;
  }

  function keep() {
    const scored = lastResult.scales.filter((s) => s.status === "scored").map((s) => [s.id, s.score]);
    const list = [...kept(), { date: new Date().toISOString().slice(0, 10), scores: scored }]
      .map(({ date, scores }) => ({ date, scores: Object.fromEntries(scores) }));
    if (!storage.set("localStorage", keys.kept, JSON.stringify(list))) return; // the notice says why
    profile.querySelector("[data-keep]").disabled = true;
    status.textContent = ui.kept;
  }

  // Everything of every check on this site, in this tab and on this device; then a clean form.
  function erase() {
    storage.eraseAll();
    forgetCoach();
    clearTimeout(searching);
    clearAnswers(form, questions, ui.not_chosen);
    for (const question of questions) keepToRules(question, ui);
    for (const said of notice.querySelectorAll("[data-note$=not_restored], [data-note^=link_], [data-note^=coach_]")) said.remove(); // about what is gone now
    lastResult = null;
    openNote.hidden = true;
    profile.hidden = true;
    profile.dataset.state = "empty";
    screens.restart();
    askWhatApplies();
    status.textContent = ui.erased;
  }

  // A shared link's answers, when they fit this check: into the form (never over the person's own
  // answers without asking), then the profile, computed here. The address keeps no answers.
  async function openShared(hash) {
    dropFragment();
    const shared = await sharedAnswers(hash, form);
    if (shared.error) return note(`link_${shared.error}`);
    if (Object.keys(answersOf(questions)).length > 0 && !(await replaceOwnAnswers())) return note("link_kept_own");
    const own = JSON.stringify(formRecord(questions));
    clearAnswers(form, questions, ui.not_chosen);
    const { filled, dropped } = fillFromText(questions, shared.text);
    if (filled === 0) { // nothing fits: the form as it was
      clearAnswers(form, questions, ui.not_chosen);
      fillFromText(questions, own);
      return note("link_empty");
    }
    for (const question of questions) keepToRules(question, ui);
    saveAnswers(storage, keys.answers, questions);
    note("link_opened");
    if (shared.otherVersion) note("link_other_version");
    if (dropped) note("link_dropped");
    askWhatApplies();
    finish();
  }

  function replaceOwnAnswers() {
    const dialog = document.querySelector("[data-link-confirm]");
    return new Promise((resolve) => {
      dialog.addEventListener("close", () => resolve(dialog.returnValue === "replace"), { once: true });
      dialog.returnValue = "";
      dialog.showModal();
    });
  }

  // Once per note: a calm line above the questions, read out by screen readers.
  function note(key) {
    if (notice.querySelector(`[data-note=${key}]`)) return;
    const line = Object.assign(document.createElement("p"), { textContent: ui[key] });
    line.dataset.note = key;
    notice.append(line);
  }
}
