import type { Locale } from './discussion/labels';
import { md } from './discussion/markdown';
import type { Cycle } from './model';
import type { CoreDeps } from './ports';
import type { SteeringChoice, SteeringDecision } from './steering-model';

/** The steering decisions in the sector report: per cycle and ambition the current one. */

export interface ReportDecision {
  cycleId: string;
  cycleName: string;
  ambitionId: string;
  ambitionNumber: number;
  ambitionTitle: string;
  decision: SteeringChoice;
  rationale: string;
  change: SteeringDecision['change'];
  /** How many earlier decisions it replaced (the history stays in the dashboard). */
  replaced: number;
}

const LABELS = {
  nl: {
    heading: 'Besluiten over bijsturing',
    ambition: 'Ambitie',
    change: 'Wat verandert',
    who: 'wie',
    by: 'wanneer',
    replaced: 'vervangt {n} eerder besluit(en)',
    decisions: {
      continue: 'Doorgaan',
      adjust: 'Bijsturen',
      escalate: 'Escaleren naar het verenigingsbestuur',
    },
  },
  en: {
    heading: 'Steering decisions',
    ambition: 'Ambition',
    change: 'What changes',
    who: 'who',
    by: 'by when',
    replaced: 'replaces {n} earlier decision(s)',
    decisions: { continue: 'Continue', adjust: 'Adjust', escalate: "Escalate to the association's board" },
  },
} as const;

export async function reportDecisions(deps: CoreDeps, cycles: readonly Cycle[]): Promise<ReportDecision[]> {
  const out: ReportDecision[] = [];
  for (const cycle of cycles) {
    const all = await deps.store.repos.steeringDecisions.listByCycle(cycle.id);
    const agenda = deps.agendas.get(cycle.agendaId);
    for (const ambition of agenda.ambitions) {
      const history = all.filter((d) => d.ambitionId === ambition.id);
      const current = history.at(-1);
      if (!current) continue;
      out.push({
        cycleId: cycle.id,
        cycleName: cycle.name,
        ambitionId: ambition.id,
        ambitionNumber: ambition.number,
        ambitionTitle: ambition.title,
        decision: current.decision,
        rationale: current.rationale,
        change: current.change,
        replaced: history.length - 1,
      });
    }
  }
  return out;
}

/** One decision as plain sentences (the caller escapes them for its format). */
function decisionParts(d: ReportDecision, locale: Locale) {
  const l = LABELS[locale];
  const { what, who, by } = d.change;
  return {
    title: `${l.ambition} ${d.ambitionNumber}: ${d.ambitionTitle} (${d.cycleName})`,
    decision: l.decisions[d.decision],
    rationale: d.rationale,
    change:
      what || who || by ? `${l.change}: ${what || '–'}; ${l.who}: ${who || '–'}; ${l.by}: ${by || '–'}` : '',
    replaced: d.replaced ? l.replaced.replace('{n}', String(d.replaced)) : '',
  };
}

export function decisionsMarkdown(decisions: readonly ReportDecision[], locale: Locale = 'nl'): string[] {
  if (decisions.length === 0) return [];
  const lines = [`## ${LABELS[locale].heading}`, ''];
  for (const d of decisions) {
    const p = decisionParts(d, locale);
    const extra = [p.change, p.replaced].filter(Boolean).map(md);
    lines.push(
      `- **${md(p.title)}**: ${p.decision}. ${md(p.rationale)}${extra.length ? ` ${extra.join('. ')}.` : ''}`,
    );
  }
  lines.push('');
  return lines;
}

export function decisionsHtml(
  decisions: readonly ReportDecision[],
  locale: Locale,
  escapeHtml: (s: string) => string,
): string {
  if (decisions.length === 0) return '';
  const items = decisions.map((d) => {
    const p = decisionParts(d, locale);
    const extra = [p.change, p.replaced].filter(Boolean).map(escapeHtml);
    return `<li><strong>${escapeHtml(p.title)}</strong>: ${escapeHtml(p.decision)}. ${escapeHtml(p.rationale)}${extra.length ? ` ${extra.join('. ')}.` : ''}</li>`;
  });
  return `<h2>${escapeHtml(LABELS[locale].heading)}</h2><ul class="decisions">${items.join('')}</ul>`;
}

/** The decision of a cycle on an ambition, for the report's CSV column. */
export function decisionOf(
  decisions: readonly ReportDecision[],
  cycleId: string,
  ambitionId: string,
): string | null {
  return decisions.find((d) => d.cycleId === cycleId && d.ambitionId === ambitionId)?.decision ?? null;
}
