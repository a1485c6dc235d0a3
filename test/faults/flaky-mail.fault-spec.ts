import { DataSource } from 'typeorm';
import { OutboxDeliveryService } from '../../src/notifications/outbox-delivery.service.js';
import { newBookingBody, newCentre } from '../support/factories.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { loginAs, startTestApp, TestApp } from '../support/test-app.js';
import { SmtpProxy } from './support/smtp-proxy.js';
import { report } from './support/workload.js';

describe('Fault: a mail server that drops every third connection, some after the message data was sent', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let proxy: SmtpProxy;
  afterAll(async () => {
    await t?.close();
    await proxy?.stop();
    await sink?.stop();
  });

  it('delivers every message, a duplicate only with the same Message-ID, and loses none', async () => {
    sink = await (await SmtpSink.reserve()).start();
    // connections 3, 9, 15 … close at once; 6, 12, 18 … close once the server has taken the message
    proxy = await new SmtpProxy(sink.port, {
      drop: (n) => (n % 6 === 3 ? 'at connect' : n % 6 === 0 ? 'after data' : undefined),
    }).start();
    t = await startTestApp({ env: { SMTP_URL: proxy.url } });
    const admin = await loginAs(t, 'admin');
    const centre = await newCentre(t, admin.token);
    for (let i = 0; i < 16; i++) {
      const startsAt = `2027-01-0${5 + Math.floor(i / 8)}T09:${String(15 * Math.floor((i % 8) / 2)).padStart(2, '0')}:00+01:00`;
      await t.http().post('/api/bookings').send(newBookingBody(centre.id, startsAt)).expect(201);
    }
    const delivery = t.app.get(OutboxDeliveryService);
    const runs = [];
    for (let round = 0; round < 20; round++) {
      runs.push(await delivery.deliverDue());
      const [{ pending }] = await t.app
        .get(DataSource)
        .query<{ pending: number }[]>(
          `SELECT count(*)::int AS pending FROM outbox_message WHERE status = 'pending'`,
        );
      if (pending === 0) break;
      // past the longest backoff (an hour)
      t.clock.set(t.clock.now().plus({ hours: 1, seconds: 1 }));
    }
    const outbox = await t.app
      .get(DataSource)
      .query<{ id: string; status: string; attempts: number }[]>(
        'SELECT id, status, attempts FROM outbox_message',
      );
    const copies = new Map<string, string[]>();
    for (const message of sink.messages) {
      copies.set(message.messageId ?? '', [
        ...(copies.get(message.messageId ?? '') ?? []),
        message.subject ?? '',
      ]);
    }
    const duplicated = [...copies.values()].filter((subjects) => subjects.length > 1);
    report('mail server drops every third connection', {
      messages: outbox.length,
      connections: proxy.connections,
      dropped: proxy.dropped,
      rounds: runs.length,
      sent: runs.reduce((sum, run) => sum + run.sent, 0),
      retried: runs.reduce((sum, run) => sum + run.retried, 0),
      received: sink.messages.length,
      distinctMessageIds: copies.size,
      duplicated: duplicated.length,
    });

    expect(proxy.dropped['at connect']).toBeGreaterThan(0);
    expect(proxy.dropped['after data']).toBeGreaterThan(0);
    expect(outbox.length).toBe(16);
    expect(outbox.filter((row) => row.status !== 'sent')).toEqual([]);
    // none lost: every outbox message arrived under its own Message-ID, and nothing else arrived
    expect([...copies.keys()].sort()).toEqual(
      outbox.map((row) => `<${row.id}@borgerservice-booking>`).sort(),
    );
    // a message taken by the server whose answer was lost is sent again: the same Message-ID, the same message
    expect(duplicated.length).toBeGreaterThan(0);
    expect(duplicated.filter((subjects) => new Set(subjects).size !== 1)).toEqual([]);
  });
});
