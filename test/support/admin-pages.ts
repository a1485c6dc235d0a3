import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { UsersService } from '../../src/accounts/users.service.js';
import { newBookingBody } from './factories.js';
import { bearer, TestApp } from './test-app.js';

export type Agent = ReturnType<typeof request.agent>;

export const hidden = (html: string, name: string): string =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

/** The hidden fields of a form (the confirmation's), to post them back as a browser would. */
export const hiddenFields = (html: string): Record<string, string> =>
  Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
  );

/** The fields the error summary links to, in its order. */
export const summaryLinks = (html: string): string[] =>
  [
    ...(/<div class="alert alert-error"[\s\S]*?<\/div>\s*<\/div>/.exec(html)?.[0] ?? '').matchAll(
      /href="#([^"]+)"/g,
    ),
  ].map((m) => m[1]);

const password = 'correct horse battery';

/** An account of `role` signed in through the form /admin answers with, as a person who opened /admin would. */
export async function signInToAdmin(
  t: TestApp,
  role: 'admin' | 'staff',
  centreIds: string[] = [],
): Promise<Agent> {
  const email = `${role}-${randomBytes(3).toString('hex')}@test.localhost`;
  await t.app.get(UsersService).create({ email, password, role, centreIds });
  const agent = request.agent(t.app.getHttpServer());
  const form = await agent.get('/admin').expect(401);
  await agent
    .post('/staff/sign-in')
    .type('form')
    .send({ _csrf: hidden(form.text, '_csrf'), email, password, next: '/admin' })
    .expect(303);
  return agent;
}

/** Posts a form to the page at `path` with the CSRF token that page gives, expecting `status`. */
export async function postForm(agent: Agent, path: string, fields: Record<string, string>, status: number) {
  const form = await agent.get(path).expect(200);
  return agent
    .post(path)
    .type('form')
    .send({ _csrf: hidden(form.text, '_csrf'), ...fields })
    .expect(status);
}

/** A citizen's booking through the API, on `date` at `time` (+01:00), by a person named `fullName`. */
export async function bookAt(t: TestApp, centreId: string, date: string, time: string, fullName: string) {
  const body = newBookingBody(centreId, `${date}T${time}:00+01:00`, { applicant: { fullName } });
  const created = await t.http().post('/api/bookings').send(body).expect(201);
  return { ...(created.body as { id: string; reference: string }), email: body.applicant.email as string };
}

/** A booking's status as the desk's day list gives it. */
export async function statusOn(t: TestApp, token: string, centreId: string, date: string, reference: string) {
  const day = await t
    .http()
    .get(`/api/staff/centres/${centreId}/appointments?date=${date}`)
    .set(bearer(token))
    .expect(200);
  return (day.body as { reference: string; status: string }[]).find((a) => a.reference === reference)?.status;
}
