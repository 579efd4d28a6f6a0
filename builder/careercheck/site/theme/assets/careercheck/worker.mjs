// The engine in a module worker: Pyodide starts as soon as the page opens, so
// it is ready by the time the person is done. Self-hosted, same origin only.
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
// unhandled rejection: pass every such failure on, or the page waits forever.
self.addEventListener("unhandledrejection", (event) => {
  self.postMessage({ type: "error", message: String(event.reason) });
});

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
}

self.onmessage = async ({ data }) => {
  try {
    if (data.type === "init") {
      spec = fetchText(data.specUrl);
      if (data.occupationsUrl) occupations = fetchText(data.occupationsUrl);
      if (data.escoUrl) esco = fetchText(data.escoUrl);
      await Promise.all([engine, spec, occupations, esco]);
      self.postMessage({ type: "ready" });
    } else if (data.type === "visible") {
      const visible = (await engine).visible_json(await spec, JSON.stringify(data.answers));
      self.postMessage({ type: "visible", visible: JSON.parse(visible) });
    } else if (data.type === "search") {
      const jobs = JSON.parse((await engine).search_json(await esco, data.query));
      self.postMessage({ type: "jobs", question: data.question, query: data.query, jobs, keep: data.keep });
    } else if (data.type === "score") {
      const result = (await engine).score_json(await spec, JSON.stringify(data.answers), await occupations, await esco);
      self.postMessage({ type: "result", result: JSON.parse(result) });
    }
  } catch (error) {
    self.postMessage({ type: "error", message: String(error) });
  }
};
