import { type DashboardRig, startDashboardRig } from './rig';

/** Signing in with a link from the chat, over HTTP: what a link that cannot be used answers. */

jest.setTimeout(60_000);

let rig: DashboardRig;
beforeAll(async () => {
  rig = await startDashboardRig();
});
afterAll(async () => {
  await rig?.close();
});

const tokenOf = (link: string) => new URL(link).searchParams.get('token') ?? '';

const post = (token: string) =>
  fetch(`${rig.base}/dashboard/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });

async function answer(res: Response) {
  return { status: res.status, alert: /role="alert"[^>]*>([^<]*)/.exec(await res.text())?.[1]?.trim() };
}

it('shows the button for a good link, and says what is wrong with a missing, forged or used one', async () => {
  const token = tokenOf(rig.link(rig.people.anna.id));
  const shown = await fetch(`${rig.base}/dashboard/login?token=${encodeURIComponent(token)}`);
  expect(shown.status).toBe(200);
  expect(await shown.text()).toContain('Ga naar het dashboard');

  expect((await fetch(`${rig.base}/dashboard/login`)).status).toBe(400);
  const forged = `${token.slice(0, -4)}AAAA`;
  expect((await post(forged)).status).toBe(400);
  expect((await post('x'.repeat(3000))).status).toBe(400);

  const used = await post(token);
  expect(used.status).toBe(303);
  expect(used.headers.get('set-cookie')).toContain('HttpOnly');
  const again = await answer(await post(token));
  expect(again.status).toBe(410);
  expect(again.alert).toMatch(/al gebruikt/);
});
