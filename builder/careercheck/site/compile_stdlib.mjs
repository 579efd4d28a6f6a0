// Compiles the standard-library files a site ships to bytecode inside Pyodide, under Node:
// bytecode belongs to one Python version, and Pyodide's (3.14) is not the builder's.
// Usage: node compile_stdlib.mjs PYODIDE_DIR LIST OUT.zip
//   PYODIDE_DIR: Pyodide's files, with its full python_stdlib.zip (checked by the build)
//   LIST: one path inside that zip per line, "#" lines are comments (pyodide-stdlib.txt)
// OUT.zip holds NAME.pyc for each NAME.py listed, stored uncompressed and without
// time stamps, so the same input gives the same bytes.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, listFile, outFile] = process.argv.slice(2);
const indexURL = path.resolve(pyodideDir) + path.sep;
const { loadPyodide } = await import(pathToFileURL(indexURL + "pyodide.mjs").href);
const pyodide = await loadPyodide({ indexURL });
const names = (await readFile(listFile, "utf8")).split("\n").map((line) => line.trim()).filter((line) => line && !line.startsWith("#"));
pyodide.globals.set("names", pyodide.toPy(names));
// Unchecked hash-based .pyc (PEP 552): zipimport loads it without looking for a source or a time.
const zipped = pyodide.runPython(`
import importlib.util, io, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

stdlib = next(entry for entry in sys.path if entry.endswith(".zip"))
out = io.BytesIO()
with zipfile.ZipFile(stdlib) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
    for name in names:
        text = source.read(name)
        code = compile(text, f"{stdlib}/{name}", "exec", dont_inherit=True)
        entry = zipfile.ZipInfo(name.removesuffix(".py") + ".pyc", date_time=(1980, 1, 1, 0, 0, 0))
        target.writestr(entry, _code_to_hash_pyc(code, importlib.util.source_hash(text), checked=False))
out.getvalue()
`);
await writeFile(outFile, zipped.toJs());
zipped.destroy();
