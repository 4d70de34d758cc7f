// www/notice-search.d.ts: compiles, types the documented usage (types/usage.ts), rejects
// misuse (@ts-expect-error lines), and declares what notice-search.js really exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const WWW = fileURLToPath(new URL('../../www/', import.meta.url));

test('notice-search.d.ts type-checks the documented usage (tsc --strict)', () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', join(here, 'types')], { encoding: 'utf8', stdio: 'pipe' });
  } catch (err) {
    assert.fail(`tsc failed:\n${err.stdout}${err.stderr}`);
  }
});

test('notice-search.d.ts declares exactly the exports of notice-search.js', () => {
  const exported = (text, re) => [...text.matchAll(re)].map((m) => m[1]).sort();
  const js = exported(readFileSync(join(WWW, 'notice-search.js'), 'utf8'), /^export (?:async )?(?:function|class|const) (\w+)/gm);
  const dts = exported(readFileSync(join(WWW, 'notice-search.d.ts'), 'utf8'), /^export (?:declare )?(?:function|class|const) (\w+)/gm);
  assert.deepEqual(dts, js);
  assert.deepEqual(js, ['NoticeSearch', 'loadEngine']);
});
