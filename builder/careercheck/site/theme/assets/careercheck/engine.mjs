// The page's side of the engine worker (worker.mjs): one promise per request,
// matched by its id, so a failed request fails only where it was asked. A
// failed load is reported at once; load() starts over with a new worker.

let checkEngine = null;

// The check page's engine, started once: by start-engine.mjs as soon as the form is on the page
// (before the page's other scripts, which on a slow phone take seconds), then taken up by check.js.
export function startEngine(form) {
  const url = (relative) => relative && new URL(relative, document.baseURI).href;
  checkEngine ??= engineClient({
    specUrl: url(form.dataset.spec), occupationsUrl: url(form.dataset.occupations), escoUrl: url(form.dataset.esco),
  });
  return checkEngine;
}

// ``told``: {loaded, failed}, or given later with listen(), which says at once what has happened so far.
export function engineClient(urls, told = {}) {
  let worker = null;
  let failure = null;
  let state = "loading"; // "loading", "ready" or "failed"
  let lastId = 0;
  const waiting = new Map(); // id -> {resolve, reject}

  function load() {
    worker?.terminate();
    state = "loading";
    worker = new Worker(new URL("./worker.mjs", import.meta.url), { type: "module" });
    worker.onmessage = ({ data }) => {
      if (Object.hasOwn(data, "failed")) return lost(data.failed);
      const request = waiting.get(data.id);
      waiting.delete(data.id);
      if (Object.hasOwn(data, "error")) request?.reject(new Error(data.error));
      else request?.resolve(data.value);
    };
    worker.onerror = (event) => lost(event.message || "the engine worker did not start");
    const loading = worker;
    ask("init", urls).then(() => {
      if (worker !== loading || state !== "loading") return;
      state = "ready";
      told.loaded?.();
    }, (error) => worker === loading && lost(error.message));
  }

  // The worker cannot answer any more: every open request fails, the page is told once.
  function lost(message) {
    if (state === "failed") return;
    state = "failed";
    failure = message;
    worker.terminate();
    for (const request of waiting.values()) request.reject(new Error(message));
    waiting.clear();
    told.failed?.(message);
  }

  function ask(type, request) {
    lastId += 1;
    const id = lastId;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id, type });
    });
  }

  load();
  return {
    get state() { return state; },
    load,
    listen(callbacks) {
      told = callbacks;
      if (state === "ready") told.loaded();
      else if (state === "failed") told.failed(failure);
    },
    // Asked while loading, a request waits in the worker for the engine.
    request: (type, request = {}) => (state === "failed" ? Promise.reject(new Error("the engine is not loaded")) : ask(type, request)),
  };
}
