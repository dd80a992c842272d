// Writes docs/builtins.md from the builtin table of @sluice/compiler (run after `npx tsc -b`).
// With --check, writes nothing and fails when the file is not what the table gives.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinReference } from '@sluice/compiler';

const target = fileURLToPath(new URL('../docs/builtins.md', import.meta.url));
const text = builtinReference();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // A missing file is simply out of date.
  }
  if (current !== text) {
    console.error('docs/builtins.md is out of date: run `npx tsc -b && node scripts/builtin-reference.mjs`');
    process.exit(1);
  }
  console.log('docs/builtins.md is current');
} else {
  writeFileSync(target, text);
  console.log(`wrote docs/builtins.md (${text.split('\n').length} lines)`);
}
