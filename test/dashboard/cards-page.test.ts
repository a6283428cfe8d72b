import fs from 'node:fs';
import path from 'node:path';
import { CARDS_DIR } from '../../src/paths';
import { type DashboardRig, startDashboardRig } from './rig';

/** The Kaarten page over HTTP: for coordinators only, with every template of cards/*.json on it. */

jest.setTimeout(60_000);

const TEMPLATES = fs
  .readdirSync(CARDS_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => path.basename(f, '.json'));

let rig: DashboardRig;
beforeAll(async () => {
  rig = await startDashboardRig();
});
afterAll(async () => {
  await rig?.close();
});

/** Follows a sign-in link the way the browser does: the token POSTed, the session cookie kept. */
async function sessionOf(memberId: string): Promise<string> {
  const token = new URL(rig.link(memberId)).searchParams.get('token') ?? '';
  const login = await fetch(`${rig.base}/dashboard/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });
  expect(login.status).toBe(303);
  return (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

const get = (url: string, cookie?: string) =>
  fetch(`${rig.base}${url}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

it('shows a coordinator every card template, drawn by the renderer served from this server', async () => {
  expect(TEMPLATES.length).toBeGreaterThanOrEqual(14);
  const res = await get('/dashboard/cards', await sessionOf(rig.people.coordinator.id));
  expect(res.status).toBe(200);
  const text = await res.text();
  for (const name of TEMPLATES) {
    expect(text).toContain(`<code>${name}</code>`);
    expect(text).toContain(`data-card="${name}"`);
  }
  expect(text).toContain('<script src="/dashboard/assets/adaptivecards.min.js"></script>');
  expect(text).toContain('https://app.slack.com/block-kit-builder#');
  expect(text).toContain('<a href="/dashboard/cards">Kaarten</a>');
  // The card JSON sits in a data element the page's strict CSP allows (no inline script runs).
  const json = /<script type="application\/json" id="card-data">([\s\S]*?)<\/script>/.exec(text)?.[1];
  const data = JSON.parse(json ?? '{}') as { cards: Record<string, { type: string }> };
  expect(Object.keys(data.cards).sort()).toEqual([...TEMPLATES].sort());
  expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");

  const renderer = await get('/dashboard/assets/adaptivecards.min.js');
  expect(renderer.status).toBe(200);
  expect(renderer.headers.get('content-type')).toContain('javascript');
  expect(await renderer.text()).toContain('AdaptiveCards');
});

it('gives the cards in English to a viewer who chose English', async () => {
  const res = await get('/dashboard/cards?lang=en', await sessionOf(rig.people.coordinator.id));
  const text = await res.text();
  expect(res.status).toBe(200);
  expect(text).toContain('<h1>Cards</h1>');
  expect(text).toContain('Open in Block Kit Builder');
});

it('refuses a board member (403) and someone not signed in (401)', async () => {
  const member = await get('/dashboard/cards', await sessionOf(rig.people.anna.id));
  expect(member.status).toBe(403);
  const page = await member.text();
  expect(page).toContain('Deze pagina is alleen voor coördinatoren.');
  expect(page).not.toContain('data-card=');
  expect(page).not.toContain('<a href="/dashboard/cards">'); // no Kaarten in the nav either
  const anonymous = await get('/dashboard/cards');
  expect(anonymous.status).toBe(401);
  expect(await anonymous.text()).not.toContain('data-card=');
});
