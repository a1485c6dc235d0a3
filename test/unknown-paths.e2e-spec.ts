import { startTestApp, TestApp } from './support/test-app.js';

describe('A path nothing serves', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('is the pages’ 404 page for a browser, in its language', async () => {
    const page = await t
      .http()
      .get('/gammel-side?lang=en')
      .set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8')
      .expect(404)
      .expect('Content-Type', /text\/html/);
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain('The page does not exist.');
    const danish = await t.http().get('/gammel-side').set('Accept', 'text/html').expect(404);
    expect(danish.text).toContain('<html lang="da">');
  });

  it('is the API’s error body for an API client, and always under /api', async () => {
    const json = await t.http().get('/gammel-side').set('Accept', 'application/json').expect(404);
    expect(json.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    const api = await t.http().get('/api/no-such-thing').set('Accept', 'text/html').expect(404);
    expect(api.headers['content-type']).toMatch(/application\/json/);
    expect(api.body).toMatchObject({ statusCode: 404 });
  });
});
