import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { ssoAudiences } from '../../src/adapters/web/dashboard/sso';
import { CARD_NAMES } from '../../src/cards/names';
import { APP_ID, type DashboardRig, startDashboardRig, TENANT, TESS_OID } from './rig';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');
const present = fs.existsSync(CHROMIUM);
if (!present && process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium`);
// Locally without Chromium the browser tests are skipped (and say why); under CI they fail above.
const describeBrowser = present ? describe : describe.skip;
if (!present) console.warn(`dashboard browser tests skipped: no ${CHROMIUM} (apt-get install chromium)`);

jest.setTimeout(60_000);

describeBrowser('the dashboard in Chromium', () => {
  let rig: DashboardRig;
  let context: BrowserContext;
  const outside: string[] = [];
  const local: string[] = [];

  beforeAll(async () => {
    rig = await startDashboardRig();
    context = await chromium.launchPersistentContext(
      fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-chromium-')),
      {
        executablePath: CHROMIUM,
        headless: true,
        viewport: { width: 1280, height: 900 },
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    );
    // Nothing leaves 127.0.0.1: a request elsewhere is refused and recorded, and the Teams tab test asserts none.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') {
        local.push(url.pathname);
        return route.continue();
      }
      outside.push(url.href);
      return route.abort();
    });
  });

  afterAll(async () => {
    await context?.close();
    await rig?.close();
  });

  const signIn = async (page: Page, memberId: string) => {
    await page.goto(rig.link(memberId));
    await page.getByRole('button', { name: /Ga naar het dashboard|Go to the dashboard/ }).click();
    await page.waitForURL(`${rig.base}/dashboard`);
  };

  it('signs a coordinator in with a link and shows the charts of the seeded cycles', async () => {
    const page = await context.newPage();
    await signIn(page, rig.people.coordinator.id);
    await expectVisible(page, 'heading', /Overzicht: PO-Raad/);
    expect(await page.locator('svg.chart.bar').count()).toBeGreaterThanOrEqual(4);
    const a1 = page.getByRole('article', { name: /Ambitie 1:/ });
    expect(await a1.getByText('Laatste cyclus: Voorjaar 2027 · 1 besturen').count()).toBe(1);
    expect(await a1.locator('svg.chart.bar').getAttribute('aria-label')).toContain('op koers 1');
    expect(await page.getByText('Voorjaar 2027 (open): 1 van 3 beantwoord (33%)').count()).toBe(1);
    expect(await page.getByText('Najaar 2026 (gesloten): 2 van 3 beantwoord (67%)').count()).toBe(1);
    // Steering signals with the board's name, for a coordinator.
    expect(
      await page.getByText(/Stichting Openbaar Onderwijs Noord.*Subsidie voor de brede opdracht/).count(),
    ).toBe(1);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'overview.png'), fullPage: true });

    await a1.getByRole('link', { name: /Ambitie 1:/ }).click();
    await expectVisible(page, 'heading', /^Ambitie 1:/);
    expect(await page.locator('svg.chart.bar').count()).toBe(2);
    expect(await page.locator('svg.chart.trend').count()).toBe(1);
    expect(await page.getByText('Leesteam met de bibliotheek').count()).toBe(1);
    // The coordinators' steering decision after the autumn cycle (issue 18).
    await expectVisible(page, 'heading', 'Besluiten over bijsturing');
    expect(await page.getByText(/Twee van de drie besturen lopen achter met lezen/).count()).toBe(1);

    // Keyboard: the skip link is the first stop and leads to the content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Naar de inhoud');

    // Narrow screens: nothing wider than 375 px.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${rig.base}/dashboard`);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.close();
  });

  it('lets a coordinator record a steering decision on the ambition page, after seeing what to decide on', async () => {
    const page = await context.newPage();
    await signIn(page, rig.people.coordinator.id);
    await page.goto(`${rig.base}/dashboard/ambitions/${'po-raad-2022-2026'}/a1`);
    await expectVisible(page, 'heading', 'Besluit na Najaar 2026');
    const form = page.locator('#decide-section');
    expect(
      await form
        .getByText(
          'Vraag om bijsturing van Stichting Openbaar Onderwijs Noord: Te weinig leraren met een leesspecialisatie.',
        )
        .count(),
    ).toBe(1);
    expect(await form.getByText('1 aandacht nodig, 1 achter').count()).toBe(1);
    // Adjusting without saying what changes: the page says so, at the top and at the field, and keeps the text.
    await page.getByRole('radio', { name: 'Bijsturen' }).check();
    await page.getByLabel('Toelichting (verplicht)').fill('Het lezen komt nog niet op gang.');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expectVisible(page, 'alert', 'Het besluit is niet vastgelegd.');
    expect(await page.getByLabel('Toelichting (verplicht)').inputValue()).toBe(
      'Het lezen komt nog niet op gang.',
    );
    await page.getByLabel(/wat verandert er/).fill('Twee extra bijeenkomsten van de leerkring lezen');
    await page.getByLabel('Wie pakt het op?').fill('Cora Coördinator');
    await page.getByLabel('Wanneer is het klaar?').fill('april 2027');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expectVisible(page, 'status', 'Het besluit is vastgelegd en gaat naar de leergemeenschap.');
    const history = page.locator('section[aria-labelledby="decisions"]');
    expect(await history.locator('li.decision').first().textContent()).toContain(
      'Het lezen komt nog niet op gang.',
    );
    expect(await history.locator('li.earlier').textContent()).toContain('(vervangen)');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'ambition.png'), fullPage: true });
    await page.close();
  });

  it('lets a coordinator remind those who have not answered, and the platform receives the reminders', async () => {
    const page = await context.newPage();
    await signIn(page, rig.people.coordinator.id);
    await page.getByRole('link', { name: 'Voorjaar 2027' }).click();
    await expectVisible(page, 'heading', 'Cyclus Voorjaar 2027');
    const carla = page.getByRole('row', { name: /Carla Bakker/ });
    expect(await carla.textContent()).toContain('nog niet beantwoord');
    await page.getByRole('button', { name: 'Herinner wie nog niet antwoordde' }).click();
    await expectVisible(page, 'status', /2 herinneringen verstuurd/);
    await waitFor(() => rig.fake.sends.filter((s) => s.kind === 'checkin.reminder').length === 2);
    expect(
      rig.fake.sends
        .filter((s) => s.kind === 'checkin.reminder')
        .map((s) => s.conversation)
        .sort(),
    ).toEqual(['UBRAM', 'UCARLA']);
    await page.close();
  });

  it('gives a member the aggregates and their own board, and 403 on the cycle page', async () => {
    const page = await context.newPage();
    await signIn(page, rig.people.anna.id);
    await expectVisible(page, 'heading', /Jouw bestuur: Stichting Openbaar Onderwijs Noord/);
    expect(await page.getByText('Stichting Openbaar Onderwijs Noord, ').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Voorjaar 2027' }).count()).toBe(0);
    const res = await page.goto(`${rig.base}/dashboard/cycles/${rig.spring.id}`);
    expect(res?.status()).toBe(403);
    await expectVisible(page, 'alert', 'Deze pagina is alleen voor coördinatoren.');
    expect(await page.getByText('Carla Bakker').count()).toBe(0);
    await page.close();
  });

  it('lets a member download everything stored about them, and nobody without a session', async () => {
    const page = await context.newPage();
    await signIn(page, rig.people.anna.id);
    const link = page.getByRole('link', { name: /Mijn gegevens: alles wat Samenspraak over mij bewaart/ });
    const [download] = await Promise.all([page.waitForEvent('download'), link.first().click()]);
    expect(download.suggestedFilename()).toBe('mijn-gegevens.json');
    const res = await page.request.get(`${rig.base}/dashboard/my-data.json`);
    expect(res.headers()['content-type']).toContain('application/json');
    expect((await res.json()).member).toMatchObject({ id: rig.people.anna.id, name: 'Anna de Vries' });
    await page.close();
    const anonymous = await fetch(`${rig.base}/dashboard/my-data.json`);
    expect(anonymous.status).toBe(401);
  });

  it('refuses a reused link and an expired one', async () => {
    const page = await context.newPage();
    const link = rig.link(rig.people.bram.id);
    await page.goto(link);
    await page.getByRole('button', { name: 'Ga naar het dashboard' }).click();
    await page.waitForURL(`${rig.base}/dashboard`);
    await context.clearCookies();
    const again = await page.goto(link);
    expect(again?.status()).toBe(410);
    await expectVisible(page, 'alert', /Deze link is al gebruikt/);

    const late = rig.link(rig.people.bram.id);
    rig.clock.advance(11 * 60_000);
    try {
      const expired = await page.goto(late);
      expect(expired?.status()).toBe(410);
      await expectVisible(page, 'alert', /Deze link is verlopen/);
    } finally {
      rig.clock.advance(-11 * 60_000);
    }
    await page.close();
  });

  it('shows a coordinator the Kaarten page: every card drawn by the Adaptive Cards renderer, within the CSP', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
    // A CSP violation is reported to the page as an event; it is recorded before any script of ours runs.
    await page.addInitScript(
      "document.addEventListener('securitypolicyviolation', (e) => console.error('csp: ' + e.violatedDirective + ' ' + e.blockedURI));",
    );
    await signIn(page, rig.people.coordinator.id);
    await page.getByRole('link', { name: 'Kaarten' }).click();
    await expectVisible(page, 'heading', /^Kaarten$/);
    const hosts = page.locator('[data-card]');
    const templates = await hosts.count();
    expect(templates).toBe(CARD_NAMES.length);
    await page
      .locator('.ac-adaptiveCard')
      .nth(templates - 1)
      .waitFor({ state: 'attached' });
    expect(await page.locator('[data-card] > .ac-adaptiveCard').count()).toBe(templates);
    // The check-in card says what it asks, in the viewer's language, as a Teams user would read it.
    const checkin = page.locator('[data-card="checkin"] .ac-adaptiveCard');
    expect(await checkin.textContent()).toContain('Voorjaar 2027');
    expect(await page.locator('[data-card="update-form"] .ac-adaptiveCard input').count()).toBeGreaterThan(0);
    expect(await page.locator('pre.block-kit').count()).toBe(templates);
    expect(local).toContain('/dashboard/assets/adaptivecards.min.js');
    expect(problems).toEqual([]);
    // The watch sees what it watches for: an inline script is refused by the CSP and reported.
    await page.evaluate(
      "const s = document.createElement('script'); s.textContent = 'window.ran = 1'; document.body.append(s);",
    );
    await waitFor(
      () => problems.some((p) => p.startsWith('console: csp: script-src')),
      5_000,
      'the CSP report',
    );
    expect(await page.evaluate('window.ran')).toBeUndefined();
    await page.setViewportSize({ width: 1280, height: 900 });
    // The first cards are enough for the docs (the whole page is some 12,000 px high).
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'cards.png'),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: 2000 },
    });
    await page.close();
  });

  it('loads as a Teams tab: teams-js runs, follows the dark theme and signs in with SSO', async () => {
    await context.clearCookies();
    const token = await rig.entra.token({
      tenantId: TENANT,
      objectId: TESS_OID,
      audience: ssoAudiences(APP_ID)[0] as string,
      now: rig.clock.now(),
    });
    rig.setHostToken(token);
    const page = await context.newPage();
    await page.goto(`${rig.base}/test/teams-host`);
    const frame = page.frameLocator('#tab');
    await frame.getByRole('heading', { name: /Overzicht: PO-Raad/ }).waitFor();
    await frame.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
    expect(await frame.getByText(/Ingelogd als Tess Teams/).count()).toBe(1);
    const calls = (await page.evaluate<string[]>('window.hostCalls')) ?? [];
    expect(calls).toEqual(
      expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken']),
    );
    // teams-js came from this server, and no page of any test asked another host for anything.
    expect(local).toContain('/dashboard/assets/teams-js/MicrosoftTeams.min.js');
    expect(outside).toEqual([]);
    await page.close();
  });

  it('refuses a Teams token for another audience', async () => {
    await context.clearCookies();
    const token = await rig.entra.token({
      tenantId: TENANT,
      objectId: TESS_OID,
      audience: 'api://elsewhere.example/00000000-0000-4000-8000-000000000bad',
      now: rig.clock.now(),
    });
    rig.setHostToken(token);
    const page = await context.newPage();
    const refused = page.waitForResponse((r) => r.url().endsWith('/dashboard/sso'));
    await page.goto(`${rig.base}/test/teams-host`);
    expect((await refused).status()).toBe(401);
    const frame = page.frameLocator('#tab');
    await frame.getByText(/Inloggen via Teams lukte niet/).waitFor();
    await page.close();
  });
});

/** Waits for an element by its role and name (headings) or text (alerts and status messages have no name). */
async function expectVisible(page: Page, role: 'heading' | 'alert' | 'status', name: string | RegExp) {
  const found =
    role === 'heading' ? page.getByRole(role, { name }) : page.getByRole(role).filter({ hasText: name });
  await found.first().waitFor({ state: 'visible', timeout: 10_000 });
}

async function waitFor(fn: () => boolean, ms = 15_000, what = 'the fake platform') {
  const start = Date.now();
  while (!fn()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
