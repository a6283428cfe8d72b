import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeSlack } from './fake-slack';
import { type SlackRig, startSlackRig } from './harness';

/** A port on 127.0.0.1 that nothing listens on (until the test starts Slack there). */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Regression: with Bolt's own `token` option, an unreachable Slack at start-up made auth.test reject
 * unhandled half an hour later and ended the process. The bot token is now checked at the first request.
 */
describe('Slack: authorisation with a bot token while Slack is unreachable', () => {
  let rig: SlackRig;
  let port: number;
  let slack: FakeSlack | null = null;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    port = await closedPort();
    rig = await startSlackRig({ apiUrl: `http://127.0.0.1:${port}/api/` });
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await slack?.stop();
    await rig.close();
  });

  it('acknowledges a request, reports the failure, and works once Slack is back (auth.test asked once)', async () => {
    const errors = jest.spyOn(rig.core.deps.logger, 'error');
    try {
      const first = await rig.command('help');
      expect(first.status).toBe(200);
      expect(first.ms).toBeLessThan(3000);
      await rig.settled();
      expect(errors).toHaveBeenCalledWith(
        expect.objectContaining({ platform: 'slack' }),
        expect.stringContaining('Authorization of incoming event did not succeed'),
      );
      expect(rig.fake.responses).toEqual([]);
    } finally {
      errors.mockRestore();
    }

    slack = await new FakeSlack().start(port);
    for (const n of [1, 2]) {
      const res = await rig.command('help');
      expect(res.status).toBe(200);
      await rig.until(() => rig.fake.responses.length === n);
      expect(rig.fake.responses.at(-1)?.body.text).toContain('*Samenspraak* helpt je bestuur');
    }
    expect(slack.callsOf('auth.test')).toHaveLength(1);
    expect(unhandled).toEqual([]);
  });
});
