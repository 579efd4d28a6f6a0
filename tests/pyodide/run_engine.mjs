// Runs scoring cases through the engine inside real Pyodide under Node, using
// the runtime files exactly as the built site ships them (trimmed lock, wheel).
// Usage: node run_engine.mjs RUNTIME_DIR CASES.json  ->  JSON on stdout
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [runtimeDir, casesFile] = process.argv.slice(2);
const indexURL = path.resolve(runtimeDir) + path.sep;
const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);

const pyodide = await loadPyodide({ indexURL });
await pyodide.loadPackage("careercheck-engine", { messageCallback: () => {} });
const engine = pyodide.pyimport("careercheck_engine");

const cases = JSON.parse(await readFile(casesFile, "utf8"));
const results = cases.map(({ name, spec, answers }) => ({
  name,
  result: JSON.parse(engine.score_json(JSON.stringify(spec), JSON.stringify(answers))),
}));
const python = pyodide.runPython("import sys; sys.version.split()[0]");
process.stdout.write(JSON.stringify({ python, results }));
