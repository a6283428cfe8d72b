import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { connectInBackground, PlatformStatus } from '../src/adapters/platform-status';
import { startServer } from '../src/app';
import { loadConfig } from '../src/config';
import type { Logger } from '../src/core/ports';
import { freePort, waitForHttp } from './support/processes';

/** A logger that keeps what it was told. */
function recordingLogger() {
  const lines: { level: string; msg: string; fields: Record<string, unknown> }[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, msg: string) =>
    lines.push({ level, msg, fields });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}

describe('platform connections in the background', () => {
  // A "Slack" that answers nothing: every connection attempt fails at once.
  const dead = http.createServer((req) => req.socket.destroy());
  beforeAll(() => new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve)));
  afterAll(() => {
    dead.closeAllConnections();
    dead.close();
  });
  it('retries a platform that is down with doubling delays, showing it down meanwhile, until it connects', async () => {
    const status = new PlatformStatus(() => new Date('2027-03-01T08:00:00Z'));
    const { logger, lines } = recordingLogger();
    const waits: number[] = [];
    const seen: string[] = [];
    let attempts = 0;
    const connection = connectInBackground(
      'slack',
      async () => {
        attempts++;
        if (attempts < 4) throw new Error('connect ECONNREFUSED 127.0.0.1:9');
      },
      status,
      logger,
      {
        firstDelayMs: 1000,
        maxDelayMs: 3000,
        sleep: async (ms) => {
          waits.push(ms);
          seen.push(JSON.stringify(status.snapshot().slack));
        },
      },
    );
    await connection.settled;
    expect(waits).toEqual([1000, 2000, 3000]);
    expect(JSON.parse(seen[0] ?? '{}')).toEqual({
      state: 'down',
      since: '2027-03-01T08:00:00.000Z',
      error: 'connect ECONNREFUSED 127.0.0.1:9',
      retryAt: '2027-03-01T08:00:01.000Z',
    });
    expect(status.snapshot().slack?.state).toBe('connected');
    expect(lines.filter((l) => l.level === 'error').map((l) => l.fields.platform)).toEqual([
      'slack',
      'slack',
      'slack',
    ]);
    expect(lines.at(-1)?.msg).toBe('slack is connected');
  });

  it('is ready on the database alone while Slack’s Socket Mode cannot connect, and says so in /readyz', async () => {
    const apiUrl = `http://127.0.0.1:${(dead.address() as AddressInfo).port}/api/`;
    const config = loadConfig({
      PORT: String(await freePort()),
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-socket-')),
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_APP_TOKEN: 'xapp-test',
      SLACK_API_URL: apiUrl,
    });
    const { logger, lines } = recordingLogger();
    const app = await startServer(config, logger);
    try {
      const ready = await waitForHttp(`http://127.0.0.1:${app.http.port}/readyz`, 5000);
      expect(ready.status).toBe(200);
      const body = JSON.parse(ready.body) as { status: string; platforms: { slack: { state: string } } };
      expect(body.status).toBe('ready');
      expect(['connecting', 'down']).toContain(body.platforms.slack.state);
      for (
        let i = 0;
        i < 100 && !lines.some((l) => l.level === 'error' && l.fields.platform === 'slack');
        i++
      )
        await new Promise((r) => setTimeout(r, 100));
      // The log says why, through the error sink.
      expect(lines.find((l) => l.level === 'error' && l.fields.platform === 'slack')?.fields).toMatchObject({
        platform: 'slack',
        retryInMs: 1000,
      });
      const later = JSON.parse((await waitForHttp(`http://127.0.0.1:${app.http.port}/readyz`, 5000)).body);
      expect(later.platforms.slack).toMatchObject({ state: expect.stringMatching(/down|connecting/) });
    } finally {
      await app.stop();
    }
  });
});
