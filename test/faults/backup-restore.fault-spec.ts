import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabase } from '../../src/database/embedded.js';
import { AppProcess } from './support/processes.js';
import { bookingBody, ledger, login, newCentre, report } from './support/workload.js';

/** The script as `npm run backup` / `npm run restore` run it, on dist/ built by npm run test:faults. */
function script(command: 'backup' | 'restore', dataDir: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['dist/scripts/backup.js', command, ...args], {
    env: { PATH: process.env.PATH, DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('Backup and restore of the embedded database', () => {
  const root = mkdtempSync(join(tmpdir(), 'fault-backup-'));
  const apps: AppProcess[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    rmSync(root, { recursive: true, force: true });
  });

  it('copies a running app’s database with its secrets, and restores it into an empty directory only', async () => {
    const source = join(root, 'source');
    const app = await AppProcess.start('source', { DATA_DIR: source, JOBS_ENABLED: 'false' });
    apps.push(app);
    const token = await login(app.url);
    const centre = await newCentre(app.url, token, 10);
    const booked: { reference: string; manageToken: string }[] = [];
    for (const startsAt of centre.slots) {
      const response = await fetch(`${app.url}/api/bookings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(bookingBody(centre.id, startsAt)),
      });
      expect(response.status).toBe(201);
      booked.push((await response.json()) as { reference: string; manageToken: string });
    }

    const file = join(root, 'online.backup');
    const online = script('backup', source, file);
    const bare = script('backup', source, join(root, 'bare.backup'), '--without-secrets');
    // a booking after the backup is not in it
    const late = await fetch(`${app.url}/api/bookings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(bookingBody(centre.id, centre.slots[0])),
    });
    expect(late.status).toBe(201);
    await app.stop();
    const offline = script('backup', source, join(root, 'offline.backup'));

    const notEmpty = join(root, 'not-empty');
    mkdirSync(notEmpty);
    writeFileSync(join(notEmpty, 'something'), 'x');
    const refused = script('restore', notEmpty, file);
    const target = join(root, 'restored');
    const restored = script('restore', target, file);
    const bareTarget = join(root, 'restored-bare');
    const restoredBare = script('restore', bareTarget, join(root, 'bare.backup'));

    const again = await AppProcess.start('restored', { DATA_DIR: target, JOBS_ENABLED: 'false' });
    apps.push(again);
    const views = await Promise.all(
      booked.map(async (booking) => {
        const response = await fetch(`${again.url}/api/bookings/${booking.reference}`, {
          headers: { 'X-Manage-Token': booking.manageToken },
        });
        return {
          status: response.status,
          body: (await response.json()) as { applicant: { fullName: string } },
        };
      }),
    );
    await again.stop();
    const database = await EmbeddedDatabase.open(target);
    const books = await ledger(
      async <T>(sql: string, parameters?: unknown[]) =>
        (await database.pglite.query<T>(sql, parameters)).rows,
    );
    await database.close();
    report('backup and restore', {
      bookings: booked.length,
      online: online.output.trim(),
      withoutSecrets: bare.output.trim(),
      offline: offline.output.trim(),
      refused: refused.output.trim(),
      restored: restored.output.trim(),
      restoredWithoutSecrets: restoredBare.output.trim(),
      readableAfterRestore: views.filter((view) => view.status === 200).length,
      ledger: {
        cells: books.cells,
        desksTaken: books.desksTaken,
        bookings: books.bookings,
        mismatched: books.mismatched.length,
      },
    });

    expect([online.status, bare.status, offline.status, restored.status, restoredBare.status]).toEqual([
      0, 0, 0, 0, 0,
    ]);
    expect(online.output).toMatch(/with its secrets file/);
    expect(bare.output).toMatch(/WITHOUT the secrets file/);
    expect(refused.status).toBe(1);
    expect(refused.output).toMatch(/is not empty/);
    expect(existsSync(join(target, 'secrets.json'))).toBe(true);
    expect(existsSync(join(bareTarget, 'secrets.json'))).toBe(false);
    expect(restoredBare.output).toMatch(/no secrets file/);
    // the restored app reads every booking, personal data decrypted with the restored keys
    expect(views.map((view) => view.status)).toEqual(booked.map(() => 200));
    expect(views.every((view) => view.body.applicant.fullName.startsWith('Fault Person'))).toBe(true);
    expect(books.references.sort()).toEqual(booked.map((booking) => booking.reference).sort());
    expect(books.mismatched).toEqual([]);
  });
});
