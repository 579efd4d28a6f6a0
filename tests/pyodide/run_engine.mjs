// Runs cases through the engine inside real Pyodide under Node, using the
// runtime files exactly as the built site ships them (the engine's zip and the
// trimmed, compiled standard library).
// A case is {name, spec, answers} (scored) or {name, function, args} (an index).
// Besides the cases, it does the rest of what the page asks of the worker: a QR
// code by segno, and a Python error on its way to JavaScript.
// Usage: node run_engine.mjs RUNTIME_DIR CASES.json [STDLIB_ZIP]  ->  JSON on stdout
//   STDLIB_ZIP: another standard library (Pyodide's full one, to measure what is imported)
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [runtimeDir, casesFile, stdLibURL] = process.argv.slice(2);
const indexURL = path.resolve(runtimeDir) + path.sep;
const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);

// As the worker loads them: the engine and segno from their zips on sys.path.
const pyodide = await loadPyodide({ indexURL, stdLibURL });
pyodide.FS.mkdirTree("/careercheck");
for (const name of ["engine.zip", "segno.zip"]) {
  pyodide.FS.writeFile(`/careercheck/${name}`, await readFile(path.join(indexURL, name)));
  pyodide.runPython(`import sys; sys.path.insert(0, "/careercheck/${name}")`);
}
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

const qr = pyodide.runPython(`import segno; segno.make_qr("https://example.org/#a=1", error="m").svg_data_uri(border=4, omitsize=True)`);
// A Python error on its way to JavaScript: raised in the engine, and raised in the standard library.
const failure = (text) => {
  try {
    run(text);
  } catch (thrown) {
    return { type: thrown.constructor.name, message: thrown.message };
  }
  return null;
};
const error = failure(JSON.stringify({ name: "error", spec: {}, answers: {} }));
const stdlibError = failure("{");

const python = pyodide.runPython("import sys; sys.version.split()[0]");
// The standard-library files imported so far, as paths inside the zip.
const stdlib = JSON.parse(pyodide.runPython(`
import json, sys
zipped = next(entry for entry in sys.path if entry.endswith(".zip") and not entry.startswith("/careercheck/")) + "/"
json.dumps(sorted({m.__file__.removeprefix(zipped) for m in list(sys.modules.values())
                   if (getattr(m, "__file__", None) or "").startswith(zipped)}))
`));
process.stdout.write(JSON.stringify({ python, results, qr: qr.startsWith("data:image/svg+xml"), error, stdlibError, stdlib }));
