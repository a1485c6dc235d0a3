import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { statusOf } from './error-statuses.js';
import type { DomainError } from './common/domain-error.js';

/** Every `export enum …ErrorCode` in src/, found in the source rather than listed, so a new one cannot be missed. */
function errorCodeEnums(dir: string): { file: string; name: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return errorCodeEnums(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/export enum (\w+ErrorCode)\b/g)].map((m) => ({
      file: path,
      name: m[1],
    }));
  });
}

describe('error statuses', () => {
  const enums = errorCodeEnums(import.meta.dirname);

  it('finds the error codes of every capability', () => {
    expect(enums.length).toBeGreaterThanOrEqual(8);
  });

  it.each(enums.map(({ file, name }) => [relative(import.meta.dirname, file), name]))(
    'gives every code of %s (%s) a 4xx or 503',
    async (file, name) => {
      const module = (await import(`./${file.replace(/\.ts$/, '.js')}`)) as Record<
        string,
        Record<string, string>
      >;
      for (const code of Object.values(module[name])) {
        const status = statusOf({ code } as DomainError);
        expect([status >= 400 && status < 500, status === 503]).toContain(true);
      }
    },
  );
});
