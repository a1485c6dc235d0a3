import { format, fromAcceptLanguage, keyPaths } from '../i18n.js';
import { da } from './da.js';
import { en } from './en.js';

const at = (texts: object, path: string): string =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], texts) as string;

describe('the pages’ texts', () => {
  it('have the same keys in Danish and English', () => {
    expect(keyPaths(en).sort()).toEqual(keyPaths(da).sort());
    expect(keyPaths(da).length).toBeGreaterThan(150);
  });

  it('are never empty and fill in the same placeholders in both languages', () => {
    for (const path of keyPaths(da)) {
      expect([path, at(da, path).trim().length > 0, at(en, path).trim().length > 0]).toEqual([
        path,
        true,
        true,
      ]);
      const holes = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect([path, holes(at(en, path))]).toEqual([path, holes(at(da, path))]);
    }
  });

  it('fill placeholders and leave unknown ones', () => {
    expect(format('Trin {n} af {m}', { n: 2, m: 7 })).toBe('Trin 2 af 7');
    expect(format('{a} {b}', { a: 'x' })).toBe('x {b}');
  });
});

describe('Accept-Language', () => {
  it.each([
    [undefined, 'da'],
    ['', 'da'],
    ['fr-FR, de;q=0.8', 'da'],
    ['en-GB,en;q=0.9', 'en'],
    ['da-DK, en;q=0.5', 'da'],
    ['fr, en;q=0.5, da;q=0.4', 'en'],
    ['en;q=0.2, da;q=0.9', 'da'],
    ['en;q=0, fr', 'da'],
    ['EN-us', 'en'],
  ])('%p gives %p', (header, language) => {
    expect(fromAcceptLanguage(header)).toBe(language);
  });
});
