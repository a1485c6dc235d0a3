import { randomBytes } from 'node:crypto';
import { SmtpSink } from '../support/smtp-sink.js';
import { AppProcess, sleep } from './support/processes.js';
import { PgServer } from './support/pg-server.js';
import { SmtpProxy } from './support/smtp-proxy.js';
import { ledger, login, newCentre, Outcome, report, storm, tally } from './support/workload.js';

describe('Fault: one of two instances is SIGKILLed mid-storm', () => {
  let server: PgServer;
  let sink: SmtpSink;
  let proxy: SmtpProxy;
  const apps: AppProcess[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await proxy?.stop();
    await sink?.stop();
    server?.destroy();
  });

  it('the survivor serves throughout, the ledger holds, and it sends the killed one’s mail once the lease ends', async () => {
    server = await PgServer.create();
    sink = await (await SmtpSink.reserve()).start();
    // a slow mail server, so that the instance is killed with claimed mail not yet sent
    proxy = await new SmtpProxy(sink.port, { delayMs: 10 }).start();
    const env = {
      DATABASE_URL: await server.createDatabase('booking'),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
      JOBS_ENABLED: 'true',
      SMTP_URL: proxy.url,
      OUTBOX_LEASE_SECONDS: '5',
    };
    const [victim, survivor] = [
      await AppProcess.start('victim', env),
      await AppProcess.start('survivor', env),
    ];
    apps.push(victim, survivor);
    const token = await login(survivor.url);
    const centre = await newCentre(survivor.url, token, 60);
    const query = <T>(sql: string, parameters?: unknown[]) => server.query<T>(sql, parameters, 'booking');

    let killed = false;
    let killedAt = Infinity;
    let atKill = { unsent: 0, leased: 0 };
    const kill = (async () => {
      await sleep(2000);
      killedAt = Date.now();
      victim.kill('SIGKILL');
      killed = true;
      await victim.exited;
      [atKill] = await query<{ unsent: number; leased: number }>(
        `SELECT count(*)::int AS unsent, count(*) FILTER (WHERE lease_until > now())::int AS leased
         FROM outbox_message WHERE status = 'pending'`,
      );
    })();
    const outcomes = await storm({
      // a load balancer stops sending to the instance that is gone
      targets: () => (killed ? [survivor.url] : [victim.url, survivor.url]),
      centreId: centre.id,
      slots: centre.slots,
      requests: 1500,
      concurrency: 4,
      paceMs: 100,
      maxMs: 7000,
    });
    await kill;

    const committedByVictim = outcomes.filter((o) => o.target === victim.url && o.answer === 201).length;
    let mail = { pending: -1, sent: 0 };
    const waitStarted = Date.now();
    while (Date.now() - waitStarted < 60_000) {
      [mail] = await query<{ pending: number; sent: number }>(
        `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
                count(*) FILTER (WHERE status = 'sent')::int AS sent FROM outbox_message`,
      );
      if (mail.pending === 0) break;
      await sleep(500);
    }
    const outbox = await query<{ id: string; booking_id: string; kind: string; status: string }>(
      'SELECT id, booking_id, kind, status FROM outbox_message',
    );
    const received = new Set(sink.messages.map((message) => message.messageId));
    const books = await ledger(query);
    const bySurvivor = (o: Outcome) => o.target === survivor.url;
    report('one of two instances SIGKILLed', {
      requests: outcomes.length,
      survivor: tally(outcomes.filter(bySurvivor)),
      victim: tally(outcomes.filter((o) => !bySurvivor(o))),
      committedByVictim,
      survivorAfterKill: tally(outcomes.filter((o) => bySurvivor(o) && o.at > killedAt)),
      mailAtKill: atKill,
      mail: {
        ...mail,
        messagesReceived: sink.messages.length,
        distinct: received.size,
        drainedInMs: Date.now() - waitStarted,
      },
      ledger: {
        cells: books.cells,
        desksTaken: books.desksTaken,
        bookings: books.bookings,
        mismatched: books.mismatched.length,
        uncounted: books.uncounted,
      },
    });

    expect(outcomes.filter(bySurvivor).filter((o) => o.answer !== 201 && o.answer !== 409)).toEqual([]);
    expect(outcomes.filter((o) => typeof o.answer === 'number' && o.answer >= 500)).toEqual([]);
    expect(committedByVictim).toBeGreaterThan(0);
    // killed while bookings were still being taken; the survivor went on taking them
    expect(
      outcomes.filter((o) => bySurvivor(o) && o.at > killedAt && o.answer === 201).length,
    ).toBeGreaterThan(0);
    expect(atKill.unsent).toBeGreaterThan(0);
    expect(books.mismatched).toEqual([]);
    expect(books.uncounted).toBe(0);
    const answered201 = outcomes.filter((o) => o.answer === 201).map((o) => o.reference!);
    expect(answered201.filter((reference) => !books.references.includes(reference))).toEqual([]);
    // every booking's confirmation went out, the victim's included, and nothing is left pending
    const [{ unconfirmed }] = await query<{ unconfirmed: number }>(
      `SELECT count(*)::int AS unconfirmed FROM booking b WHERE NOT EXISTS
         (SELECT 1 FROM outbox_message m WHERE m.booking_id = b.id AND m.kind = 'confirmation' AND m.status = 'sent')`,
    );
    expect(unconfirmed).toBe(0);
    expect(mail.pending).toBe(0);
    expect(outbox.filter((row) => !received.has(`<${row.id}@borgerservice-booking>`))).toEqual([]);
  });
});
