import { randomBytes } from 'node:crypto';
import { AppProcess, sleep } from './support/processes.js';
import { PgServer } from './support/pg-server.js';
import { book, login, newCentre, report } from './support/workload.js';

async function remaining(base: string, centreId: string, startsAt: string): Promise<number | string> {
  const day = new Date(startsAt).toISOString().slice(0, 10);
  const response = await fetch(
    `${base}/api/centres/${centreId}/availability?from=${day}&to=${day}&type=MITID_NEW`,
  );
  if (response.status !== 200) return response.status;
  const body = (await response.json()) as { days: { slots: { startsAt: string; remaining: number }[] }[] };
  const slot = body.days
    .flatMap((d) => d.slots)
    .find((s) => new Date(s.startsAt).getTime() === new Date(startsAt).getTime());
  return slot?.remaining ?? 0;
}

describe('DATABASE_REPLICA_URL: availability read from a streaming replica made by pg_basebackup -R', () => {
  let primary: PgServer;
  let replica: PgServer;
  const apps: AppProcess[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    replica?.destroy();
    primary?.destroy();
  });

  it('reads availability from the replica, from the server while the replica is down, and from the replica while the server is', async () => {
    primary = await PgServer.create();
    const databaseUrl = await primary.createDatabase('booking');
    replica = await PgServer.replicaOf(primary);
    const app = await AppProcess.start('app', {
      DATABASE_URL: databaseUrl,
      DATABASE_REPLICA_URL: replica.url('booking'),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
      JOBS_ENABLED: 'false',
      DATABASE_TIMEOUT_MS: '2000',
    });
    apps.push(app);
    const token = await login(app.url);
    const centre = await newCentre(app.url, token, 3);
    const [first, second, third] = centre.slots;
    const replicaConnections = async () =>
      (
        await replica.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'booking' AND pid <> pg_backend_pid()`,
        )
      )[0].n;

    const before = await remaining(app.url, centre.id, first);
    const booked = await book(app.url, centre.id, first);
    // the replica shows the booking once it has replayed it
    let afterBooking: number | string = before;
    for (let i = 0; i < 50 && afterBooking === before; i++) {
      await sleep(100);
      afterBooking = await remaining(app.url, centre.id, first);
    }
    const connectionsOnReplica = await replicaConnections();

    replica.stop('fast');
    const replicaDown = {
      availability: await remaining(app.url, centre.id, second),
      booking: (await book(app.url, centre.id, second)).answer,
    };
    await replica.start();
    await sleep(5500); // the replica is tried again after 5 s

    primary.stop('fast');
    const serverDown = {
      availability: await remaining(app.url, centre.id, third),
      booking: (await book(app.url, centre.id, third)).answer,
    };
    const connectionsOnReplicaWhileServerDown = await replicaConnections();
    await primary.start();

    report('read replica', {
      before,
      booking: booked.answer,
      afterBooking,
      connectionsOnReplica,
      replicaDown,
      serverDown,
      connectionsOnReplicaWhileServerDown,
    });
    expect(booked.answer).toBe(201);
    expect([before, afterBooking]).toEqual([2, 1]);
    expect(connectionsOnReplica).toBeGreaterThan(0);
    expect(replicaDown).toEqual({ availability: 2, booking: 201 });
    // the server out of reach: bookings 503, but times can still be looked up on the replica
    expect(serverDown).toEqual({ availability: 2, booking: 503 });
    expect(connectionsOnReplicaWhileServerDown).toBeGreaterThan(0);
  });
});
