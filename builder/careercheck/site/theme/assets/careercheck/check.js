// The check page: moves answers between the form, the engine worker, the
// profile and sessionStorage. No scoring and no branching logic here (the
// engine decides what applies), and nothing leaves the device.
import { readAnswers, readKept } from "./restore.mjs";

const PREFIX = "careercheck:"; // every key this site writes, in either storage, starts with this
const form = document.querySelector("form[data-check]");
if (form) start(form);

function start(form) {
  const storageKey = `${PREFIX}${form.dataset.check}:answers`; // this tab only (sessionStorage)
  const keptKey = `${PREFIX}${form.dataset.check}:kept`; // only when the person chooses to keep (localStorage)
  let lastResult = null;
  const profile = document.querySelector("[data-profile]");
  const status = form.querySelector("[data-status]");
  const notice = form.querySelector("[data-notice]");
  const confirmErase = document.querySelector("[data-erase-confirm]");
  const submit = form.querySelector("button[type=submit]");
  const back = form.querySelector("[data-back]");
  const ui = JSON.parse(profile.querySelector("script[data-ui]").textContent);
  const sections = [...form.querySelectorAll("[data-section]")];
  const questions = [...form.querySelectorAll("[data-question]")];
  const storage = guardedStorage(() => note("storage_refused"));
  let shown = null; // what the engine says applies; null until it has answered: everything
  let current = 0; // index among the sections that apply
  let engineError = null; // once the engine has failed, it will not recover in this page
  let asked = 0; // questions to the engine about what applies, and answers received:
  let told = 0; //  while they differ, moving on could skip a question that now applies
  let moveWhenTold = false;

  const worker = new Worker(new URL("./worker.mjs", import.meta.url), { type: "module" });
  const url = (relative) => relative && new URL(relative, document.baseURI).href;
  const siteUrl = (path) => new URL(path, new URL(`${form.dataset.root}/`, document.baseURI)).href;
  worker.postMessage({
    type: "init", specUrl: url(form.dataset.spec),
    occupationsUrl: url(form.dataset.occupations), escoUrl: url(form.dataset.esco),
  });
  worker.onmessage = ({ data }) => {
    if (data.type === "ready") {
      form.dataset.engine = "ready";
      askWhatApplies();
    } else if (data.type === "visible") {
      shown = data.visible;
      told += 1;
      if (told === asked) delete form.dataset.pending;
      render();
      if (moveWhenTold && told === asked) {
        moveWhenTold = false;
        next();
      }
    } else if (data.type === "jobs") showJobs(data);
    else if (data.type === "result" && profile.dataset.state === "pending") showProfile(data.result); // not after an erase
    else if (data.type === "error") engineFailed(data.message);
  };
  worker.onerror = (event) => engineFailed(event.message);

  restore();
  form.querySelector("[data-progress]").hidden = false;
  render();
  submit.disabled = false;

  let searching = null;
  form.addEventListener("input", (event) => {
    const slider = event.target.closest("[data-type=slider]");
    if (slider) touchSlider(slider);
    if (event.target.matches("[data-job-search]")) {
      clearTimeout(searching); // search when the person pauses typing
      const question = event.target.closest("[data-question]").dataset.question;
      searching = setTimeout(() => worker.postMessage({ type: "search", question, query: event.target.value }), 200);
    }
  });
  form.addEventListener("change", () => {
    save();
    askWhatApplies();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (told < asked) moveWhenTold = true;
    else next();
  });
  back.addEventListener("click", () => go(current - 1));
  // Only after a yes in the dialog: its form closes it, with either button or Escape.
  form.querySelector("[data-erase]").addEventListener("click", () => confirmErase.showModal());
  confirmErase.querySelector("[data-erase-yes]").addEventListener("click", erase);
  profile.querySelector("[data-print]").addEventListener("click", () => window.print());
  profile.querySelector("[data-keep]").addEventListener("click", keep);

  function askWhatApplies() {
    if (form.dataset.engine !== "ready") return;
    asked += 1;
    form.dataset.pending = "true";
    worker.postMessage({ type: "visible", answers: answers() });
  }

  function next() {
    if (current < applying().length - 1) return go(current + 1);
    if (engineError) return fail(engineError);
    status.textContent = ui.busy;
    profile.dataset.state = "pending";
    worker.postMessage({ type: "score", answers: answers() });
  }

  function applying() {
    return sections.filter((s) => !shown || shown.sections.includes(s.dataset.section));
  }

  function go(index) {
    current = index;
    render();
    // Show the progress and the part's title together; focus the title for screen readers.
    form.querySelector("[data-progress]").scrollIntoView({ block: "start" });
    applying()[current].querySelector("h2").focus({ preventScroll: true });
  }

  function render() {
    const sectionsNow = applying();
    current = Math.max(0, Math.min(current, sectionsNow.length - 1));
    for (const section of sections) section.hidden = section !== sectionsNow[current];
    for (const question of questions) {
      question.hidden = Boolean(shown) && !shown.questions.includes(question.dataset.question);
    }
    const title = sectionsNow[current].querySelector("h2").textContent;
    form.querySelector("[data-progress-text]").textContent = fill(ui.progress, {
      n: current + 1, total: sectionsNow.length, title,
    });
    const bar = form.querySelector("[data-progress-bar]");
    bar.max = sectionsNow.length;
    bar.value = current + 1;
    back.hidden = current === 0;
    submit.textContent = current < sectionsNow.length - 1 ? submit.dataset.next : submit.dataset.finish;
  }

  // One answer per question, by type; undefined when not answered.
  function answerOf(question) {
    const inputs = [...question.querySelectorAll("input, select, textarea")];
    switch (question.dataset.type) {
      case "multiple": {
        const chosen = inputs.filter((i) => i.checked).map((i) => i.value);
        return chosen.length ? chosen : undefined;
      }
      case "ranking": {
        const ranked = inputs.map((s) => s.value).filter(Boolean);
        return ranked.length ? ranked : undefined;
      }
      case "slider":
        return question.dataset.touched ? inputs[0].value : undefined;
      case "text":
        return inputs[0].value.trim() || undefined;
      default:
        return inputs.find((i) => i.checked)?.value;
    }
  }

  function answers() {
    const result = Object.create(null);
    for (const question of questions) {
      const value = answerOf(question);
      if (value !== undefined) result[question.dataset.question] = value;
    }
    return result;
  }

  function save() {
    // A chosen job is kept with its name, so the choice can be shown again after a reload.
    const labels = Object.create(null);
    for (const question of questions.filter((q) => q.dataset.type === "occupation")) {
      const chosen = question.querySelector("input[type=radio]:checked");
      if (chosen) labels[`${question.dataset.question}:label`] = optionLabel(question, chosen.value);
    }
    storage.set("sessionStorage", storageKey, JSON.stringify({ ...answers(), ...labels }));
  }

  // The job search's results as choices; the current choice stays while the person searches on.
  function showJobs({ question: name, jobs, keep, query }) {
    const question = questions.find((q) => q.dataset.question === name);
    const search = question.querySelector("[data-job-search]");
    if (query !== undefined && query !== search.value) return; // an answer to an earlier search (or before an erase)
    const chosen = keep || (() => {
      const input = question.querySelector("input[type=radio]:checked");
      return input && { uuid: input.value, label: optionLabel(question, input.value) };
    })();
    const list = chosen ? [chosen, ...jobs.filter((j) => j.uuid !== chosen.uuid)] : jobs;
    const choices = list.map((job) => {
      const label = document.createElement("label");
      label.className = "cc-choice";
      const input = Object.assign(document.createElement("input"), { type: "radio", name, value: job.uuid });
      input.checked = Boolean(chosen) && job.uuid === chosen.uuid;
      const text = document.createElement("span");
      text.textContent = job.label;
      label.append(input, text);
      return label;
    });
    question.querySelector("[data-job-results]").replaceChildren(...choices);
    const typed = search.value.trim();
    question.querySelector("[data-job-none]").hidden = list.length > 0 || typed.length < 2;
  }

  // Back into the form: only what fits its question (restore.mjs), with a note when something did not.
  function restore() {
    const { answers: saved, dropped } = readAnswers(questions.map(described), storage.get("sessionStorage", storageKey));
    if (dropped) note("not_restored");
    for (const question of questions) {
      const value = saved.get(question.dataset.question);
      if (value === undefined) continue;
      const inputs = [...question.querySelectorAll("input, select, textarea")];
      switch (question.dataset.type) {
        case "ranking":
          inputs.forEach((select, i) => { select.value = value[i] ?? ""; });
          break;
        case "slider":
          inputs[0].value = value;
          touchSlider(question);
          break;
        case "text":
          inputs[0].value = value;
          break;
        case "occupation":
          showJobs({ question: question.dataset.question, jobs: [], keep: value });
          break;
        default:
          for (const input of inputs) input.checked = [].concat(value).includes(input.value);
      }
    }
    if (dropped) save(); // what did not fit stays out, also after the next reload
  }

  // A question as restore.mjs needs it: what the form can hold.
  function described(question) {
    const { question: name, type } = question.dataset;
    const inputs = [...question.querySelectorAll("input, select, textarea")];
    switch (type) {
      case "ranking":
        return { name, type, places: inputs.length, options: [...inputs[0].options].map((o) => o.value).filter(Boolean) };
      case "slider":
        return { name, type, min: Number(inputs[0].min), max: Number(inputs[0].max) };
      case "text":
        return { name, type, maxLength: inputs[0].maxLength };
      case "occupation":
        return { name, type };
      default:
        return { name, type, options: inputs.map((i) => i.value) };
    }
  }

  function touchSlider(question) {
    question.dataset.touched = "true";
    question.querySelector("[data-slider-value]").textContent = question.querySelector("input").value;
  }

  // Earlier profiles the person chose to keep: [{date, scores: Map(scale -> score)}], newest last.
  function kept() {
    const { kept: list, dropped } = readKept(storage.get("localStorage", keptKey));
    if (dropped) note("kept_not_restored");
    return list;
  }

  function keep() {
    const scored = lastResult.scales.filter((s) => s.status === "scored").map((s) => [s.id, s.score]);
    const list = [...kept(), { date: new Date().toISOString().slice(0, 10), scores: scored }]
      .map(({ date, scores }) => ({ date, scores: Object.fromEntries(scores) }));
    if (!storage.set("localStorage", keptKey, JSON.stringify(list))) return; // the notice says why
    profile.querySelector("[data-keep]").disabled = true;
    status.textContent = ui.kept;
  }

  // Everything of every check on this site, in this tab and on this device; then a clean form.
  function erase() {
    storage.eraseAll();
    clearTimeout(searching);
    form.reset();
    for (const question of questions.filter((q) => q.dataset.type === "slider")) {
      delete question.dataset.touched;
      question.querySelector("[data-slider-value]").textContent = ui.not_chosen;
    }
    for (const results of form.querySelectorAll("[data-job-results]")) results.replaceChildren();
    for (const none of form.querySelectorAll("[data-job-none]")) none.hidden = true;
    for (const restoring of notice.querySelectorAll("[data-note$=not_restored]")) restoring.remove(); // about what is gone now
    lastResult = null;
    profile.hidden = true;
    profile.dataset.state = "empty";
    current = 0;
    askWhatApplies();
    render();
    status.textContent = ui.erased;
  }

  // Once per note: a calm line above the questions, read out by screen readers.
  function note(key) {
    if (notice.querySelector(`[data-note=${key}]`)) return;
    const line = Object.assign(document.createElement("p"), { textContent: ui[key] });
    line.dataset.note = key;
    notice.append(line);
  }

  function engineFailed(message) {
    engineError = message;
    // No answer about what applies will come now: stop waiting for it, show everything.
    told = asked;
    shown = null;
    delete form.dataset.pending;
    render();
    if (profile.dataset.state === "pending") fail(message);
    if (moveWhenTold) {
      moveWhenTold = false;
      next();
    }
  }

  function fail(message) {
    console.error("careercheck:", message);
    profile.dataset.state = "error";
    status.textContent = ui.failed;
  }

  function showProfile(result) {
    lastResult = result;
    const number = new Intl.NumberFormat(form.dataset.lang, { maximumFractionDigits: 2 });
    const earlier = kept().at(-1);
    // Interest scales are summed up in the Holland code, not shown one by one.
    const cards = result.scales.filter((s) => !s.letter).map((s) => scaleCard(s, number, earlier));
    const comparing = profile.querySelector("[data-profile-earlier]");
    comparing.hidden = !earlier;
    if (earlier) comparing.textContent = fill(ui.earlier_intro, { date: longDate(earlier.date) });
    profile.querySelector("[data-keep]").disabled = false;
    profile.querySelector("[data-profile-scales]").replaceChildren(...cards);
    profile.querySelector("[data-profile-conclusions]").replaceChildren(...result.conclusions.map(conclusionCard));
    showInterests(result.riasec, result.scales, number);
    showOptions(result.options);
    showQuality(result.quality);
    showOwnAnswers(result.visible.questions);
    const date = profile.querySelector("[data-profile-date]");
    date.dateTime = new Date().toISOString().slice(0, 10);
    date.textContent = longDate(date.dateTime);
    profile.hidden = false;
    profile.dataset.state = "ready";
    status.textContent = ui.done;
    profile.focus();
  }

  function cardFrom(selector) {
    const card = profile.querySelector(selector).content.cloneNode(true);
    return [card, (name) => card.querySelector(`[data-field=${name}]`)];
  }

  function longDate(isoDate) {
    return new Date(`${isoDate}T12:00:00`).toLocaleDateString(form.dataset.lang, { dateStyle: "long" });
  }

  function scaleCard(scale, number, earlier) {
    const [card, field] = cardFrom("template[data-scale-template]");
    field("name").textContent = scale.name;
    if (scale.status === "scored") {
      field("label").textContent = scale.band.label;
      field("text").textContent = scale.band.text;
      field("score").textContent = `(${ui.score}: ${fill(ui.score_of, {
        score: number.format(scale.score), min: number.format(scale.min), max: number.format(scale.max),
      })})`;
      field("bar").style.width = `${(100 * (scale.score - scale.min)) / (scale.max - scale.min)}%`;
      field("norms").textContent = scale.norms ? fill(ui.norms, scale.norms) : "";
      const before = earlier?.scores.get(scale.id);
      if (typeof before === "number") {
        field("earlier").textContent = fill(ui.earlier, { date: longDate(earlier.date), score: number.format(before) });
      }
    } else {
      field("text").textContent = `${ui.not_scored} ${fill(ui.answered, scale)}`;
      field("bar").parentElement.remove();
    }
    return card;
  }

  function conclusionCard(conclusion) {
    const [card, field] = cardFrom("template[data-conclusion-template]");
    field("title").textContent = conclusion.title;
    field("text").textContent = conclusion.text;
    if (conclusion.link?.url != null) {
      const link = document.createElement("a");
      link.href = siteUrl(conclusion.link.url);
      link.textContent = conclusion.link.label;
      field("link").append(link);
    }
    return card;
  }

  function showInterests(riasec, scales, number) {
    const box = profile.querySelector("[data-profile-interests]");
    box.hidden = !riasec || riasec.status !== "scored";
    if (box.hidden) return;
    const byScore = scales.filter((s) => s.letter).sort((a, b) => b.score - a.score);
    box.querySelector("[data-field=scores]").textContent = byScore
      .map((s) => `${s.letter} ${s.name} ${number.format(s.score)}`).join(" · ");
    const letters = (code) => [...code].map((l) => `${l} (${ui.letters[l]})`).join(", ");
    const lines = riasec.code
      ? [fill(ui.code, { code: riasec.code, letters: letters(riasec.code) })]
        .concat(riasec.tied ? [fill(ui.code_tied, { codes: riasec.codes.slice(1).join(", ") })] : [])
      : [ui.code_flat];
    box.querySelector("[data-field=code]").textContent = lines.join(" ");
  }

  // Occupations that may fit, each with the reasons in the person's own terms.
  function showOptions(options) {
    const box = profile.querySelector("[data-profile-options]");
    box.hidden = !options || options.length === 0;
    if (box.hidden) return;
    const labels = (name, ids) => {
      const question = questions.find((q) => q.dataset.question === name);
      return ids.map((id) => (question ? optionLabel(question, id) : id)).join(", ");
    };
    const matching = JSON.parse(form.dataset.matching || "{}");
    const items = options.map((option) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = siteUrl(option.url);
      link.textContent = option.title;
      const why = [
        option.interests && fill(ui.why_interests, option.interests),
        option.values.length && fill(ui.why_values, { values: labels(matching.values, option.values) }),
        option.skills.length && fill(ui.why_skills, { skills: labels(matching.skills, option.skills) }),
        option.develop.length && fill(ui.develop, { skills: labels(matching.skills, option.develop) }),
        distance(option.distance, (ids) => labels(matching.skills, ids)),
      ].filter(Boolean);
      const text = document.createElement("span");
      text.textContent = ` ${why.join(" ")}`;
      item.append(link, text);
      return item;
    });
    box.querySelector("[data-field=list]").replaceChildren(...items);
  }

  // How far an option is from the current job, in words.
  function distance(found, skillLabels) {
    if (!found) return "";
    if (found.same) return ui.dist_same;
    const near = [ui.dist_far, ui.dist_far, ui.dist_2, ui.dist_3, ui.dist_4][found.isco_digits];
    return found.carried.length ? `${near} ${fill(ui.carried, { skills: skillLabels(found.carried) })}` : near;
  }

  function showQuality(quality) {
    const notes = [quality.straight_lining && ui.straight_lining, quality.contradictions.length && ui.contradictions];
    const box = profile.querySelector("[data-profile-quality]");
    box.textContent = notes.filter(Boolean).join(" ");
    box.hidden = !box.textContent;
  }

  // Written answers and choices go on the profile as the person gave them.
  function showOwnAnswers(visibleQuestions) {
    const listed = ["text", "single", "multiple", "ranking", "occupation"];
    const rows = [];
    for (const question of questions) {
      const value = answerOf(question);
      if (!listed.includes(question.dataset.type) || value === undefined) continue;
      if (!visibleQuestions.includes(question.dataset.question)) continue;
      const term = document.createElement("dt");
      term.textContent = question.querySelector(".cc-question__label").textContent;
      const detail = document.createElement("dd");
      detail.textContent = [].concat(value).map((v, i) => {
        const label = optionLabel(question, v);
        return question.dataset.type === "ranking" ? `${i + 1}. ${label}` : label;
      }).join(question.dataset.type === "text" ? "" : "; ");
      rows.push(term, detail);
    }
    const box = profile.querySelector("[data-profile-answers]");
    box.querySelector("[data-field=list]").replaceChildren(...rows);
    box.hidden = rows.length === 0;
  }

  function optionLabel(question, value) {
    if (question.dataset.type === "text") return value;
    const option = [...question.querySelectorAll("option, input")].find((o) => o.value === value);
    return option.tagName === "OPTION" ? option.textContent : option.closest("label").querySelector("span").textContent;
  }
}

// Storage the browser may refuse (storage blocked, or full): every access goes
// through here, a refusal is reported once and the page goes on in memory.
function guardedStorage(refused) {
  let told = false;
  const attempt = (action, otherwise) => {
    try {
      return action();
    } catch {
      if (!told) refused();
      told = true;
      return otherwise;
    }
  };
  const ourKeys = (area) => Array.from({ length: area.length }, (_, i) => area.key(i)).filter((k) => k?.startsWith(PREFIX));
  return {
    get: (area, key) => attempt(() => window[area].getItem(key), null),
    set: (area, key, value) => attempt(() => {
      window[area].setItem(key, value);
      return true;
    }, false),
    eraseAll: () => {
      for (const name of ["sessionStorage", "localStorage"]) {
        attempt(() => ourKeys(window[name]).forEach((key) => window[name].removeItem(key)));
      }
    },
  };
}

function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));
}
