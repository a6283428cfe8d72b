// `npm run bench -- discussion`: the classifier's accuracy on the labelled messages, the ingestion rate
// through the core into PGlite, and summarising 100,000 messages over the 17 ambitions of both agendas.
// Every time is reported with a baseline measured in the same run, as a ratio.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CLI } from '../src/core/access';
import { AmbitionClassifier } from '../src/core/discussion/classifier';
import { llmRanker } from '../src/core/discussion/llm-classifier';
import { SUMMARY_PICK } from '../src/core/discussion/summary';
import { openDb } from '../src/store/open-db';
import { accuracyReport } from './discussion-accuracy';
import { agendas, generator, loadMessages, openCore, po, seed, vo } from './discussion-world';

const INGESTED = 3_000;
const SUMMARISED = 100_000;
/** Baseline and summaries take turns this many rounds; medians are reported (the machine is shared). */
const ROUNDS = 5;
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const line = (s = '') => process.stdout.write(`${s}\n`);
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function ingestion() {
  const start = new Date('2027-03-01T09:00:00Z');
  // The database in its own process, as the bot runs it: the core's work and the database's overlap.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-bench-'));
  const { db, core } = await openCore(start, () => openDb({ dataDir }));
  const { members, communities } = await seed(core);
  const next = generator(7);
  const messages = Array.from({ length: INGESTED }, (_, i) => {
    const m = next(i);
    const community = communities.get(`${m.agenda.id}/${m.themeId}`) as { id: string; channelId: string };
    return { ...m, community, author: members[i % members.length] as { id: string; boardId: string } };
  });

  // Baseline: the same rows by plain INSERTs, one statement each, no core and no links.
  let t0 = performance.now();
  for (const [i, m] of messages.entries())
    await db.query(
      `INSERT INTO discussion_messages (id, community_id, external_id, member_id, board_id, text, posted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [randomUUID(), m.community.id, `base.${i}`, m.author.id, m.author.boardId, m.text, start],
    );
  const baseline = INGESTED / ((performance.now() - t0) / 1000);

  t0 = performance.now();
  let linked = 0;
  for (const [i, m] of messages.entries()) {
    const stored = await core.recordMessage({
      workspaceId: 'slack:T1',
      channelId: m.community.channelId,
      externalId: `core.${i}`,
      threadExternalId: i % 5 === 4 ? `core.${i - 1}` : null,
      authorMemberId: m.author.id,
      text: m.text,
      postedAt: start,
    });
    if (stored?.links.length) linked++;
  }
  const rate = INGESTED / ((performance.now() - t0) / 1000);
  line(
    `ingestion of ${INGESTED} messages through recordMessage into PGlite in its own process (tags, threads, classifier):`,
  );
  line(
    `  ${rate.toFixed(0)} messages/s; baseline plain INSERT ${baseline.toFixed(0)} rows/s; ratio ${(baseline / rate).toFixed(1)}x slower`,
  );
  line(`  ${pct(linked, INGESTED)} got a link (thread or automatic)`);

  // Batched, as a burst arrives: the same messages through recordMessages, 100 at a time, against the
  // same rows by plain batched INSERTs (unnest, 100 per statement, no core, no links, no sentences). The
  // two take turns, ROUNDS rounds (each with its own platform ids), medians: both meet the same spells.
  const BURST = 100;
  const bursts = Array.from({ length: INGESTED / BURST }, (_, b) =>
    messages.slice(b * BURST, (b + 1) * BURST),
  );
  const plainRates: number[] = [];
  const batchRates: number[] = [];
  let batchLinked = 0;
  for (let round = 0; round < ROUNDS; round++) {
    t0 = performance.now();
    for (const [b, burst] of bursts.entries())
      await db.query(
        `INSERT INTO discussion_messages (id, community_id, external_id, member_id, board_id, text, posted_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])`,
        [
          burst.map(() => randomUUID()),
          burst.map((m) => m.community.id),
          burst.map((_, k) => `plain.${round}.${b}.${k}`),
          burst.map((m) => m.author.id),
          burst.map((m) => m.author.boardId),
          burst.map((m) => m.text),
          burst.map(() => start),
        ],
      );
    plainRates.push(INGESTED / ((performance.now() - t0) / 1000));
    t0 = performance.now();
    batchLinked = 0;
    for (const [b, burst] of bursts.entries()) {
      const result = await core.recordMessages(
        burst.map((m, k) => ({
          workspaceId: 'slack:T1',
          channelId: m.community.channelId,
          externalId: `batch.${round}.${b}.${k}`,
          threadExternalId: k % 5 === 4 ? `batch.${round}.${b}.${k - 1}` : null,
          authorMemberId: m.author.id,
          text: m.text,
          postedAt: start,
        })),
      );
      batchLinked += result.linked;
    }
    batchRates.push(INGESTED / ((performance.now() - t0) / 1000));
  }
  const batchRate = median(batchRates);
  const batchedBaseline = median(plainRates);
  const rates = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' / ');
  line(`ingestion of the same ${INGESTED} messages through recordMessages, ${BURST} per call:`);
  line(
    `  ${batchRate.toFixed(0)} messages/s (goal >= 2000: ${batchRate >= 2000 ? 'met' : 'MISSED'}); ratio ${(baseline / batchRate).toFixed(2)}x the plain one-row INSERT, ${(batchedBaseline / batchRate).toFixed(1)}x a plain batched INSERT (${batchedBaseline.toFixed(0)} rows/s); medians of ${ROUNDS} rounds, ${rates(batchRates)} messages/s against ${rates(plainRates)} rows/s`,
  );
  line(`  ${pct(batchLinked, INGESTED)} got a link (thread or automatic)`);
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

async function summarising() {
  const at = new Date('2027-12-31T12:00:00Z');
  // The database in a process of its own, on disk, as the bot runs its embedded one: the peak memory
  // reported is the bot's; the database server's is reported beside it.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-bench-'));
  const { db, core } = await openCore(at, () => openDb({ dataDir }));
  const from = new Date('2027-01-01T00:00:00Z');
  // Loading is not measured: through the store's batch insert, 2,000 messages a statement.
  await loadMessages(core, await seed(core), SUMMARISED, from, at);
  // The loading stands for a year of traffic: vacuumed and analysed as autovacuum keeps a server's tables
  // (the summary's scope is then read from its index alone).
  await db.query('VACUUM ANALYZE');
  const ambitions = [po, vo].flatMap((agenda) =>
    agenda.ambitions.map((a) => ({ agendaId: agenda.id, id: a.id })),
  );
  const period = { from, to: at };

  // Baseline: the candidate rows read from the database (each ambition's activity per author and the
  // candidate sentences the store picks) and passed over once (the sentences' length summed). Baseline
  // and summaries take turns, ROUNDS rounds, medians: both meet the same caches and the same machine.
  const discussion = core.deps.store.repos.discussion;
  const baselines: number[] = [];
  const times: number[] = [];
  let chars = 0;
  let points = 0;
  let messages = 0;
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss / 1024;
  for (let round = 0; round < ROUNDS; round++) {
    let t0 = performance.now();
    chars = 0;
    for (const a of ambitions) {
      const scope = { ...period, agendaId: a.agendaId, ambitionId: a.id };
      for (const a of await discussion.ambitionActivity(scope)) chars += a.messages * 0;
      for (const x of await discussion.summarySentences(scope, SUMMARY_PICK)) chars += x.text.length;
    }
    baselines.push(performance.now() - t0);
    t0 = performance.now();
    points = 0;
    messages = 0;
    for (const a of ambitions) {
      const s = await core.summarise(CLI, {
        ...period,
        agendaId: a.agendaId,
        ambition: a.id,
        visibility: 'channel',
      });
      points += s.keyPoints.length;
      messages += s.messages.total;
    }
    times.push(performance.now() - t0);
  }
  const time = median(times);
  const baseline = median(baselines);
  const peak = process.resourceUsage().maxRSS;
  const server = childPeakKb();
  line(
    `summarising ${messages} messages (${(chars / 1e6).toFixed(1)} M characters of candidate sentences) over ${ambitions.length} ambitions of both agendas:`,
  );
  line(
    `  ${(time / 1000).toFixed(2)} s (goal <= 2 s: ${time <= 2000 ? 'met' : 'MISSED'}; ${(time / ambitions.length).toFixed(0)} ms per ambition), ${points} key points`,
  );
  line(
    `  baseline reading the candidate rows and passing over them: ${(baseline / 1000).toFixed(2)} s; ratio ${(time / baseline).toFixed(2)}x (goal <= 1.5x: ${time <= 1.5 * baseline ? 'met' : 'MISSED'}); medians of ${ROUNDS} rounds, summaries ${times.map((t) => (t / 1000).toFixed(2)).join(' / ')} s, baselines ${baselines.map((t) => (t / 1000).toFixed(2)).join(' / ')} s`,
  );
  line(
    `  peak RSS of the bot's process ${mb(peak)} (goal <= 400 MB: ${peak <= 400 * 1024 ? 'met' : 'MISSED'}; RSS before summarising ${mb(rssBefore)}); the embedded database's own process ${server ? mb(server) : 'unknown'}`,
  );
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** The peak RSS of this process's children (the embedded database server), from /proc. */
function childPeakKb(): number | null {
  try {
    const children = fs.readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim();
    let kb = 0;
    for (const pid of children.split(/\s+/).filter(Boolean)) {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb = Math.max(kb, Number(hwm?.[1] ?? 0));
    }
    return kb || null;
  } catch {
    return null; // not Linux: only the bot's own figure is reported
  }
}

async function main() {
  // With SUMMARY_LLM_URL (and SUMMARY_LLM_MODEL) set, the language model is evaluated on the held-out sets too.
  const url = process.env.SUMMARY_LLM_URL;
  const model = url
    ? llmRanker({ url, model: process.env.SUMMARY_LLM_MODEL ?? '', timeoutMs: 20_000, fetch })
    : undefined;
  await accuracyReport(
    agendas,
    model &&
      ((agenda) => async (text) => {
        const lexical = new AmbitionClassifier(agenda).rank(text);
        return (await model(agenda, text, lexical).catch(() => lexical)).map((r) => r.ambition);
      }),
  );
  if (!model) line('language model: not evaluated (set SUMMARY_LLM_URL and SUMMARY_LLM_MODEL to compare)\n');
  // Summarising before ingesting: the peak RSS of the process is then the summary's.
  await summarising();
  line();
  await ingestion();
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
