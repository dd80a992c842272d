// A model's data files (GET DIRECT / GET XLS) are read from beneath the model's own folder: a
// name that climbs out, an absolute path, or a link inside the folder that leads out is
// refused, at the function, unless the user names the file on the command line (--data).
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, STACK_LINE, tempDir } from './cli.js';

/** A folder holding `secret.csv` (7) and `model/` with `in.csv` (5) and `link.csv` -> ../secret.csv. */
function layout(): { dir: string; secret: string; model: (ref: string) => string } {
  const dir = tempDir();
  mkdirSync(join(dir, 'model'));
  const secret = join(dir, 'secret.csv');
  writeFileSync(secret, '7\n');
  writeFileSync(join(dir, 'model', 'in.csv'), '5\n');
  symlinkSync('../secret.csv', join(dir, 'model', 'link.csv'));
  const model = (ref: string) => {
    const path = join(dir, 'model', 'm.mdl');
    writeFileSync(path, `{UTF-8}\nx = GET DIRECT CONSTANTS('${ref}', ',', 'A1') ~~|\nINITIAL TIME = 0 ~~|\nFINAL TIME = 1 ~~|\nTIME STEP = 1 ~~|\nSAVEPER = 1 ~~|\n`);
    return path;
  };
  return { dir, secret, model };
}

describe('sluice run reads data files from beneath the model only', () => {
  it('a file in the model\'s folder is read', async () => {
    const { model } = layout();
    const r = await cli('run', model('in.csv'), '--vars', 'x');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('time,x\n0,5\n1,5\n');
  });

  it('a name that climbs out, an absolute path and a link that leads out are refused at the function, with exit 1', async () => {
    const { secret, model } = layout();
    const refused: [ref: string, message: string][] = [
      ['../secret.csv', "GET DIRECT CONSTANTS: data file '../secret.csv' is outside the model's folder; data files are read only from beneath it unless named on the command line (--data)"],
      [secret, `GET DIRECT CONSTANTS: data file '${secret}' is outside the model's folder; data files are read only from beneath it unless named on the command line (--data)`],
      ['link.csv', "GET DIRECT CONSTANTS: data file 'link.csv' leads outside the model's folder through a link; name it on the command line (--data) to read it"],
    ];
    for (const [ref, message] of refused) {
      const path = model(ref);
      const r = await cli('run', path, '--vars', 'x');
      expect(r.code, ref).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`${path}:2:5: error: ${message}\n`);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });

  it('each is read when the user names the file with --data, which is then not also read as a data run', async () => {
    const { secret, model } = layout();
    for (const ref of ['../secret.csv', secret, 'link.csv']) {
      const r = await cli('run', model(ref), '--vars', 'x', '--data', secret);
      expect(r.stderr, ref).toBe('');
      expect(r.stdout).toBe('time,x\n0,7\n1,7\n');
    }
  });
});
