// `npm run bench -- discussion`: the classifier's accuracy on the labelled messages, the ingestion rate
// through the core into PGlite, and summarising 100,000 messages over the 17 ambitions of both agendas.
// Every time is reported with a baseline measured in the same run, as a ratio.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { CLI } from '../src/core/access';
import { AgendaCatalog } from '../src/core/agenda/catalog';
import type { Agenda } from '../src/core/agenda/model';
import { analyseMessage } from '../src/core/discussion/analysis';
import { sentences } from '../src/core/discussion/sentences';
import { SUMMARY_PICK } from '../src/core/discussion/summary';
import { type Core, createCore } from '../src/core/index';
import { REGIONS, type Region } from '../src/core/model';
import type { Clock, Logger } from '../src/core/ports';
import { loadAgendas } from '../src/store/agenda-files';
import type { Db } from '../src/store/db';
import { migrate } from '../src/store/migrate';
import { openMemoryDb } from '../src/store/pglite-db';
import { INSERT_SENTENCES, sentenceParams } from '../src/store/repositories/discussion-summary';
import { sqlStore } from '../src/store/sql-store';
import { LABELLED_MESSAGES, PO_RAAD } from '../test/fixtures/discussion-messages';
import { accuracyReport } from './discussion-accuracy';

const INGESTED = 3_000;
const SUMMARISED = 100_000;
const BOARDS = 40;
const MEMBERS_PER_BOARD = 5;

const agendas = loadAgendas();
const po = agendas.find((a) => a.id === PO_RAAD) as Agenda;
const vo = agendas.find((a) => a.id === 'vo-raad-2020-2025') as Agenda;
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const line = (s = '') => process.stdout.write(`${s}\n`);

/** A small seeded PRNG (mulberry32): the same messages every run. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function openCore(at: Date): Promise<{ db: Db; core: Core }> {
  const db = await openMemoryDb();
  await migrate(db);
  const store = sqlStore(db);
  for (const agenda of agendas) await store.repos.agendas.save(agenda);
  const clock: Clock = { now: () => at };
  const core = createCore({
    store,
    clock,
    ids: randomUUID,
    logger: silent,
    agendas: new AgendaCatalog(agendas),
    coordinators: new Set(['slack:UCOORD']),
  });
  return { db, core };
}

/** Boards, members, and a community per theme (PO) and per line (VO) in one Slack workspace. */
async function seed(core: Core) {
  const coordinator = await core.meetMember('slack', 'T1', { externalId: 'UCOORD', name: 'Coördinator' });
  await core.registerBoards(
    CLI,
    Array.from({ length: BOARDS }, (_, i) => ({
      duoNumber: String(40000 + i),
      name: `Stichting ${i}`,
      region: REGIONS[i % REGIONS.length] as Region,
    })),
  );
  const members: { id: string; boardId: string }[] = [];
  for (let b = 0; b < BOARDS; b++) {
    const board = await core.deps.store.repos.boards.findByDuo(String(40000 + b));
    for (let m = 0; m < MEMBERS_PER_BOARD; m++) {
      const member = await core.meetMember('slack', 'T1', {
        externalId: `U${b}-${m}`,
        name: `Lid ${b}-${m}`,
      });
      await core.chooseBoard(member.id, board?.id as string);
      members.push({ id: member.id, boardId: board?.id as string });
    }
  }
  const communities = new Map<string, { id: string; channelId: string }>();
  for (const agenda of [po, vo])
    for (const theme of agenda.themes) {
      const c = await core.linkCommunity(
        { memberId: coordinator.id },
        {
          workspaceId: 'slack:T1',
          channelId: `C-${agenda.id}-${theme.id}`,
          theme: theme.id,
          agendaId: agenda.id,
        },
      );
      communities.set(`${agenda.id}/${theme.id}`, { id: c.id, channelId: c.channelId });
    }
  return { members, communities };
}

/** Sentence pools per ambition: the labelled messages for PO-Raad, the agenda's own texts for VO-raad. */
function pools(): { agenda: Agenda; ambitionId: string; themeIds: string[]; sentences: string[] }[] {
  const out = po.ambitions.map((a) => ({
    agenda: po,
    ambitionId: a.id,
    themeIds: [a.theme as string],
    sentences: LABELLED_MESSAGES.filter((m) => m.ambition === a.id).flatMap((m) => sentences(m.text)),
  }));
  const voTexts = vo.themes.flatMap((t) => [...t.goals, ...t.actions].flatMap((x) => sentences(x.text)));
  const poSentences = out.flatMap((p) => p.sentences);
  vo.ambitions.forEach((a, i) => {
    out.push({
      agenda: vo,
      ambitionId: a.id,
      themeIds: vo.themes.map((t) => t.id),
      sentences: [
        a.text,
        ...voTexts.filter((_, j) => j % vo.ambitions.length === i),
        ...poSentences.filter((_, j) => j % vo.ambitions.length === i),
      ],
    });
  });
  return out;
}

const OPENERS = ['', '', '', 'Bij ons: ', 'Herkenbaar. ', 'Update: ', 'Vraag aan de groep: ', 'Goed punt. '];

function generator(seedValue: number) {
  const random = prng(seedValue);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  const all = pools();
  return (i: number) => {
    const pool = pick(all);
    const parts = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(pool.sentences));
    const text = `${pick(OPENERS)}${parts.join(' ')}${random() < 0.15 ? ' Wie heeft hier ervaring mee?' : ''}`;
    return {
      agenda: pool.agenda,
      ambitionId: pool.ambitionId,
      themeId: pick(pool.themeIds),
      text: `${text} (${i % 97})`,
    };
  };
}

async function ingestion() {
  const start = new Date('2027-03-01T09:00:00Z');
  const { db, core } = await openCore(start);
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
  line(`ingestion of ${INGESTED} messages through recordMessage into PGlite (tags, threads, classifier):`);
  line(
    `  ${rate.toFixed(0)} messages/s; baseline plain INSERT ${baseline.toFixed(0)} rows/s; ratio ${(baseline / rate).toFixed(1)}x slower`,
  );
  line(`  ${pct(linked, INGESTED)} got a link (thread or automatic)`);
  await db.close();
}

async function summarising() {
  const at = new Date('2027-12-31T12:00:00Z');
  const { db, core } = await openCore(at);
  const { members, communities } = await seed(core);
  const next = generator(42);
  const random = prng(99);
  const from = new Date('2027-01-01T00:00:00Z');
  // Loading is not measured: one INSERT per 5,000 rows through unnest.
  const BATCH = 5_000;
  for (let offset = 0; offset < SUMMARISED; offset += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, SUMMARISED - offset) }, (_, k) => {
      const i = offset + k;
      const m = next(i);
      const author = members[Math.floor(random() * members.length)] as { id: string; boardId: string };
      return {
        id: `m${i}`,
        community: (communities.get(`${m.agenda.id}/${m.themeId}`) as { id: string }).id,
        external: `x.${i}`,
        thread: i % 4 === 3 ? `x.${i - 1}` : null,
        member: author.id,
        board: author.boardId,
        text: m.text,
        posted: new Date(from.getTime() + Math.floor(random() * 360 * 86_400_000)),
        ambition: m.ambitionId,
      };
    });
    await db.query(
      `INSERT INTO discussion_messages (id, community_id, external_id, thread_external_id, member_id, board_id, text, posted_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.community),
        rows.map((r) => r.external),
        rows.map((r) => r.thread),
        rows.map((r) => r.member),
        rows.map((r) => r.board),
        rows.map((r) => r.text),
        rows.map((r) => r.posted),
      ],
    );
    // The per-message work recordMessage does at ingestion: sentences, terms, flags.
    const sentenceRows = rows.flatMap((r) =>
      analyseMessage(r.text).sentences.map((x) => ({ id: r.id, ...x })),
    );
    await db.query(INSERT_SENTENCES, sentenceParams(sentenceRows.map((x) => ({ ...x, messageId: x.id }))));
    await db.query('UPDATE discussion_messages SET analysed = true WHERE id = ANY($1::text[])', [
      rows.map((r) => r.id),
    ]);
    await db.query(
      `INSERT INTO message_ambitions (message_id, ambition_id, source, created_at)
       SELECT id, ambition, 'tag', $3 FROM unnest($1::text[], $2::text[]) AS t (id, ambition)`,
      [rows.map((r) => r.id), rows.map((r) => r.ambition), at],
    );
  }
  await db.exec('ANALYZE');
  const ambitions = [po, vo].flatMap((agenda) =>
    agenda.ambitions.map((a) => ({ agendaId: agenda.id, id: a.id })),
  );
  const period = { from, to: at };

  // Baseline: the candidate rows read from the database (each ambition's activity per author and the
  // candidate sentences the store picks) and passed over once (the sentences' length summed).
  const discussion = core.deps.store.repos.discussion;
  let t0 = performance.now();
  let chars = 0;
  for (const a of ambitions) {
    const scope = { ...period, agendaId: a.agendaId, ambitionId: a.id };
    for (const a of await discussion.ambitionActivity(scope)) chars += a.messages * 0;
    for (const x of await discussion.summarySentences(scope, SUMMARY_PICK)) chars += x.text.length;
  }
  const baseline = performance.now() - t0;

  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss / 1024;
  t0 = performance.now();
  let points = 0;
  let messages = 0;
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
  const time = performance.now() - t0;
  const peak = process.resourceUsage().maxRSS;
  line(
    `summarising ${messages} messages (${(chars / 1e6).toFixed(1)} M characters of candidate sentences) over ${ambitions.length} ambitions of both agendas:`,
  );
  line(
    `  ${(time / 1000).toFixed(2)} s (${(time / ambitions.length).toFixed(0)} ms per ambition), ${points} key points`,
  );
  line(
    `  baseline reading the candidate rows and passing over them: ${(baseline / 1000).toFixed(2)} s; ratio ${(time / baseline).toFixed(1)}x`,
  );
  line(
    `  peak RSS of the process ${mb(peak)} (RSS before summarising ${mb(rssBefore)}, the database included)`,
  );
  await db.close();
}

async function main() {
  await accuracyReport(agendas);
  // Summarising before ingesting: the peak RSS of the process is then the summary's.
  await summarising();
  line();
  await ingestion();
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
