// The check page: moves answers between the form, the engine worker, the
// profile and sessionStorage. No scoring here, and nothing leaves the device.
const form = document.querySelector("form[data-check]");
if (form) start(form);

function start(form) {
  const storageKey = `careercheck:${form.dataset.check}:answers`;
  const profile = document.querySelector("[data-profile]");
  const status = form.querySelector("[data-status]");
  const ui = JSON.parse(profile.querySelector("script[data-ui]").textContent);

  let engineError = null; // once the engine has failed, it will not recover in this page
  const worker = new Worker(new URL("./worker.mjs", import.meta.url), { type: "module" });
  worker.postMessage({ type: "init", specUrl: new URL(form.dataset.spec, document.baseURI).href });
  worker.onmessage = ({ data }) => {
    if (data.type === "ready") form.dataset.engine = "ready";
    else if (data.type === "result") showProfile(data.result);
    else if (data.type === "error") engineFailed(data.message);
  };
  worker.onerror = (event) => engineFailed(event.message);

  restore();
  form.querySelector("button[type=submit]").disabled = false;

  form.addEventListener("change", save);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (engineError) return fail(engineError);
    status.textContent = ui.busy;
    profile.dataset.state = "pending";
    worker.postMessage({ type: "score", answers: answers() });
  });
  form.querySelector("[data-erase]").addEventListener("click", erase);
  profile.querySelector("[data-print]").addEventListener("click", () => window.print());

  function answers() {
    return Object.fromEntries(new FormData(form));
  }

  function save() {
    sessionStorage.setItem(storageKey, JSON.stringify(answers()));
  }

  function restore() {
    let saved;
    try {
      saved = JSON.parse(sessionStorage.getItem(storageKey) || "{}");
    } catch {
      return; // unreadable storage: start empty rather than fail
    }
    for (const [name, value] of Object.entries(saved)) {
      const input = [...form.elements].find((el) => el.name === name && el.value === String(value));
      if (input) input.checked = true;
    }
  }

  function erase() {
    sessionStorage.removeItem(storageKey);
    form.reset();
    profile.hidden = true;
    profile.dataset.state = "empty";
    profile.querySelector("[data-profile-scales]").replaceChildren();
    status.textContent = ui.erased;
  }

  function engineFailed(message) {
    engineError = message;
    if (profile.dataset.state === "pending") fail(message);
  }

  function fail(message) {
    console.error("careercheck:", message);
    profile.dataset.state = "error";
    status.textContent = ui.failed;
  }

  function showProfile(result) {
    const number = new Intl.NumberFormat(document.documentElement.lang, { maximumFractionDigits: 2 });
    const template = profile.querySelector("template[data-scale-template]");
    const scales = result.scales.map((scale) => {
      const card = template.content.cloneNode(true);
      const field = (name) => card.querySelector(`[data-field=${name}]`);
      field("name").textContent = scale.name;
      if (scale.status === "scored") {
        field("label").textContent = scale.band.label;
        field("text").textContent = scale.band.text;
        field("score").textContent = `(${ui.score}: ${fill(ui.score_of, {
          score: number.format(scale.score), min: scale.min, max: scale.max,
        })})`;
        field("bar").style.width = `${(100 * (scale.score - scale.min)) / (scale.max - scale.min)}%`;
      } else {
        field("text").textContent = `${ui.not_scored} ${fill(ui.answered, scale)}`;
        field("bar").parentElement.remove();
      }
      return card;
    });
    profile.querySelector("[data-profile-scales]").replaceChildren(...scales);
    const date = profile.querySelector("[data-profile-date]");
    date.dateTime = new Date().toISOString().slice(0, 10);
    date.textContent = new Date().toLocaleDateString(document.documentElement.lang, { dateStyle: "long" });
    profile.hidden = false;
    profile.dataset.state = "ready";
    status.textContent = ui.done;
    profile.focus();
  }
}

function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));
}
