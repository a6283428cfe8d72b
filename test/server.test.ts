import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collect, freePort, runTs, waitForHttp } from './support/processes';

/** The server as `npm start` runs it, in child processes with only the environment given. */
describe('the server process', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-serve-'));

  it('answers /healthz within 15 s with nothing configured, refuses a second process on its DATA_DIR, stops on SIGTERM', async () => {
    const port = await freePort();
    const first = runTs('src/main.ts', [], { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    const firstOut = collect(first);
    try {
      const health = await waitForHttp(`http://127.0.0.1:${port}/healthz`, 15_000);
      expect(health).toMatchObject({ status: 200, body: '{"status":"ok"}' });
      // Liveness is not readiness: /readyz says 503 until the database is open and migrated.
      const deadline = Date.now() + 60_000;
      let ready = await waitForHttp(`http://127.0.0.1:${port}/readyz`, 15_000);
      while (ready.status === 503 && Date.now() < deadline) {
        expect(ready.body).toBe('{"status":"starting"}');
        await new Promise((r) => setTimeout(r, 100));
        ready = await waitForHttp(`http://127.0.0.1:${port}/readyz`, 15_000);
      }
      expect(ready.status).toBe(200);

      const second = await collect(
        runTs('src/main.ts', [], { PORT: String(await freePort()), DATA_DIR: dataDir }),
      ).done;
      expect(second.code).not.toBe(0);
      expect(second.stderr).toContain(`DATA_DIR ${dataDir} is in use by another Samenspraak process`);

      first.kill('SIGTERM');
      const stopped = await firstOut.done;
      expect(stopped.code).toBe(0);
      const logLines = stopped.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { msg: string });
      expect(logLines.map((l) => l.msg)).toEqual(expect.arrayContaining(['ready', 'stopping', 'stopped']));
      expect(logLines.find((l) => l.msg.startsWith('Slack is disabled'))?.msg).toContain(
        'SLACK_SIGNING_SECRET',
      );
    } finally {
      first.kill('SIGKILL');
    }
  }, 90_000);

  it.each([
    [{ PORT: 'abc' }, 'PORT: expected a whole number from 1 to 65535 (got "abc")'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL: expected a URL like postgres://'],
  ])('stops at once on bad configuration %j', async (env, message) => {
    const result = await collect(runTs('src/main.ts', [], { DATA_DIR: dataDir, ...env })).done;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(3); // header, the problem, where to look
  });

  it('stops at once on an agenda file with a missing field, naming the file and the path', async () => {
    const bad = path.join(dataDir, 'bad-agenda.yaml');
    const source = fs.readFileSync(path.resolve(__dirname, '../agendas/po-raad-2022-2026.yaml'), 'utf8');
    fs.writeFileSync(bad, source.replace(/^association: .*$/m, ''));
    const result = await collect(
      runTs('src/main.ts', [], {
        PORT: String(await freePort()),
        DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-')),
        AGENDA_FILES: bad,
      }),
    ).done;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`AGENDA_FILES: ${bad}: association:`);
    expect(result.stdout).not.toContain('listening');
  });

  it.each([
    [
      { CYCLE_RHYTHM: 'agenda=geen-agenda; opens=02-01' },
      'CYCLE_RHYTHM: agenda=geen-agenda is not a known agenda (known: po-raad-2022-2026, vo-raad-2020-2025)',
    ],
    [
      { MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001' },
      'MICROSOFT_APP_PASSWORD is required with MICROSOFT_APP_TYPE=MultiTenant',
    ],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1' },
      "SLACK_SIGNING_SECRET: expected the app's signing secret, because SLACK_BOT_TOKEN is set",
    ],
  ])('refuses %j with exit code 2 before it listens, naming the variable', async (env, message) => {
    const result = await collect(
      runTs('src/main.ts', [], {
        PORT: String(await freePort()),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        ...env,
      }),
    ).done;
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).not.toContain('listening');
  });
});
