import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabase } from '../../src/database/embedded.js';
import { AppProcess, sleep } from './support/processes.js';
import { book, health, ledger, login, newCentre, report, storm, tally } from './support/workload.js';

describe('Fault: the embedded app is SIGKILLed during writes and started again on its data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fault-embedded-'));
  const apps: AppProcess[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts again (the stale lock taken over) with every booking it answered 201, and the ledger holds', async () => {
    const first = await AppProcess.start('first', { DATA_DIR: dataDir, JOBS_ENABLED: 'false' });
    apps.push(first);
    const token = await login(first.url);
    const centre = await newCentre(first.url, token, 400);
    const [spare, ...slots] = centre.slots;
    let killedAt = Infinity;
    const kill = (async () => {
      await sleep(2500);
      killedAt = Date.now();
      first.kill('SIGKILL');
      await first.exited;
    })();
    const outcomes = await storm({
      targets: () => [first.url],
      centreId: centre.id,
      slots,
      requests: 3000,
      concurrency: 4,
      maxMs: 4000,
    });
    await kill;
    const staleLock = existsSync(join(dataDir, 'app.lock'))
      ? readFileSync(join(dataDir, 'app.lock'), 'utf8')
      : '';

    const second = await AppProcess.start('second', { DATA_DIR: dataDir, JOBS_ENABLED: 'false' });
    apps.push(second);
    const healthy = await health(second.url);
    const after = await book(second.url, centre.id, spare);
    await second.stop();
    const exit = await second.exited;
    const lockReleased = !existsSync(join(dataDir, 'app.lock'));

    const database = await EmbeddedDatabase.open(dataDir);
    const books = await ledger(
      async <T>(sql: string, parameters?: unknown[]) =>
        (await database.pglite.query<T>(sql, parameters)).rows,
    );
    await database.close();
    const answered201 = outcomes.filter((o) => o.answer === 201).map((o) => o.reference!);
    report('embedded app SIGKILLed during writes', {
      requests: outcomes.length,
      statuses: tally(outcomes),
      afterKill: outcomes.filter((o) => o.at > killedAt).length,
      staleLockPid: staleLock,
      restartedHealth: healthy.status,
      bookingAfterRestart: after.answer,
      secondExit: exit,
      lockReleasedOnStop: lockReleased,
      ledger: {
        cells: books.cells,
        desksTaken: books.desksTaken,
        bookings: books.bookings,
        mismatched: books.mismatched.length,
        uncounted: books.uncounted,
      },
    });

    expect(staleLock).toBe(String(first.pid));
    expect(answered201.length).toBeGreaterThan(0);
    // killed with requests in flight, and still sending afterwards
    expect(outcomes.filter((o) => o.answer === 'no answer').length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.at > killedAt).length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => typeof o.answer === 'number' && o.answer >= 500)).toEqual([]);
    expect(healthy.status).toBe(200);
    expect(after.answer).toBe(201);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(lockReleased).toBe(true);
    expect(answered201.filter((reference) => !books.references.includes(reference))).toEqual([]);
    expect(books.references).toContain(after.reference);
    expect(books.mismatched).toEqual([]);
    expect(books.uncounted).toBe(0);
  });
});
