// Storage the browser may refuse (storage blocked, or full): every access goes
// through here, a refusal is reported once and the page goes on in memory.

const PREFIX = "careercheck:"; // every key this site writes, in either storage, starts with this

// A check's keys: its answers and its place in this tab only (sessionStorage);
// kept profiles only when the person chooses to keep them (localStorage).
export const keysOf = (check) => ({
  answers: `${PREFIX}${check}:answers`,
  place: `${PREFIX}${check}:place`,
  kept: `${PREFIX}${check}:kept`,
});

export function guardedStorage(refused) {
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
