import { ConfigError, loadConfig, scopedCoordinators } from '../src/config';

describe('configuration', () => {
  it('runs with nothing set: PGlite in ./data on port 3978, Dutch, Amsterdam time', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3978,
      dataDir: './data',
      databaseUrl: undefined,
      defaultLocale: 'nl',
      timeZone: 'Europe/Amsterdam',
      logLevel: 'info',
      agendaFiles: [],
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: ' ' })).toMatchObject({ port: 3978, databaseUrl: undefined });
  });

  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (err) {
      if (err instanceof ConfigError) return err.problems;
      throw err;
    }
    throw new Error('expected a ConfigError');
  };

  it('names the variable and what it expects', () => {
    expect(problems({ PORT: 'abc' })).toEqual(['PORT: expected a whole number from 1 to 65535 (got "abc")']);
    expect(problems({ TIMEZONE: 'Mars/Base' })).toEqual([
      'TIMEZONE: expected an IANA time zone like Europe/Amsterdam (got "Mars/Base")',
    ]);
    expect(problems({ DEFAULT_LOCALE: 'de' })[0]).toMatch(/^DEFAULT_LOCALE: expected one of "nl"\|"en"/);
    expect(problems({ COORDINATORS: 'slack:U1,U2' })[0]).toMatch(
      /^COORDINATORS: expected platform:workspace or tenant:user id/,
    );
    expect(problems({ TEAMS_ANONYMOUS: 'yes' })[0]).toMatch(/^TEAMS_ANONYMOUS: expected local \(or unset\)/);
  });

  it('never repeats a secret value in its message', () => {
    const [problem] = problems({ DATABASE_URL: 'mysql://admin:hunter2@db/x' });
    expect(problem).toBe('DATABASE_URL: expected a URL like postgres://user:password@host:5432/database');
    expect(problems({ SLACK_BOT_TOKEN: 'xoxp-secret-user-token' })[0]).not.toContain('secret');
  });

  it.each([
    [
      { SLACK_BOT_TOKEN: 'xoxb-1' },
      ["SLACK_SIGNING_SECRET: expected the app's signing secret, because SLACK_BOT_TOKEN is set"],
    ],
    [
      { SLACK_SIGNING_SECRET: 's' },
      [
        'SLACK_BOT_TOKEN: expected the bot token (xoxb-…), or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET, because SLACK_SIGNING_SECRET is set',
      ],
    ],
    [
      { SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: '1.2' },
      [
        'SLACK_CLIENT_SECRET: expected it with SLACK_CLIENT_ID (OAuth installation)',
        'SLACK_STATE_SECRET: expected it with SLACK_CLIENT_ID (OAuth installation)',
      ],
    ],
    [
      { SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: 'xapp-1' },
      ['SLACK_BOT_TOKEN: expected the bot token (xoxb-…), because SLACK_APP_TOKEN (Socket Mode) is set'],
    ],
  ])('refuses a half Slack configuration %j, naming what is missing', (env, expected) => {
    expect(problems(env)).toEqual(expected);
  });

  it('reads lists and platform settings', () => {
    const config = loadConfig({
      AGENDA_FILES: 'a.yaml, b.yaml',
      COORDINATORS: 'slack:U0123,teams:29:abc',
      DATABASE_URL: 'postgres://u:p@localhost:5432/samenspraak',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      MICROSOFT_APP_TYPE: 'SingleTenant',
    });
    expect(config.agendaFiles).toEqual(['a.yaml', 'b.yaml']);
    expect([...config.coordinators]).toEqual(['slack:U0123', 'teams:29:abc']);
    expect(config.slack.botToken).toBe('xoxb-1');
    expect(config.teams.appType).toBe('SingleTenant');
  });

  it('keeps a short coordinator only where one workspace makes it unambiguous, and says so', () => {
    const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    const coordinators = `slack:U0COORD,slack:T1:U0ANNA,teams:29:abc,teams:${tenant}:a1b2`;
    const oauth = scopedCoordinators(
      loadConfig({
        COORDINATORS: coordinators,
        SLACK_CLIENT_ID: 'x',
        SLACK_CLIENT_SECRET: 'y',
        SLACK_STATE_SECRET: 'z',
        SLACK_SIGNING_SECRET: 's',
      }),
    );
    expect([...oauth.names]).toEqual(['slack:T1:U0ANNA', `teams:${tenant}:a1b2`]);
    expect(oauth.notes).toEqual([
      expect.stringContaining('COORDINATORS: slack:U0COORD is ignored'),
      expect.stringContaining('COORDINATORS: teams:29:abc is ignored'),
    ]);
    const single = scopedCoordinators(
      loadConfig({
        COORDINATORS: coordinators,
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 's',
        MICROSOFT_APP_TENANT_ID: tenant,
      }),
    );
    expect([...single.names]).toEqual([
      'slack:U0COORD',
      'slack:T1:U0ANNA',
      'teams:29:abc',
      `teams:${tenant}:a1b2`,
    ]);
    expect(single.notes[0]).toContain(
      'slack:U0COORD is taken for the one Slack workspace of SLACK_BOT_TOKEN',
    );
  });
});
