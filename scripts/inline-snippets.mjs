// Folds the JS snippets wasm-bindgen copies beside the glue (src/result.js, imported as
// ./snippets/<crate-hash>/src/result.js) into notice_search.js itself, so that loading the
// engine is one module request, not a glue → snippet waterfall that waits for the main thread
// (it cost 50–150 ms of the first results on a busy page). The snippets folder is removed.
// Usage: node scripts/inline-snippets.mjs PKG_DIR
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = process.argv[2] ?? 'www/pkg';
const gluePath = join(pkg, 'notice_search.js');
let glue = readFileSync(gluePath, 'utf8');
const IMPORT = /^import \{ ([\w, ]+) \} from '\.\/(snippets\/[^']+\.js)';\n/m;
let m;
let inlined = 0;
while ((m = IMPORT.exec(glue))) {
  const [line, names, file] = m;
  const source = readFileSync(join(pkg, file), 'utf8');
  // The snippet's exports become plain declarations of the glue module.
  const body = source.replace(/^export (function|const|let|class) /gm, '$1 ');
  for (const name of names.split(',').map((s) => s.trim())) {
    if (!new RegExp(`^(function|const|let|class) ${name}\\b`, 'm').test(body)) {
      throw new Error(`${file} does not declare ${name}`);
    }
  }
  glue = glue.replace(line, `// ---- ${file}, inlined by scripts/inline-snippets.mjs ----\n${body}// ----\n`);
  inlined++;
}
if (/from '\.\/snippets\//.test(glue)) throw new Error('a snippet import was left in the glue');
writeFileSync(gluePath, glue);
rmSync(join(pkg, 'snippets'), { recursive: true, force: true });
// package.json no longer lists what is gone.
const pkgJsonPath = join(pkg, 'package.json');
const pkgJson = JSON.parse(readFileSync(pkgJsonPath, 'utf8'));
pkgJson.files = (pkgJson.files ?? []).filter((f) => f !== 'snippets');
if (Array.isArray(pkgJson.sideEffects)) {
  pkgJson.sideEffects = pkgJson.sideEffects.filter((f) => !f.includes('snippets'));
  if (pkgJson.sideEffects.length === 0) delete pkgJson.sideEffects;
}
writeFileSync(pkgJsonPath, `${JSON.stringify(pkgJson, null, 2)}\n`);
console.log(`${gluePath}: ${inlined} snippet module(s) inlined`);
