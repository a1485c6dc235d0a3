import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const repo = resolve(import.meta.dirname, '..');
const run = promisify(execFile);

/** depcruise with the repository's own rules over a small tree of the given files; the rules each one broke. */
async function violations(files: Record<string, string>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'import-rules-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' },
        include: ['src'],
      }),
    );
    const cli = join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
    const args = [cli, '--config', join(repo, '.dependency-cruiser.cjs'), '--output-type', 'json', 'src'];
    const { stdout } = await run(process.execPath, args, { cwd: dir }).catch((error: { stdout: string }) => ({
      stdout: error.stdout,
    }));
    const result = JSON.parse(stdout) as { summary: { violations: { rule: { name: string } }[] } };
    return [...new Set(result.summary.violations.map((violation) => violation.rule.name))].sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the import rules (npm run lint)', () => {
  it('pass a tree that uses another capability through its index', async () => {
    expect(
      await violations({
        'src/common/clock.ts': 'export const now = () => 1;\n',
        'src/bookings/index.ts': "export { book } from './book.js';\n",
        'src/bookings/book.ts':
          "import { now } from '../common/clock.js';\nexport const book = () => now();\n",
        'src/desk/desk.ts':
          "import { book } from '../bookings/index.js';\nexport const desk = () => book();\n",
      }),
    ).toEqual([]);
  });

  it("refuse a reach into another capability's internal file", async () => {
    expect(
      await violations({
        'src/bookings/index.ts': "export { book } from './book.js';\n",
        'src/bookings/book.ts': 'export const book = () => 1;\n',
        'src/desk/desk.ts':
          "import { book } from '../bookings/book.js';\nexport const desk = () => book();\n",
      }),
    ).toEqual(['no-reach-into-capability']);
  });

  it('refuse a cycle between folders, even through their indexes', async () => {
    expect(
      await violations({
        'src/bookings/index.ts': "export { book } from './book.js';\n",
        'src/bookings/book.ts':
          "import { mail } from '../notifications/index.js';\nexport const book = () => mail();\n",
        'src/notifications/index.ts': "export { mail } from './mail.js';\n",
        'src/notifications/mail.ts':
          "import { book } from '../bookings/index.js';\nexport const mail = () => book;\n",
      }),
    ).toContain('no-folder-cycle');
  });

  it('refuse a kernel that imports a capability', async () => {
    expect(
      await violations({
        'src/bookings/index.ts': "export const code = 'B';\n",
        'src/common/filter.ts':
          "import { code } from '../bookings/index.js';\nexport const filter = () => code;\n",
      }),
    ).toEqual(['kernel-knows-no-capability']);
  });
});
