import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.js';

describe('detecting a model file\'s format', () => {
  it('goes by the extension, in any case', () => {
    expect(detectFormat('a/b/Teacup.STMX', '')).toBe('xmile');
    expect(detectFormat('m.itmx', '')).toBe('xmile');
    expect(detectFormat('m.mdl', '<xmile/>')).toBe('mdl');
    expect(detectFormat('dir.v2/m.sluice', '')).toBe('sluice');
  });

  it('looks at the text when the extension says nothing', () => {
    expect(detectFormat('model.txt', '  <?xml version="1.0"?><xmile/>')).toBe('xmile');
    expect(detectFormat('model', '{UTF-8}\nx = 1 ~ ~ |')).toBe('mdl');
    expect(detectFormat('model', 'x = 1\n~ widgets\n~ a comment |')).toBe('mdl');
    expect(detectFormat('notes.txt', 'hello')).toBeUndefined();
  });
});
