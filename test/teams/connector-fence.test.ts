import { ConnectorClient } from 'botframework-connector';
import { checkConnectorInternals, createBotFramework } from '../../src/adapters/teams/bot-framework';
import { loadConfig } from '../../src/config';

/**
 * The one reach into botframework-connector's internals (its HTTP pipeline) is fenced: with the installed
 * version it holds, and if a release moves it, Teams refuses to start with TEAMS_SDK_CHANGED.
 */
describe('the fence around the Bot Connector pipeline', () => {
  const credentials = { signRequest: async <T>(request: T) => request };
  const policies = (client: ConnectorClient) =>
    (
      client as unknown as { client: { pipeline: { getOrderedPolicies(): { name: string }[] } } }
    ).client.pipeline
      .getOrderedPolicies()
      .map((p) => p.name);

  it("holds with the installed version: the fail-on-error policy is in, the client's own retries are out", () => {
    const client = new ConnectorClient(credentials as never, { baseUri: 'https://connector.invalid' });
    expect(policies(client)).toContain('defaultRetryPolicy');
    checkConnectorInternals(() => client);
    expect(policies(client)).toContain('samenspraakFailOnHttpError');
    expect(policies(client)).not.toContain('defaultRetryPolicy');
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(createBotFramework(config, { kind: 'anonymous' }, {}).appId).toBe('');
  });

  it.each([
    ['no inner client', {}, 'client.client.pipeline.addPolicy is missing'],
    ['no pipeline', { client: {} }, 'client.client.pipeline.addPolicy is missing'],
    [
      'a pipeline without getOrderedPolicies',
      { client: { pipeline: { addPolicy() {}, removePolicy() {} } } },
      'client.client.pipeline.getOrderedPolicies is missing',
    ],
    [
      'a pipeline that ignores what it is given',
      {
        client: {
          pipeline: { addPolicy() {}, removePolicy() {}, getOrderedPolicies: () => [{ name: 'retry' }] },
        },
      },
      "the connector's policies are now retry",
    ],
  ])('refuses to start with %s', (_what, client, detail) => {
    expect(() => checkConnectorInternals(() => client)).toThrow(
      expect.objectContaining({ code: 'TEAMS_SDK_CHANGED', params: { detail } }),
    );
  });
});
