// Compiles the Python files of a zip to bytecode inside Pyodide, under Node: bytecode belongs to
// one Python version, and Pyodide's (3.14) is not the builder's.
// Usage: node compile_zip.mjs PYODIDE_DIR SOURCE.zip OUT.zip OPTIONS.json
//   OPTIONS: {"names": [paths inside SOURCE] or null for every entry,
//             "lines": false to leave out the tables of line numbers (for the standard library)}
// Docstrings and asserts are left out (optimize=2): a visitor's browser needs neither.
// OUT.zip holds NAME.pyc for each NAME.py taken, other entries as they are, stored uncompressed
// and without time stamps, so the same input gives the same bytes.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, sourceFile, outFile, optionsFile] = process.argv.slice(2);
const indexURL = path.resolve(pyodideDir) + path.sep;
const { loadPyodide } = await import(pathToFileURL(indexURL + "pyodide.mjs").href);
const pyodide = await loadPyodide({ indexURL });
pyodide.FS.writeFile("/source.zip", await readFile(sourceFile));
pyodide.globals.set("options", pyodide.toPy(JSON.parse(await readFile(optionsFile, "utf8"))));
// Unchecked hash-based .pyc (PEP 552): zipimport loads it without looking for a source or a time.
// Without its table of lines, code keeps its first line: a traceback through it names the file and
// function, with line -1.
let zipped;
try {
  zipped = pyodide.runPython(`
import importlib.util, io, types, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

def without_lines(code):
    consts = tuple(without_lines(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_linetable=b"", co_consts=consts)

lines = options["lines"]
out = io.BytesIO()
with zipfile.ZipFile("/source.zip") as source, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
    for name in options["names"] or source.namelist():
        data = source.read(name)
        if name.endswith(".py"):
            code = compile(data, name, "exec", dont_inherit=True, optimize=2)
            name, data = name.removesuffix(".py") + ".pyc", _code_to_hash_pyc(
                code if lines else without_lines(code), importlib.util.source_hash(data), checked=False)
        target.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
out.getvalue()
`);
} catch (error) {
  // The last line of Python's traceback says what went wrong; the rest is Pyodide's inside.
  console.error(String(error.message ?? error).trim().split("\n").at(-1));
  process.exit(1);
}
await writeFile(outFile, zipped.toJs());
zipped.destroy();
