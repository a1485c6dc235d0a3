import { ADMIN } from './processes.js';

export type Answer = number | 'refused' | 'no answer';

export interface Outcome {
  target: string;
  answer: Answer;
  reference?: string;
  retryAfter?: string | null;
  body?: unknown;
  /** When the request was sent and when its answer (or failure) came. */
  at: number;
  doneAt: number;
}

async function call(
  url: string,
  method: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as unknown) : undefined,
    headers: response.headers,
  };
}

async function expectStatus(url: string, method: string, status: number, body?: unknown, token?: string) {
  const response = await call(url, method, body, token);
  if (response.status !== status)
    throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Record<string, unknown>;
}

export async function login(base: string): Promise<string> {
  return (await expectStatus(`${base}/api/auth/login`, 'POST', 200, ADMIN)).accessToken as string;
}

/** A centre open Mon–Fri 09:00–12:00 with 2 desks on a 15-minute grid; returns its id and bookable times. */
export async function newCentre(base: string, token: string, slotCount: number) {
  const centre = await expectStatus(
    `${base}/api/admin/centres`,
    'POST',
    201,
    {
      name: 'Borgerservice Fejlby',
      address: 'Torvet 1, 9999 Fejlby',
      municipality: 'Fejlby',
      slotMinutes: 15,
      bookingHorizonDays: 120,
      minNoticeHours: 0,
    },
    token,
  );
  const id = centre.id as string;
  await expectStatus(
    `${base}/api/admin/centres/${id}/appointment-types`,
    'PUT',
    200,
    [{ code: 'MITID_NEW', name: 'New MitID', durationMinutes: 15 }],
    token,
  );
  const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '09:00', closes: '12:00', desks: 2 }));
  await expectStatus(`${base}/api/admin/centres/${id}/opening-hours`, 'PUT', 200, { weekly }, token);
  const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 80 * 86_400_000).toISOString().slice(0, 10);
  const availability = await expectStatus(
    `${base}/api/centres/${id}/availability?from=${from}&to=${to}&type=MITID_NEW`,
    'GET',
    200,
  );
  const slots = (availability.days as { slots: { startsAt: string }[] }[]).flatMap((day) =>
    day.slots.map((slot) => slot.startsAt),
  );
  if (slots.length < slotCount) throw new Error(`only ${slots.length} bookable times`);
  return { id, slots: slots.slice(0, slotCount) };
}

let person = 0;

export function bookingBody(centreId: string, startsAt: string) {
  const n = ++person;
  const cpr = `${String((n % 28) + 1).padStart(2, '0')}${String((Math.floor(n / 28) % 12) + 1).padStart(2, '0')}90-${1000 + Math.floor(n / 336)}`;
  return {
    centreId,
    appointmentType: 'MITID_NEW',
    startsAt,
    applicant: {
      fullName: `Fault Person ${n}`,
      email: `fault${n}@example.dk`,
      cprNumber: cpr,
      nationality: 'DK',
      countryOfResidence: 'DK',
      language: 'da',
    },
    documents: [{ type: 'DK_DRIVING_LICENCE' }],
  };
}

export async function book(target: string, centreId: string, startsAt: string): Promise<Outcome> {
  const at = Date.now();
  try {
    const response = await call(`${target}/api/bookings`, 'POST', bookingBody(centreId, startsAt));
    return {
      target,
      answer: response.status,
      reference: response.status === 201 ? (response.body as { reference: string }).reference : undefined,
      retryAfter: response.headers.get('retry-after'),
      body: response.status >= 500 ? response.body : undefined,
      at,
      doneAt: Date.now(),
    };
  } catch (error) {
    const code = ((error as { cause?: { code?: string } }).cause ?? {}).code;
    return { target, answer: code === 'ECONNREFUSED' ? 'refused' : 'no answer', at, doneAt: Date.now() };
  }
}

export async function health(
  target: string,
): Promise<{ status: number | 'refused'; body?: unknown; retryAfter?: string | null }> {
  try {
    const response = await call(`${target}/api/health`, 'GET');
    return { status: response.status, body: response.body, retryAfter: response.headers.get('retry-after') };
  } catch {
    return { status: 'refused' };
  }
}

/** A citizen's page that reads the database (the week of free times), as a browser asks for it. */
export async function timesPage(
  target: string,
  centreId: string,
): Promise<{ status: number | 'refused'; type?: string | null; retryAfter?: string | null; text?: string }> {
  try {
    const response = await fetch(`${target}/book/time?centre=${centreId}&type=MITID_NEW&lang=en`, {
      headers: { Accept: 'text/html' },
      signal: AbortSignal.timeout(15_000),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      retryAfter: response.headers.get('retry-after'),
      text: await response.text(),
    };
  } catch {
    return { status: 'refused' };
  }
}

/**
 * Bookings from `concurrency` clients, each picking a time at random and an instance in turn, until `requests`
 * are sent or `maxMs` passed; a client that is told 503 (or gets no answer) waits `pauseMs` before its next
 * request, and every client `paceMs` after each.
 */
export async function storm(options: {
  targets: () => string[];
  centreId: string;
  slots: string[];
  requests: number;
  concurrency: number;
  maxMs: number;
  pauseMs?: number;
  /** A wait after every request, so that the desks fill over seconds rather than at once. */
  paceMs?: number;
}): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const deadline = Date.now() + options.maxMs;
  let sent = 0;
  const client = async (c: number) => {
    while (sent < options.requests && Date.now() < deadline) {
      const targets = options.targets();
      const target = targets[(sent + c) % targets.length];
      sent++;
      const slot = options.slots[Math.floor(Math.random() * options.slots.length)];
      const outcome = await book(target, options.centreId, slot);
      outcomes.push(outcome);
      if (typeof outcome.answer !== 'number' || outcome.answer >= 500)
        await new Promise((r) => setTimeout(r, options.pauseMs ?? 100));
      if (options.paceMs) await new Promise((r) => setTimeout(r, options.paceMs));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, c) => client(c)));
  return outcomes;
}

export function tally(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) counts[String(outcome.answer)] = (counts[String(outcome.answer)] ?? 0) + 1;
  return counts;
}

type Query = <T>(sql: string, parameters?: unknown[]) => Promise<T[]>;

/** Desks taken against the bookings that hold them, cell by cell, and bookings whose cell has no row at all. */
export async function ledger(query: Query) {
  const cells = await query<{ starts_at: Date; booked: number; holding: number }>(
    `SELECT c.starts_at, c.booked, (SELECT count(*)::int FROM booking b WHERE b.centre_id = c.centre_id
       AND b.status IN ('booked', 'checked_in') AND c.starts_at = ANY(b.cell_starts)) AS holding
     FROM slot_capacity c`,
  );
  const [{ uncounted }] = await query<{ uncounted: number }>(
    `SELECT count(*)::int AS uncounted FROM booking b, unnest(b.cell_starts) AS s(starts_at)
     WHERE b.status IN ('booked', 'checked_in')
       AND NOT EXISTS (SELECT 1 FROM slot_capacity c WHERE c.centre_id = b.centre_id AND c.starts_at = s.starts_at)`,
  );
  const references = (
    await query<{ reference: string }>(
      `SELECT reference FROM booking WHERE status IN ('booked', 'checked_in')`,
    )
  ).map((row) => row.reference);
  return {
    cells: cells.length,
    desksTaken: cells.reduce((sum, cell) => sum + cell.booked, 0),
    bookings: references.length,
    mismatched: cells.filter((cell) => cell.booked !== cell.holding),
    uncounted,
    references,
  };
}

/** Each scenario's figures, for the log of the run. */
export function report(scenario: string, figures: Record<string, unknown>): void {
  process.stdout.write(`\n[fault] ${scenario}: ${JSON.stringify(figures)}\n`);
}
