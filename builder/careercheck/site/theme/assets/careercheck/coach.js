// The coach page: a pre-intake link made in this browser (coach-link.mjs), with its QR code from
// the engine's worker, started only when the first link is made. And a client's shared link,
// pasted here, opens on its check page, which computes the profile in this browser. Nothing is sent.
import { coachLinkTo, LIMITS, readCoach, siteChecks } from "./coach-link.mjs";
import { engineClient } from "./engine.mjs";
import { fragmentOf } from "./fragment.mjs";
import { copyButtons, SHARED, showLink } from "./share.mjs";

const form = document.querySelector("form[data-coach]");
if (form) start(form);

function start(form) {
  const ui = JSON.parse(document.querySelector("script[data-ui]").textContent);
  const checks = siteChecks();
  const root = new URL(`${form.dataset.root}/`, document.baseURI);
  const problem = form.querySelector("[data-coach-problem]");
  let engine = null;
  const qr = (text) => {
    engine ??= engineClient({}, { loaded: () => {}, failed: (message) => console.error("careercheck:", message) });
    return engine.request("qr", { text });
  };
  copyButtons(form, ui);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const value = (name) => form.elements[name].value.trim().slice(0, LIMITS[name]);
    const route = [...new Set([...form.querySelectorAll("select[name=r]")].map((s) => s.value).filter(Boolean))];
    const date = form.elements.d;
    const wrong = !value("n") ? ["n", ui.coach_need_name]
      : route.length === 0 ? ["r", ui.coach_need_route]
        : date.validity.badInput || date.validity.rangeUnderflow || date.validity.rangeOverflow ? ["d", ui.coach_bad_date] : null;
    problem.textContent = wrong ? wrong[1] : "";
    if (wrong) return (wrong[0] === "r" ? form.querySelector("select[name=r]") : form.elements[wrong[0]]).focus();
    const data = { n: value("n"), o: value("o"), k: value("k"), d: date.value, m: form.elements.m.value.trim().slice(0, LIMITS.m), r: route };
    const { value: checked } = readCoach(data, checks); // what the client's page will accept, nothing else
    if (!checked) return;
    const compact = Object.fromEntries(Object.entries(checked).filter(([, v]) => v !== ""));
    const first = checks.find((c) => c.id === route[0]);
    const link = await coachLinkTo(new URL(first.url, root).href, compact);
    showLink(form.querySelector("[data-coach-result]"), link, ui, qr);
  });

  const open = document.querySelector("form[data-coach-open]");
  open.addEventListener("submit", (event) => {
    event.preventDefault();
    const said = open.querySelector("[data-coach-open-problem]");
    let link = null;
    try {
      link = new URL(open.elements.link.value.trim(), location.href);
    } catch {
      link = null;
    }
    const found = link && link.origin === location.origin && fragmentOf(link.hash, SHARED);
    if (!found || found.error) {
      said.textContent = ui.coach_view_not_link;
      open.elements.link.focus();
      return;
    }
    said.textContent = "";
    location.assign(link.href);
  });
}
