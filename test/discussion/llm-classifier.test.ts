import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AmbitionClassifier } from '../../src/core/discussion/classifier';
import { llmRanker } from '../../src/core/discussion/llm-classifier';
import { loadAgendas } from '../../src/store/agenda-files';
import { pgliteDatabase, type TestDatabase } from '../support/databases';
import { ARBEIDSMARKT, discussionWorld, links } from './world';

/** A fake OpenAI-compatible endpoint on 127.0.0.1: /ok names a8 then a7, /fail answers 500, /slow is late. */
function fakeModel() {
  const prompts: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => {
      raw += chunk.toString();
    });
    req.on('end', () => {
      prompts.push(JSON.parse(raw).messages[1].content);
      const send = (status: number, content: string) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content } }] }));
      };
      if (req.url?.startsWith('/ok/')) send(200, '```json\n{"ambities":["a8","a7","a99"]}\n```');
      else if (req.url?.startsWith('/fail/')) send(500, 'overloaded');
      else {
        const t = setTimeout(() => send(200, '{"ambities":["a1"]}'), 3_000);
        timers.add(t);
      }
    });
  });
  return {
    prompts,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      ),
    stop: () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('classification by a language model, when one is configured', () => {
  const agenda = loadAgendas().find((a) => a.id === 'po-raad-2022-2026') as NonNullable<
    ReturnType<typeof loadAgendas>[number]
  >;
  const lexical = new AmbitionClassifier(agenda);
  const text =
    'Door het lerarentekort werken wij met zij-instromers en een vierdaagse lesweek op twee scholen.';
  const model = fakeModel();
  let base = '';
  beforeAll(async () => {
    base = await model.start();
  });
  afterAll(() => model.stop());
  const ranker = (path: string) => llmRanker({ url: `${base}${path}`, model: 'test', timeoutMs: 500, fetch });

  it('puts the model’s choices first, with the agenda and lexicon in the prompt, unknown ids dropped', async () => {
    const ranked = await ranker('/ok/v1')(agenda, text, lexical.rank(text));
    expect(ranked.slice(0, 2).map((r) => r.ambition)).toEqual(['a8', 'a7']);
    expect(ranked).toHaveLength(10);
    expect(ranked[1]?.score).toBeCloseTo(lexical.rank(text)[0]?.score as number);
    expect(model.prompts.at(-1)).toContain('a7: Sector aantrekkelijker maken en instroom vergroten.');
    expect(model.prompts.at(-1)).toContain('zij-instromers');
  });

  it('fails with a code on an HTTP error or a time-out, so the caller keeps the lexical ranking', async () => {
    await expect(ranker('/fail/v1')(agenda, text, lexical.rank(text))).rejects.toMatchObject({
      code: 'SUMMARY_LLM_FAILED',
    });
    await expect(ranker('/slow/v1')(agenda, text, lexical.rank(text))).rejects.toThrow(
      /no answer within 500 ms/,
    );
  });
});

describe('recording a message with a language model configured', () => {
  const model = fakeModel();
  let base = '';
  let t: TestDatabase;
  beforeAll(async () => {
    base = await model.start();
    t = await pgliteDatabase();
  });
  afterAll(async () => {
    await model.stop();
    await t.close();
  });

  it.each([
    [
      '/ok/v1',
      [
        ['a7', 'auto'],
        ['a8', 'auto'],
      ],
    ],
    ['/fail/v1', [['a7', 'auto']]],
  ])('with the endpoint %s links %j', async (path, expected) => {
    await t.reset();
    const classifier = llmRanker({ url: `${base}${path}`, model: 'test', timeoutMs: 10_000, fetch });
    const w = await discussionWorld(t.db, undefined, { classifier });
    const m = await w.post(
      'Wij werken met zij-instromers en teamonderwijs, de pabo helpt met de begeleiding.',
      {
        channelId: ARBEIDSMARKT,
      },
    );
    // The model adds a8 (lifted to the best score) beside the lexical a7; failing, a7 alone stands.
    expect(links(m)).toEqual(expected);
  });
});
