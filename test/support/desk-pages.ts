import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { UsersService } from '../../src/accounts/users.service.js';
import { hidden } from './admin-pages.js';
import type { Agent } from './admin-pages.js';
import { newBookingBody, newCentre } from './factories.js';
import { bearer, loginAs, TestApp } from './test-app.js';

export type Booked = {
  id: string;
  reference: string;
  applicant: { fullName: string; email: string };
  cprNumber: string;
};

const MONDAY = '2027-01-04';
const password = 'correct horse battery';

/** A new staff account for `centreIds`, signed in through the desk's form as a browser would. */
export async function signIn(app: TestApp, centreIds: string[]): Promise<Agent> {
  const email = `desk-${randomBytes(4).toString('hex')}@test.localhost`;
  await app.app.get(UsersService).create({ email, password, role: 'staff', centreIds });
  const agent = request.agent(app.app.getHttpServer());
  const form = await agent.get('/staff').expect(200);
  await agent
    .post('/staff/sign-in')
    .type('form')
    .send({ _csrf: hidden(form.text, '_csrf'), email, password })
    .expect(303);
  return agent;
}

/** A new centre with three bookings on Monday 4 January 2027 at 09:00, 09:15 and 09:30 (the clock set to 08:00). */
export async function centreWithQueue(
  t: TestApp,
  admin: string,
  name: string,
): Promise<{ id: string; bookings: Booked[] }> {
  t.clock.set(`${MONDAY}T08:00:00+01:00`);
  const id = (await newCentre(t, admin, { name })).id;
  const bookings: Booked[] = [];
  for (const time of ['09:00', '09:15', '09:30']) {
    const body = newBookingBody(id, `${MONDAY}T${time}:00+01:00`);
    const created = (await t.http().post('/api/bookings').send(body).expect(201)).body as Booked;
    bookings.push({ ...created, cprNumber: body.applicant.cprNumber as string });
  }
  return { id, bookings };
}

/** Checks the appointments in through the API, in the order given. */
export async function checkIn(app: TestApp, ids: string[], centreId: string): Promise<void> {
  const { token } = await loginAs(app, 'staff', [centreId]);
  for (const id of ids)
    await app.http().post(`/api/staff/appointments/${id}/check-in`).set(bearer(token)).expect(200);
}

/** Posts a form of `page` (its CSRF token) with `fields`. */
export const post = (agent: Agent, path: string, page: string, fields: Record<string, string>) =>
  agent
    .post(path)
    .type('form')
    .send({ _csrf: hidden(page, '_csrf'), ...fields });
