import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { llmSummariser } from '../../src/core/discussion/llm';
import { discussionSettings } from '../../src/core/discussion/settings';
import {
  type Candidate,
  extractiveSummariser,
  type SummariserInput,
  withFallback,
} from '../../src/core/discussion/summariser';
import type { Logger } from '../../src/core/ports';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { discussionWorld, PO } from './world';

/**
 * A fake OpenAI-compatible endpoint on 127.0.0.1: /ok answers as asked (in a code fence, as models do),
 * /fail with HTTP 500, /slow later than the client waits, /garbage with prose, /stray with a source that
 * was not offered.
 */
function fakeEndpoint() {
  const requests: { path: string; authorization?: string; body: Record<string, unknown> }[] = [];
  const pending = new Set<NodeJS.Timeout>();
  const completion = (content: string) =>
    JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content } }] });
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString();
    });
    req.on('end', () => {
      const path = req.url ?? '';
      requests.push({ path, authorization: req.headers.authorization, body: JSON.parse(raw) });
      const send = (status: number, body: string) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body);
      };
      if (path.startsWith('/ok/'))
        send(
          200,
          completion(
            '```json\n{"punten":[{"tekst":"Besturen zoeken samen instrumenten om persoonsvorming zichtbaar te maken.","bronnen":[1,2]}]}\n```',
          ),
        );
      else if (path.startsWith('/fail/')) send(500, '{"error":{"message":"model overloaded"}}');
      else if (path.startsWith('/slow/')) {
        const timer = setTimeout(() => {
          pending.delete(timer);
          send(200, completion('{"punten":[{"tekst":"Te laat.","bronnen":[1]}]}'));
        }, 5_000);
        pending.add(timer);
      } else if (path.startsWith('/garbage/'))
        send(200, completion('Hier is een mooie samenvatting zonder JSON.'));
      else send(200, completion('{"punten":[{"tekst":"Iets wat niemand zei.","bronnen":[99]}]}'));
    });
  });
  return {
    requests,
    async start(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async stop() {
      for (const timer of pending) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const candidates: Candidate[] = [
  { text: 'Wij missen instrumenten voor persoonsvorming.', messageId: 'm-1', alsoIn: ['m-4'], score: 0.9 },
  { text: 'Een portfolio laat de sociale ontwikkeling zien.', messageId: 'm-2', alsoIn: [], score: 0.8 },
  { text: 'Burgerschap krijgt een eigen visie per school.', messageId: 'm-3', alsoIn: [], score: 0.7 },
];
const input: SummariserInput = {
  ambition: { id: 'a3', title: 'Brede opdracht', text: 'We versterken onze visie op de brede opdracht.' },
  candidates,
  maxPoints: 5,
  locale: 'nl',
};

function recordingLogger() {
  const warnings: { obj: object; msg?: string }[] = [];
  const logger: Logger = {
    debug() {},
    info() {},
    error() {},
    warn: (obj, msg) => warnings.push({ obj, msg }),
  };
  return { logger, warnings };
}

describe('the LLM summariser behind a port, with the extractive fallback', () => {
  const endpoint = fakeEndpoint();
  let base = '';
  beforeAll(async () => {
    base = await endpoint.start();
  });
  afterAll(() => endpoint.stop());

  const llm = (path: string, timeoutMs = 2_000) =>
    llmSummariser({ url: `${base}${path}/v1`, model: 'test-model', apiKey: 'sk-test', timeoutMs, fetch });

  it('asks the chat-completions endpoint and maps the numbered sources back to their messages', async () => {
    const result = await llm('/ok').keyPoints(input);
    expect(result).toEqual({
      by: 'llm',
      points: [
        {
          text: 'Besturen zoeken samen instrumenten om persoonsvorming zichtbaar te maken.',
          messageIds: ['m-1', 'm-2'],
        },
      ],
    });
    const request = endpoint.requests.at(-1);
    expect(request?.path).toBe('/ok/v1/chat/completions');
    expect(request?.authorization).toBe('Bearer sk-test');
    expect(request?.body.model).toBe('test-model');
    expect(JSON.stringify(request?.body.messages)).toContain(
      '[2] Een portfolio laat de sociale ontwikkeling zien.',
    );
  });

  it.each([
    ['fails with HTTP 500', '/fail', /HTTP 500/],
    ['answers later than the time-out', '/slow', /no answer within 300 ms/],
    ['answers with prose instead of JSON', '/garbage', /not the JSON asked for/],
    ['names a source it was not given', '/stray', /source \[99\] was not offered/],
  ])('falls back to the extractive key points when the endpoint %s', async (_what, path, reason) => {
    await expect(llm(path, 300).keyPoints(input)).rejects.toMatchObject({
      code: 'SUMMARY_LLM_FAILED',
      message: expect.stringMatching(reason),
    });
    const { logger, warnings } = recordingLogger();
    const result = await withFallback(llm(path, 300), extractiveSummariser, logger).keyPoints(input);
    expect(result).toEqual(await extractiveSummariser.keyPoints(input));
    expect(result.points[0]).toEqual({ text: candidates[0]?.text, messageIds: ['m-1', 'm-4'] });
    expect(warnings).toEqual([
      {
        obj: expect.objectContaining({ code: 'SUMMARY_LLM_FAILED', ambition: 'a3' }),
        msg: expect.any(String),
      },
    ]);
  });
});

describe('a summary with the summary endpoint configured', () => {
  const endpoint = fakeEndpoint();
  let base = '';
  let t: TestDatabase;
  beforeAll(async () => {
    base = await endpoint.start();
    t = await pgliteDatabase();
  });
  afterAll(async () => {
    await endpoint.stop();
    await t.close();
  });

  async function summaryWith(path: string) {
    await t.reset();
    const { logger } = recordingLogger();
    const settings = discussionSettings(
      {
        retentionDays: 365,
        digestEveryDays: 14,
        timeZone: 'Europe/Amsterdam',
        llm: { url: `${base}${path}/v1`, model: 'test-model' },
      },
      { fetch, logger },
    );
    const w = await discussionWorld(t.db, '2027-03-01T08:00:00Z', settings);
    const posted = [
      await w.post('Wij missen nog goede instrumenten om persoonsvorming zichtbaar te maken. #A3'),
      await w.post('Een portfolio laat ook de sociale en persoonlijke ontwikkeling van kinderen zien. #A3'),
      await w.post('Elke school schrijft een eigen visie op burgerschap met ouders en leerlingen. #A3'),
    ];
    w.clock.advance(60_000);
    const summary = await w.core.summarise(
      { memberId: w.coordinator.id },
      { agendaId: PO, ambition: 'a3', visibility: 'channel' },
    );
    return { summary, posted };
  }

  it('uses the model’s key points, each still tracing to the messages', async () => {
    const { summary, posted } = await summaryWith('/ok');
    expect(summary.keyPointsBy).toBe('llm');
    expect(summary.keyPoints).toHaveLength(1);
    const ids = summary.keyPoints[0]?.sources.map((s) => s.messageId) ?? [];
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(posted.map((m) => m.id)).toContain(id);
  });

  it('falls back to the extractive summary when the endpoint fails', async () => {
    const { summary, posted } = await summaryWith('/fail');
    expect(summary.keyPointsBy).toBe('extractive');
    expect(summary.keyPoints.length).toBeGreaterThan(0);
    for (const p of summary.keyPoints) {
      const origin = posted.find((m) => m.id === p.sources[0]?.messageId);
      expect(origin?.text).toContain(p.text);
    }
  });
});
