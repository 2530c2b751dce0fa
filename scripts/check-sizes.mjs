// Reports files in src/ and webview/ over 400 lines and functions over 80 lines (the house
// limits of docs/STYLE.md, "Files have one concern"). `node scripts/check-sizes.mjs` prints
// each offender and exits 1 when there is one; `--json` prints the figures only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(fileURLToPath(import.meta.url), '../..');
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 80;

function* sourceFiles(folder) {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|mts|mjs|js)$/.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

function functionName(node, source) {
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))) {
    return parent.name.getText(source);
  }
  return '(anonymous)';
}

const longFiles = [];
const longFunctions = [];
for (const folder of ['src', 'webview']) {
  for (const path of sourceFiles(join(root, folder))) {
    const text = readFileSync(path, 'utf8');
    const file = relative(root, path);
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > MAX_FILE_LINES) longFiles.push({ file, lines });
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const length = end - start + 1;
        if (length > MAX_FUNCTION_LINES) {
          longFunctions.push({
            file,
            line: start + 1,
            name: functionName(node, source),
            lines: length,
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ longFiles, longFunctions }));
} else {
  for (const { file, lines } of longFiles)
    console.log(`file ${file}: ${lines} lines (> ${MAX_FILE_LINES})`);
  for (const { file, line, name, lines } of longFunctions) {
    console.log(`function ${file}:${line} ${name}: ${lines} lines (> ${MAX_FUNCTION_LINES})`);
  }
  console.log(
    `${longFiles.length} files over ${MAX_FILE_LINES} lines, ${longFunctions.length} functions over ${MAX_FUNCTION_LINES} lines`,
  );
}
process.exitCode = longFiles.length + longFunctions.length > 0 ? 1 : 0;
