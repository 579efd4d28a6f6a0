// The engine in a module worker: Pyodide starts as soon as the page opens, so
// it is ready by the time the person is done. Self-hosted, same origin only.
// Every request comes with an id and is answered with it, {id, value} or
// {id, error}, so the page handles a failure where it asked.
import { loadPyodide } from "../pyodide/pyodide.mjs";

const engine = (async () => {
  const pyodide = await loadPyodide({ indexURL: new URL("../pyodide/", import.meta.url).href });
  await pyodide.loadPackage("careercheck-engine", { messageCallback: () => {} });
  return pyodide.pyimport("careercheck_engine");
})();

let spec;
let occupations = Promise.resolve("null"); // the site's occupation index, for checks that match
let esco = Promise.resolve(""); // ESCO's occupations, for checks that ask for a job

// Pyodide's loader reports some failures (a missing wasm file) only as an
// unhandled rejection: the engine cannot load then, and the page must know.
self.addEventListener("unhandledrejection", (event) => {
  self.postMessage({ failed: String(event.reason) });
});

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
}

const handlers = {
  async init({ specUrl, occupationsUrl, escoUrl }) {
    spec = fetchText(specUrl);
    if (occupationsUrl) occupations = fetchText(occupationsUrl);
    if (escoUrl) esco = fetchText(escoUrl);
    await Promise.all([engine, spec, occupations, esco]);
    return true;
  },
  async visible({ answers }) {
    return JSON.parse((await engine).visible_json(await spec, JSON.stringify(answers)));
  },
  async search({ query }) {
    return JSON.parse((await engine).search_json(await esco, query));
  },
  async score({ answers }) {
    return JSON.parse((await engine).score_json(await spec, JSON.stringify(answers), await occupations, await esco));
  },
};

self.onmessage = async ({ data: { id, type, ...request } }) => {
  try {
    if (!Object.hasOwn(handlers, type)) throw new Error(`unknown request: ${type}`);
    self.postMessage({ id, value: await handlers[type](request) });
  } catch (error) {
    self.postMessage({ id, error: String(error) });
  }
};
