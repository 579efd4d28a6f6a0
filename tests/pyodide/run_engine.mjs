// Runs cases through the engine inside real Pyodide under Node, using the
// runtime files exactly as the built site ships them (trimmed lock, wheel).
// A case is {name, spec, answers} (scored) or {name, function, args} (an index).
// Usage: node run_engine.mjs RUNTIME_DIR CASES.json  ->  JSON on stdout
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [runtimeDir, casesFile] = process.argv.slice(2);
const indexURL = path.resolve(runtimeDir) + path.sep;
const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);

const pyodide = await loadPyodide({ indexURL });
await pyodide.loadPackage("careercheck-engine", { messageCallback: () => {} });
// JSON across the boundary both ways: what Node sees is exactly what Python returned.
const run = pyodide.runPython(`
import json, careercheck_engine
def run(case_json):
    case = json.loads(case_json)
    if "function" in case:
        return json.dumps(getattr(careercheck_engine, case["function"])(*case["args"]))
    return careercheck_engine.score_json(json.dumps(case["spec"]), json.dumps(case["answers"]))
run
`);

const cases = JSON.parse(await readFile(casesFile, "utf8"));
const results = cases.map((c) => ({ name: c.name, result: JSON.parse(run(JSON.stringify(c))) }));
const python = pyodide.runPython("import sys; sys.version.split()[0]");
process.stdout.write(JSON.stringify({ python, results }));
