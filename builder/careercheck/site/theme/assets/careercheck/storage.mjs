// Storage the browser may refuse (storage blocked, or full): every access goes
// through here, a refusal is reported once and the page goes on in memory.

const PREFIX = "careercheck:"; // every key this site writes, in either storage, starts with this

// A check's keys: its answers and its place in this tab (sessionStorage), and on this device
// (localStorage) only when the person chooses that; kept profiles only when the person chooses to
// keep them (localStorage).
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
    remove: (area, key) => attempt(() => window[area].removeItem(key)),
    eraseAll: () => {
      for (const name of ["sessionStorage", "localStorage"]) {
        attempt(() => ourKeys(window[name]).forEach((key) => window[name].removeItem(key)));
      }
    },
  };
}

// Answers and place kept on this device too, once the person chose that (and until they choose
// otherwise or erase everything): every write to this tab's storage is also made on the device, and a
// new tab starts from what the device kept. Chosen means: the device holds this check's answers.
export function keptOnDevice(storage, keys) {
  const both = [keys.answers, keys.place];
  const chosen = () => storage.get("localStorage", keys.answers) !== null;
  const copy = (from, to) => both.every((key) => {
    const value = storage.get(from, key);
    return value === null || storage.set(to, key, value);
  });
  // A new tab (nothing of this check here yet) resumes from the device.
  const resumed = storage.get("sessionStorage", keys.answers) === null && chosen() && copy("localStorage", "sessionStorage");
  return {
    ...storage,
    set(area, key, value) {
      if (area === "sessionStorage" && both.includes(key) && chosen()) storage.set("localStorage", key, value);
      return storage.set(area, key, value);
    },
    resumed,
    chosen,
    // Keep on this device from now on (true when the device took it), or no longer.
    choose(keep) {
      if (!keep) return both.forEach((key) => storage.remove("localStorage", key));
      return storage.set("localStorage", keys.answers, storage.get("sessionStorage", keys.answers) ?? "{}") && copy("sessionStorage", "localStorage");
    },
  };
}
