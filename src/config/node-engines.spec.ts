import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const manifest = (path: string) =>
  JSON.parse(readFileSync(join(root, path, 'package.json'), 'utf8')) as {
    engines?: { node?: string };
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };

/** Whether a version meets an engines range of the forms packages use: `>=X.Y`, `^X`, `X`, `X.x`, joined by `||`. */
function admits(range: string, version: string): boolean {
  const [major, minor, patch] = version.split('.').map(Number);
  const compare = (text: string) => {
    const [a = 0, b = 0, c = 0] = text.split('.').map((part) => (part === 'x' ? 0 : Number(part)));
    return major - a || minor - b || patch - c;
  };
  return range.split('||').some((alternative) => {
    const text = alternative.trim().replace(/\s+/g, '');
    if (text === '*' || text === '') return true;
    let match = /^>=(\d+(?:\.\d+){0,2})$/.exec(text);
    if (match) return compare(match[1]) >= 0;
    match = /^\^(\d+)(?:\.\d+){0,2}$/.exec(text);
    if (match) return major === Number(match[1]) && compare(text.slice(1)) >= 0;
    match = /^(\d+)(?:\.x)?$/.exec(text);
    if (match) return major === Number(match[1]);
    throw new Error(`engines range not understood: ${range}`);
  });
}

describe('Node versions', () => {
  const stated = manifest('.').engines!.node!;
  const oldest = /^>=(\d+\.\d+(?:\.\d+)?)$/.exec(stated)![1];

  it('reads engines ranges as npm does for the forms in use', () => {
    expect(admits('>=22', '20.19.0')).toBe(false);
    expect(admits('20 || 22 || >=24', '20.19.0')).toBe(true);
    expect(admits('>=18', '20.19.0')).toBe(true);
    expect(admits('^20.19.0 || >=22.12.0', '20.19.0')).toBe(true);
    expect(admits('^20.20.0', '20.19.0')).toBe(false);
  });

  // Development dependencies too: CI runs lint, the type check and the tests on the oldest Node as well.
  it.each([...Object.keys(manifest('.').dependencies!), ...Object.keys(manifest('.').devDependencies!)])(
    'the direct dependency %s supports the oldest Node the project states',
    (name) => {
      const range = manifest(join('node_modules', name)).engines?.node;
      if (range !== undefined)
        expect({
          name,
          range,
          admits: admits(range, `${oldest}.0`.split('.').slice(0, 3).join('.')),
        }).toEqual({ name, range, admits: true });
    },
  );
});
