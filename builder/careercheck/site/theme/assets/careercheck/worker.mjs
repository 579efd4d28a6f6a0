// The engine in a module worker: Pyodide starts as soon as the page opens, so
// it is ready by the time the person is done. Self-hosted, same origin only.
// Every request comes with an id and is answered with it, {id, value} or
// {id, error}, so the page handles a failure where it asked.
import { loadPyodide } from "../pyodide/pyodide.mjs";

// Pyodide's loader only warns when a file of its own cannot be downloaded (the
// wasm, say) and then waits forever: a failed download of a runtime file means
// the engine cannot load, and the page must know at once.
const RUNTIME = new URL("../pyodide/", import.meta.url).href;
const download = self.fetch.bind(self);
self.fetch = async (resource, ...rest) => {
  try {
    const response = await download(resource, ...rest);
    if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
    return response;
  } catch (error) {
    if (String(resource?.url ?? resource).startsWith(RUNTIME)) self.postMessage({ failed: String(error) });
    throw error;
  }
};

const engine = (async () => {
  const pyodide = await loadPyodide({ indexURL: RUNTIME });
  await pyodide.loadPackage("careercheck-engine", { messageCallback: () => {} });
  return pyodide.pyimport("careercheck_engine");
})();

let spec;
let occupations = Promise.resolve("null"); // the site's occupation index, for checks that match
let esco = Promise.resolve(""); // ESCO's occupations, for checks that ask for a job

// Other failures of Pyodide's loader surface only as an unhandled rejection.
self.addEventListener("unhandledrejection", (event) => {
  self.postMessage({ failed: String(event.reason) });
});

async function fetchText(url) {
  return (await fetch(url)).text();
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
  // The result (kept scores are taken from it) and the profile as HTML.
  async profile({ answers, ui, context }) {
    const made = (await engine).profile_json(
      await spec, JSON.stringify(answers), JSON.stringify(ui), JSON.stringify(context), await occupations, await esco,
    );
    return JSON.parse(made);
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
