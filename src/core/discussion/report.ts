import { CLI } from '../access';
import type { Cycle, Update } from '../model';
import type { CoreDeps } from '../ports';
import { type ReportDecision, reportDecisions } from '../steering-report';
import {
  type AmbitionSummary,
  type CycleStatusSummary,
  cycleStatus,
  summariseAmbition,
  type Trend,
  trendOf,
} from './summary';

/**
 * The yearly "staat van de sector": per theme (or strategic line) and ambition the review cycles' results,
 * trends, the summary of the discussion and the practices shared. People's names never appear in it.
 */

export interface ReportTheme {
  id: string | null;
  title: string | null;
  kind: 'theme' | 'line' | null;
  ambitions: AmbitionSummary[];
  /** For themes with actions of their own (VO-raad's lines): the results over those actions, per cycle. */
  actionResults: CycleStatusSummary[];
  actionTrend: Trend | null;
}

export interface SectorReport {
  agenda: { id: string; name: string; association: string };
  year: number;
  period: { from: Date; to: Date };
  generatedAt: Date;
  cycles: { id: string; name: string; status: Cycle['status']; opensAt: Date; closesAt: Date }[];
  themes: ReportTheme[];
  /** The coordinators' steering decisions on the cycles of the period (issue 18). */
  decisions: ReportDecision[];
}

/** Results over a theme's own actions, for the cycles that had answers about them. */
function actionResults(cycles: readonly Cycle[], updates: readonly Update[]): CycleStatusSummary[] {
  return cycles.map((c) => cycleStatus(c, updates)).filter((c) => c.answers > 0);
}

export async function sectorReport(
  deps: CoreDeps,
  input: { agendaId: string; year: number; from: Date; to: Date },
): Promise<SectorReport> {
  const agenda = deps.agendas.get(input.agendaId);
  const repos = deps.store.repos;
  const cycles = (await repos.cycles.list())
    .filter((c) => c.agendaId === agenda.id && c.opensAt < input.to && c.closesAt > input.from)
    .sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime());
  const summaries = new Map<string, AmbitionSummary>();
  for (const amb of agenda.ambitions)
    summaries.set(
      amb.id,
      await summariseAmbition(deps, CLI, {
        agendaId: agenda.id,
        ambition: amb.id,
        from: input.from,
        to: input.to,
        visibility: 'channel',
      }),
    );
  const themes: ReportTheme[] = [];
  for (const theme of agenda.themes) {
    const updates = theme.actions.length
      ? await repos.discussion.currentUpdatesForAmbition(
          theme.id,
          cycles.map((c) => c.id),
        )
      : [];
    const results = actionResults(cycles, updates);
    themes.push({
      id: theme.id,
      title: theme.title,
      kind: theme.kind,
      ambitions: agenda.ambitions
        .filter((a) => a.theme === theme.id)
        .map((a) => summaries.get(a.id) as AmbitionSummary),
      actionResults: results,
      actionTrend: trendOf(results),
    });
  }
  const apart = agenda.ambitions.filter((a) => !a.theme);
  if (apart.length)
    themes.unshift({
      id: null,
      title: null,
      kind: null,
      ambitions: apart.map((a) => summaries.get(a.id) as AmbitionSummary),
      actionResults: [],
      actionTrend: null,
    });
  return {
    agenda: { id: agenda.id, name: agenda.name, association: agenda.association },
    year: input.year,
    period: { from: input.from, to: input.to },
    generatedAt: deps.clock.now(),
    cycles: cycles.map((c) => ({
      id: c.id,
      name: c.name,
      status: c.status,
      opensAt: c.opensAt,
      closesAt: c.closesAt,
    })),
    themes,
    decisions: await reportDecisions(deps, cycles),
  };
}
