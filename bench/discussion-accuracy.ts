// The classifier's accuracy for `npm run bench -- discussion`: per agenda on its tuning set (used while
// choosing the lexicon and weights) and on its held-out test set (written first, never tuned on), per
// ambition, with a confusion table; and again after learning the tuning set as manual links.
import type { Agenda } from '../src/core/agenda/model';
import { AmbitionClassifier, AUTO_LINK_THRESHOLD } from '../src/core/discussion/classifier';
import { LABELLED_MESSAGES, PO_RAAD, SMALL_TALK } from '../test/fixtures/discussion-messages';
import { VO_RAAD, VO_RAAD_MESSAGES } from '../test/fixtures/discussion-messages-vo';
import { HELDOUT_PO_RAAD } from '../test/fixtures/heldout-po-raad';
import { HELDOUT_VO_RAAD } from '../test/fixtures/heldout-vo-raad';

type Labelled = readonly (readonly [ambition: string, text: string])[];
export type Ranker = (text: string) => Promise<string[]> | string[];

const line = (s = '') => process.stdout.write(`${s}\n`);
const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;

export const SETS: { agendaId: string; tuning: Labelled; heldOut: Labelled }[] = [
  {
    agendaId: PO_RAAD,
    tuning: LABELLED_MESSAGES.map((m) => [m.ambition, m.text] as const),
    heldOut: HELDOUT_PO_RAAD,
  },
  { agendaId: VO_RAAD, tuning: VO_RAAD_MESSAGES, heldOut: HELDOUT_VO_RAAD },
];

export interface Score {
  top1: number;
  top3: number;
  n: number;
}

/** Top-1 and top-3 of a ranker on a labelled set; with `table`, per ambition and the confusion table. */
export async function evaluate(agenda: Agenda, set: Labelled, rank: Ranker, table: boolean): Promise<Score> {
  const ids = agenda.ambitions.map((a) => a.id);
  const confusion = new Map(ids.map((id) => [id, new Map(ids.map((j) => [j, 0]))]));
  let top1 = 0;
  let top3 = 0;
  for (const [ambition, text] of set) {
    const ranked = await rank(text);
    if (ranked[0] === ambition) top1++;
    if (ranked.slice(0, 3).includes(ambition)) top3++;
    const row = confusion.get(ambition);
    if (row && ranked[0]) row.set(ranked[0], (row.get(ranked[0]) ?? 0) + 1);
  }
  if (table) {
    const w = 5;
    line(`    ${'label'.padEnd(7)}${ids.map((j) => j.padStart(w)).join('')}   top-1`);
    for (const id of ids) {
      const row = confusion.get(id) as Map<string, number>;
      const n = [...row.values()].reduce((a, b) => a + b, 0);
      const cells = ids.map((j) => String(row.get(j) || '.').padStart(w)).join('');
      line(`    ${id.padEnd(7)}${cells}   ${row.get(id)}/${n}`);
    }
  }
  return { top1, top3, n: set.length };
}

const show = (label: string, s: Score) =>
  line(
    `  ${label.padEnd(44)} top-1 ${pct(s.top1, s.n).padStart(6)}, top-3 ${pct(s.top3, s.n).padStart(6)} (n=${s.n})`,
  );

/** Prints the whole evaluation; `llm` adds the language model's rankings when one is given. */
export async function accuracyReport(agendas: readonly Agenda[], llm?: (agenda: Agenda) => Ranker) {
  for (const { agendaId, tuning, heldOut } of SETS) {
    const agenda = agendas.find((a) => a.id === agendaId) as Agenda;
    const lexical = new AmbitionClassifier(agenda);
    const rank = (text: string) => lexical.rank(text).map((r) => r.ambition);
    line(`classifier, ${agendaId} (${agenda.ambitions.length} ambitions; agenda texts + lexicon):`);
    show('tuning set (used while tuning)', await evaluate(agenda, tuning, rank, false));
    const held = await evaluate(agenda, heldOut, rank, false);
    show('held-out test set (never tuned on)', held);
    line('  held-out confusion (rows: label, columns: top-1 answer):');
    await evaluate(agenda, heldOut, rank, true);
    const taught = new AmbitionClassifier(agenda);
    for (const [ambition, text] of tuning) taught.learn(ambition, text);
    show(
      'held-out, tuning set learned as manual links',
      await evaluate(agenda, heldOut, (t) => taught.rank(t).map((r) => r.ambition), false),
    );
    if (llm)
      show(
        'held-out, language model (lexical fallback)',
        await evaluate(agenda, heldOut, llm(agenda), false),
      );
    line(
      `  goal top-1 >= 85% and top-3 >= 95% on held-out: ${held.top1 / held.n >= 0.85 && held.top3 / held.n >= 0.95 ? 'met' : 'MISSED'}`,
    );
    if (agendaId === PO_RAAD) {
      const best = tuning.map(([a, t]) => ({
        right: rank(t)[0] === a,
        score: lexical.rank(t)[0]?.score ?? 0,
      }));
      for (const threshold of [0.08, AUTO_LINK_THRESHOLD, 0.16, 0.2]) {
        const above = best.filter((b) => b.score >= threshold);
        line(
          `  threshold ${threshold.toFixed(2)}${threshold === AUTO_LINK_THRESHOLD ? ' (used)' : '       '}: links ${pct(above.length, best.length)} of the PO tuning messages, ${pct(above.filter((b) => b.right).length, above.length)} of those correctly`,
        );
      }
      const talk = Math.max(...SMALL_TALK.map((t) => lexical.rank(t)[0]?.score ?? 0));
      line(`  highest score of small talk: ${talk.toFixed(2)}`);
    }
    line();
  }
}
