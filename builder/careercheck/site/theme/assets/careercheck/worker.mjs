// The engine in a module worker: Pyodide starts as soon as the page opens, so
// it is ready by the time the person is done. Self-hosted, same origin only.
// Every request comes with an id and is answered with it, {id, value} or
// {id, error}, so the page handles a failure where it asked.
// The runtime's folder is named by its content's digest, written here by the build: a new runtime
// is a new address, so browsers keep these files for a year.
import { loadPyodide } from "../pyodide/RUNTIME-DIGEST/pyodide.mjs";

// Pyodide's loader only warns when a file of its own cannot be downloaded (the
// wasm, say) and then waits forever: a failed download of a runtime file means
// the engine cannot load, and the page must know at once.
const RUNTIME = new URL("../pyodide/RUNTIME-DIGEST/", import.meta.url).href;
let started = false; // once the engine runs, a file that fails fails only its request
const download = self.fetch.bind(self);
self.fetch = async (resource, ...rest) => {
  try {
    const response = await download(resource, ...rest);
    if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
    return response;
  } catch (error) {
    if (!started && String(resource?.url ?? resource).startsWith(RUNTIME)) self.postMessage({ failed: String(error) });
    throw error;
  }
};

// The engine (engine.zip, bytecode) is fetched while the runtime starts, and imported from the zip
// on sys.path: no package loader, whose own start costs a phone's CPU time.
const runtime = loadPyodide({ indexURL: RUNTIME });
const engineZip = fetchZip("engine.zip");
const engine = Promise.all([runtime, engineZip]).then(([pyodide, zip]) => {
  onPath(pyodide, "engine.zip", zip);
  const module = pyodide.pyimport("careercheck_engine");
  started = true;
  return module;
});

async function fetchZip(name) {
  return new Uint8Array(await (await fetch(RUNTIME + name)).arrayBuffer());
}

function onPath(pyodide, name, zip) {
  pyodide.FS.mkdirTree("/careercheck");
  pyodide.FS.writeFile(`/careercheck/${name}`, zip);
  pyodide.runPython(`import sys; sys.path.insert(0, "/careercheck/${name}")`);
}

// The QR code of a link as an SVG data: URI made by segno, or null when the text is
// longer than a phone can read well from a screen or paper (above QR version 25, 117 by 117 modules).
const QR_MAX_VERSION = 25;
let segnoModule = null; // segno.zip, fetched when a QR code is first asked for
async function qrCode(text) {
  segnoModule ??= Promise.all([runtime, fetchZip("segno.zip"), engine]).then(([pyodide, zip]) => {
    onPath(pyodide, "segno.zip", zip);
    return pyodide.pyimport("segno");
  });
  segnoModule.catch(() => { segnoModule = null; }); // not loaded: the next QR code tries again
  const segno = await segnoModule;
  let code;
  try {
    code = segno.make_qr.callKwargs(text, { error: "m" });
  } catch (error) {
    if (String(error).includes("DataOverflowError")) return null;
    throw error;
  }
  try {
    if (code.version > QR_MAX_VERSION) return null;
    return code.svg_data_uri.callKwargs({ border: 4, omitsize: true, dark: "#000", light: "#fff" });
  } finally {
    code.destroy();
  }
}

let spec;
let occupations = Promise.resolve("null"); // the site's occupation index, for checks that match
let escoUrl = null; // ESCO's occupations, for checks that ask for a job
let escoIndex = null;

// ESCO's index (about 1 MB) is fetched when a job is first searched for or a profile needs it,
// not with the engine, and parsed once: each search then hands Python only the query.
function esco() {
  if (!escoUrl) return Promise.resolve("");
  escoIndex ??= Promise.all([engine, fetchText(escoUrl)]).then(([module, text]) => module.job_index(text));
  escoIndex.catch(() => { escoIndex = null; }); // not loaded: the next search tries again
  return escoIndex;
}

// Other failures of Pyodide's loader surface only as an unhandled rejection.
self.addEventListener("unhandledrejection", (event) => {
  self.postMessage({ failed: String(event.reason) });
});

async function fetchText(url) {
  return (await fetch(url)).text();
}

const handlers = {
  async init({ specUrl, occupationsUrl, escoUrl: url }) {
    spec = specUrl ? fetchText(specUrl) : Promise.resolve("null"); // the coach page has no check
    if (occupationsUrl) occupations = fetchText(occupationsUrl);
    escoUrl = url;
    await Promise.all([engine, spec, occupations]);
    return true;
  },
  async visible({ answers }) {
    return JSON.parse((await engine).visible_json(await spec, JSON.stringify(answers)));
  },
  async search({ query }) {
    return JSON.parse((await engine).search_json(await esco(), query));
  },
  async qr({ text }) {
    return qrCode(String(text));
  },
  // The result (kept scores are taken from it) and the profile as HTML.
  async profile({ answers, ui, context }) {
    const made = (await engine).profile_json(
      await spec, JSON.stringify(answers), JSON.stringify(ui), JSON.stringify(context), await occupations, await esco(),
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
