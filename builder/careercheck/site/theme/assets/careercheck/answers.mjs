// The form's answers: read from the questions, saved in this tab's storage and
// put back after a reload (only what fits, through restore.mjs).
import { readAnswers } from "./restore.mjs";

const inputsOf = (question) => [...question.querySelectorAll("input, select, textarea")];

// One answer per question, by type; undefined when not answered.
export function answerOf(question) {
  const inputs = inputsOf(question);
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

export function answersOf(questions) {
  const result = Object.create(null);
  for (const question of questions) {
    const value = answerOf(question);
    if (value !== undefined) result[question.dataset.question] = value;
  }
  return result;
}

export function optionLabel(question, value) {
  if (question.dataset.type === "text") return value;
  const option = [...question.querySelectorAll("option, input")].find((o) => o.value === value);
  return option.tagName === "OPTION" ? option.textContent : option.closest("label").querySelector("span").textContent;
}

// What the form holds, as it is saved: a chosen job is kept with its name, so it can be shown again.
export function formRecord(questions) {
  const labels = Object.create(null);
  for (const question of questions.filter((q) => q.dataset.type === "occupation")) {
    const chosen = question.querySelector("input[type=radio]:checked");
    if (chosen) labels[`${question.dataset.question}:label`] = optionLabel(question, chosen.value);
  }
  return { ...answersOf(questions), ...labels };
}

export function saveAnswers(storage, key, questions) {
  storage.set("sessionStorage", key, JSON.stringify(formRecord(questions)));
}

// Back into the form: only what fits its question. Says whether something was dropped.
export function restoreAnswers(storage, key, questions) {
  const { dropped } = fillFromText(questions, storage.get("sessionStorage", key));
  if (dropped) saveAnswers(storage, key, questions); // what did not fit stays out, also after the next reload
  return dropped;
}

// Answers as formRecord gives them, as JSON text (untrusted: kept or shared), into the form, only what
// fits: {filled: how many questions got an answer, dropped: whether something was left out}.
export function fillFromText(questions, text) {
  const { answers, dropped } = readAnswers(questions.map(described), text);
  fillAnswers(questions, answers);
  return { filled: answers.size, dropped };
}

// Answers that fit (Map(name -> value), from restore.mjs) into an empty form.
export function fillAnswers(questions, answers) {
  for (const question of questions) {
    const value = answers.get(question.dataset.question);
    if (value === undefined) continue;
    const inputs = inputsOf(question);
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
        showJobs(question, { jobs: [], keep: value });
        break;
      default:
        for (const input of inputs) input.checked = [].concat(value).includes(input.value);
    }
  }
}

// A question as restore.mjs needs it: what the form can hold.
export function described(question) {
  const { question: name, type } = question.dataset;
  const inputs = inputsOf(question);
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

export function touchSlider(question) {
  question.dataset.touched = "true";
  question.querySelector("[data-slider-value]").textContent = question.querySelector("input").value;
}

// An empty form, as before the first answer.
export function clearAnswers(form, questions, notChosen) {
  form.reset();
  for (const question of questions.filter((q) => q.dataset.type === "slider")) {
    delete question.dataset.touched;
    question.querySelector("[data-slider-value]").textContent = notChosen;
  }
  for (const results of form.querySelectorAll("[data-job-results]")) results.replaceChildren();
  for (const none of form.querySelectorAll("[data-job-none]")) none.hidden = true;
}

// The job search's results as choices; the current choice stays while the person searches on.
export function showJobs(question, { jobs, keep }) {
  const name = question.dataset.question;
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
  const typed = question.querySelector("[data-job-search]").value.trim();
  question.querySelector("[data-job-none]").hidden = list.length > 0 || typed.length < 2;
}
