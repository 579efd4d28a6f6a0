// The profile, filled from the engine's result and the form with textContent
// only: results are data, never markup.
import { answerOf, optionLabel } from "./answers.mjs";
import { fill, longDate } from "./messages.mjs";

export function profileView({ profile, form, questions, ui }) {
  const lang = form.dataset.lang;
  const siteUrl = (path) => new URL(path, new URL(`${form.dataset.root}/`, document.baseURI)).href;
  const dateOf = (isoDate) => longDate(isoDate, lang);

  function cardFrom(selector) {
    const card = profile.querySelector(selector).content.cloneNode(true);
    return [card, (name) => card.querySelector(`[data-field=${name}]`)];
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
        field("earlier").textContent = fill(ui.earlier, { date: dateOf(earlier.date), score: number.format(before) });
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

  // The result on screen; earlier is the last profile the person kept, if any.
  return function show(result, earlier) {
    const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
    // Interest scales are summed up in the Holland code, not shown one by one.
    const cards = result.scales.filter((s) => !s.letter).map((s) => scaleCard(s, number, earlier));
    const comparing = profile.querySelector("[data-profile-earlier]");
    comparing.hidden = !earlier;
    if (earlier) comparing.textContent = fill(ui.earlier_intro, { date: dateOf(earlier.date) });
    profile.querySelector("[data-keep]").disabled = false;
    profile.querySelector("[data-profile-scales]").replaceChildren(...cards);
    profile.querySelector("[data-profile-conclusions]").replaceChildren(...result.conclusions.map(conclusionCard));
    showInterests(result.riasec, result.scales, number);
    showOptions(result.options);
    showQuality(result.quality);
    showOwnAnswers(result.visible.questions);
    const date = profile.querySelector("[data-profile-date]");
    date.dateTime = new Date().toISOString().slice(0, 10);
    date.textContent = dateOf(date.dateTime);
    profile.hidden = false;
    profile.dataset.state = "ready";
  };
}
