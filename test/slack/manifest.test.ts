import fs from 'node:fs';
import path from 'node:path';
import { App } from '@slack/bolt';
import YAML from 'yaml';
import { createSlackAdapter, SLACK_BOT_SCOPES } from '../../src/adapters/slack/slack-app';
import { loadConfig } from '../../src/config';
import type { Core } from '../../src/core/index';
import type { SlackInstallationRepository } from '../../src/store/repositories/slack-installations';

interface Manifest {
  features: {
    slash_commands: { command: string; url: string }[];
    shortcuts: { callback_id: string; type: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url: string };
    interactivity: { request_url: string };
  };
}

const manifest = YAML.parse(
  fs.readFileSync(path.resolve(__dirname, '../../manifests/slack/manifest.yaml'), 'utf8'),
) as Manifest;

/** What the adapter registers with Bolt, recorded as it registers. */
function registrations() {
  const seen = { commands: [] as string[], shortcuts: [] as string[], events: [] as string[] };
  const record = (method: 'command' | 'shortcut' | 'event', into: string[]) =>
    jest.spyOn(App.prototype, method).mockImplementation(function (this: App, ...args: unknown[]) {
      const first = args[0] as string | { callback_id?: string };
      into.push(typeof first === 'string' ? first : String(first.callback_id));
      return this;
    } as never);
  const spies = [
    record('command', seen.commands),
    record('shortcut', seen.shortcuts),
    record('event', seen.events),
  ];
  const config = loadConfig({
    SLACK_SIGNING_SECRET: 's',
    SLACK_BOT_TOKEN: 'xoxb-1',
    SLACK_API_URL: 'http://127.0.0.1:9/api/',
  });
  const core = { deps: { logger: { debug() {}, info() {}, warn() {}, error() {} } } } as unknown as Core;
  createSlackAdapter(config, core, {} as SlackInstallationRepository);
  for (const spy of spies) spy.mockRestore();
  return seen;
}

describe('the Slack manifest', () => {
  const code = registrations();

  it('declares exactly the commands and shortcuts the code registers', () => {
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual(
      [...new Set(code.commands)].sort(),
    );
    expect(manifest.features.shortcuts.map((s) => s.callback_id).sort()).toEqual(
      [...new Set(code.shortcuts)].sort(),
    );
  });

  it('subscribes to exactly the events the code handles (messages in public and private channels)', () => {
    const expected = code.events.flatMap((e) =>
      e === 'message' ? ['message.channels', 'message.groups'] : [e],
    );
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      [...new Set(expected)].sort(),
    );
  });

  it('asks for the scopes the code needs and no more, and points every URL at /slack/events', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...SLACK_BOT_SCOPES].sort());
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c) => c.url),
    ];
    expect(new Set(urls)).toEqual(new Set(['https://samenspraak.example.nl/slack/events']));
  });
});
