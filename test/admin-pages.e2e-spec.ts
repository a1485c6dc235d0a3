import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { UsersService } from '../src/accounts/users.service.js';
import { newCentre } from './support/factories.js';
import { loginAs, startTestApp, TestApp } from './support/test-app.js';

type Agent = ReturnType<typeof request.agent>;

const hidden = (html: string, name: string): string =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

describe('Administration pages: who gets in', () => {
  let t: TestApp;
  let centreId: string;
  const password = 'correct horse battery';

  async function account(role: 'admin' | 'staff'): Promise<string> {
    const email = `${role}-${randomBytes(3).toString('hex')}@test.localhost`;
    await t.app
      .get(UsersService)
      .create({ email, password, role, centreIds: role === 'staff' ? [centreId] : [] });
    return email;
  }

  /** Signs in through the form /admin answers with, as a person who opened /admin would. */
  async function signInFromAdmin(email: string): Promise<{ agent: Agent; location: string }> {
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/admin').expect(401);
    expect(hidden(form.text, 'next')).toBe('/admin');
    const signedIn = await agent
      .post('/staff/sign-in')
      .type('form')
      .send({ _csrf: hidden(form.text, '_csrf'), email, password, next: hidden(form.text, 'next') })
      .expect(303);
    return { agent, location: signedIn.headers.location };
  }

  beforeAll(async () => {
    t = await startTestApp();
    centreId = (await newCentre(t, (await loginAs(t, 'admin')).token, { name: 'Borgerservice Vejle' })).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('asks for sign-in at /admin and leads an administrator back there', async () => {
    const { agent, location } = await signInFromAdmin(await account('admin'));
    expect(location).toBe('/admin');
    const home = await agent.get('/admin').expect(200);
    expect(home.headers['cache-control']).toBe('no-store');
    expect(home.text).toContain('aria-current="page"');
    expect(home.text).toContain('href="/admin/centre"');
    // the desk pages offer an administrator the way back
    const desk = await agent.get('/staff/centre').redirects(1).expect(200);
    expect(desk.text).toContain('href="/admin"');
  });

  it('gives a desk account a 403 page that leads to the desk, and no administration link at the desk', async () => {
    const { agent } = await signInFromAdmin(await account('staff'));
    const refused = await agent.get('/admin').expect(403);
    expect(refused.text).toContain('href="/staff/centre"');
    expect(refused.text).not.toContain('href="/admin/centre"');
    const desk = await agent.get(`/staff/centre/${centreId}`).expect(200);
    expect(desk.text).not.toContain('href="/admin"');
  });

  it('never leads a sign-in anywhere but the desk or the administration', async () => {
    const agent = request.agent(t.app.getHttpServer());
    const form = await agent.get('/staff').expect(200);
    const signedIn = await agent
      .post('/staff/sign-in')
      .type('form')
      .send({
        _csrf: hidden(form.text, '_csrf'),
        email: await account('admin'),
        password,
        next: 'https://evil.example/',
      })
      .expect(303);
    expect(signedIn.headers.location).toBe('/staff/centre');
  });
});
