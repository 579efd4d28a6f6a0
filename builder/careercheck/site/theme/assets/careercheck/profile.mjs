// The profile on the page. The engine writes it (careercheck_engine/profile.py and
// render.py), the same HTML that `careercheck profile` writes, with every text from
// the answers, the check and a coach's link escaped there. The site's policy allows
// no inline script or style, so even markup that slipped through could not run.

// What the engine needs besides the answers: the day, the site's root for links,
// the profile kept to compare with, and the coach it is prepared for.
export function profileContext(form, { earlier, coach }) {
  const today = new Date();
  const iso = (date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
  return {
    date: iso(today),
    root: new URL(`${form.dataset.root}/`, document.baseURI).href,
    earlier: earlier ? { date: earlier.date, scores: Object.fromEntries(earlier.scores) } : null,
    coach: coach ?? null,
  };
}

export function profileView(profile) {
  const body = profile.querySelector("[data-profile-body]");
  return function show(html) {
    body.innerHTML = html;
    profile.querySelector("[data-keep]").disabled = false;
    profile.hidden = false;
    profile.dataset.state = "ready";
  };
}
