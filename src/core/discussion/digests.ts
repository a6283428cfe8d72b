import { z } from 'zod';
import { SCHEDULER } from '../access';
import { AppError } from '../errors';
import type { Cycle, Platform } from '../model';
import type { CoreDeps } from '../ports';
import { DAY_MS, localDate, zonedInstant } from '../time';
import { formatDate, labels, lastDay } from './labels';
import { md, summarySections } from './markdown';
import type { CommunityWithAge } from './ports';
import { settingsOf } from './settings';
import { type AmbitionSummary, summariseAmbition } from './summary';

/**
 * Per community, a digest of the discussion: every DIGEST_EVERY_DAYS days (periods counted from Monday
 * 1 January 2024 at midnight in the association's time zone) and when a review cycle closes. The scheduler
 * asks what is due and queues it; the outbox row holds only the period, and the delivery builds the
 * content with `digestContent` when it sends, so no message text is copied into the outbox.
 */

export const DIGEST_KIND = 'community.digest';
const EPOCH = '2024-01-01';
/** Period digests go out at this local time on the day after the period. */
const POST_AT = '09:00';

export type DigestKind = 'period' | 'cycle';

export interface DueDigest {
  communityId: string;
  workspaceId: string;
  channelId: string;
  kind: DigestKind;
  from: Date;
  to: Date;
  cycleId: string | null;
  dedupeKey: string;
  notBefore: Date;
}

export const digestPayloadSchema = z.object({
  communityId: z.string().min(1),
  kind: z.enum(['period', 'cycle']),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  cycleId: z.string().min(1).nullable(),
});

export type DigestPayload = z.infer<typeof digestPayloadSchema>;

/** Whether the cycle asks about the community's theme: one of its ambitions or actions, or its own actions. */
function concernsTheme(deps: CoreDeps, cycle: Cycle, themeId: string): boolean {
  const ambitions = deps.agendas
    .get(cycle.agendaId)
    .ambitions.filter((a) => a.theme === themeId)
    .map((a) => a.id);
  return cycle.scope.some(
    (item) => item.startsWith(`${themeId}.`) || ambitions.some((a) => item === a || item.startsWith(`${a}.`)),
  );
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The last whole digest period before `now`: [from, to) with both ends at local midnight. */
export function lastPeriod(now: Date, everyDays: number, timeZone: string): { start: string; end: string } {
  const epoch = dayNumber(EPOCH);
  const today = dayNumber(localDate(now, timeZone));
  const current = epoch + Math.floor((today - epoch) / everyDays) * everyDays;
  return { start: dateOfDay(current - everyDays), end: dateOfDay(current) };
}

function periodDigest(c: CommunityWithAge, start: string, end: string, timeZone: string): DueDigest {
  return {
    communityId: c.id,
    workspaceId: c.workspaceId,
    channelId: c.channelId,
    kind: 'period',
    from: zonedInstant(start, '00:00', timeZone),
    to: zonedInstant(end, '00:00', timeZone),
    cycleId: null,
    dedupeKey: `digest:${c.id}:${start}`,
    notBefore: zonedInstant(end, POST_AT, timeZone),
  };
}

function cycleDigest(c: CommunityWithAge, cycle: Cycle, now: Date): DueDigest {
  return {
    communityId: c.id,
    workspaceId: c.workspaceId,
    channelId: c.channelId,
    kind: 'cycle',
    from: cycle.opensAt,
    to: cycle.closedAt ?? cycle.closesAt,
    cycleId: cycle.id,
    dedupeKey: `digest:${c.id}:cycle:${cycle.id}`,
    notBefore: now,
  };
}

/**
 * The digests due at `now` and not queued yet: each community's last whole period (when it had messages)
 * and, for cycles closed within the last period, one per community whose theme the cycle asked about. Only the latest
 * period is considered, so a service that was down does not flood a channel afterwards.
 */
export async function dueDigests(deps: CoreDeps, now: Date = deps.clock.now()): Promise<DueDigest[]> {
  const { digestEveryDays, timeZone } = settingsOf(deps);
  const repos = deps.store.repos;
  const communities = await repos.discussion.listCommunities();
  const { start, end } = lastPeriod(now, digestEveryDays, timeZone);
  const candidates: DueDigest[] = [];
  // The period is the same for every community: one count for all of them, every tick.
  const period = { from: zonedInstant(start, '00:00', timeZone), to: zonedInstant(end, '00:00', timeZone) };
  const counts = await repos.discussion.messageCounts(period.from, period.to);
  for (const c of communities)
    if (c.createdAt < period.to && counts.has(c.id)) candidates.push(periodDigest(c, start, end, timeZone));
  const since = new Date(now.getTime() - digestEveryDays * DAY_MS);
  for (const cycle of await repos.cycles.listByStatus(['closed'])) {
    const closedAt = cycle.closedAt ?? cycle.closesAt;
    if (closedAt <= since || closedAt > now) continue;
    for (const c of communities)
      if (c.agendaId === cycle.agendaId && concernsTheme(deps, cycle, c.themeId))
        candidates.push(cycleDigest(c, cycle, now));
  }
  const queued = await repos.discussion.queuedKeys(candidates.map((d) => d.dedupeKey));
  return candidates.filter((d) => !queued.has(d.dedupeKey));
}

/** Queues the due digests in the outbox (kind `community.digest`); returns those this call queued. */
export async function queueDigests(deps: CoreDeps, now: Date = deps.clock.now()): Promise<DueDigest[]> {
  const due = await dueDigests(deps, now);
  const queued: DueDigest[] = [];
  await deps.store.transaction(async (repos) => {
    const platforms = new Map<string, Platform>();
    for (const d of due) {
      let platform = platforms.get(d.workspaceId);
      if (!platform) {
        const workspace = await repos.workspaces.get(d.workspaceId);
        if (!workspace) throw new AppError('UNKNOWN_COMMUNITY', `no workspace ${d.workspaceId}`);
        platform = workspace.platform;
        platforms.set(d.workspaceId, platform);
      }
      const payload: DigestPayload = {
        communityId: d.communityId,
        kind: d.kind,
        from: d.from.toISOString(),
        to: d.to.toISOString(),
        cycleId: d.cycleId,
      };
      const fresh = await repos.outbox.enqueue(
        {
          dedupeKey: d.dedupeKey,
          platform,
          workspaceId: d.workspaceId,
          memberId: null,
          conversationId: d.channelId,
          kind: DIGEST_KIND,
          payload,
          notBefore: d.notBefore,
        },
        deps.ids(),
        now,
      );
      if (fresh) queued.push(d);
    }
  });
  return queued;
}

export interface CommunityDigest {
  communityId: string;
  workspaceId: string;
  channelId: string;
  kind: DigestKind;
  theme: { id: string; title: string };
  cycle: { id: string; name: string } | null;
  period: { from: Date; to: Date };
  /** The ambitions talked about (and, at a cycle's close, the theme's ambitions it asked about), in agenda order. */
  ambitions: AmbitionSummary[];
  /** Posted as a thread: the root message, then one reply per ambition. */
  markdown: { root: string; replies: string[] };
}

/** What a digest says, built when delivery sends the outbox row (its payload is parsed here). */
export async function digestContent(deps: CoreDeps, payload: unknown): Promise<CommunityDigest> {
  const parsed = digestPayloadSchema.safeParse(payload);
  if (!parsed.success)
    throw new AppError('INPUT_INVALID', `not a digest payload: ${z.prettifyError(parsed.error)}`, {
      detail: 'digest payload',
    });
  const p = parsed.data;
  const repos = deps.store.repos;
  const community = await repos.communities.get(p.communityId);
  if (!community) throw new AppError('UNKNOWN_COMMUNITY', `no community ${p.communityId}`);
  const agenda = deps.agendas.get(community.agendaId);
  const theme = agenda.themes.find((t) => t.id === community.themeId);
  const cycle = p.cycleId ? await repos.cycles.get(p.cycleId) : null;
  const from = new Date(p.from);
  const to = new Date(p.to);
  const talkedAbout = new Set(await repos.discussion.linkedAmbitions(community.id, from, to));
  const ambitions: AmbitionSummary[] = [];
  for (const amb of agenda.ambitions) {
    const asked =
      amb.theme === community.themeId &&
      (cycle?.scope.some((i) => i === amb.id || i.startsWith(`${amb.id}.`)) ?? false);
    if (!talkedAbout.has(amb.id) && !asked) continue;
    ambitions.push(
      await summariseAmbition(deps, SCHEDULER, {
        agendaId: agenda.id,
        ambition: amb.id,
        from,
        to,
        communityId: community.id,
        visibility: 'channel',
      }),
    );
  }
  const { timeZone } = settingsOf(deps);
  const l = labels('nl');
  const when = `${formatDate(from, { timeZone })} ${l.until} ${formatDate(lastDay(to), { timeZone })}`;
  const title = cycle ? `${l.digestCycle} ${md(cycle.name)}` : l.digest;
  const total = ambitions.reduce((n, a) => n + a.messages.total, 0);
  const root = [
    `**${title}: ${md(theme?.title ?? community.themeId)}**`,
    `${when} · ${total} ${l.messages}`,
    ...(ambitions.length ? [] : [l.digestNothing]),
  ].join('\n');
  const replies = ambitions.map((a) =>
    [
      `**${l.ambition} ${a.ambition.number}: ${md(a.ambition.title)}**`,
      ...summarySections(a, { timeZone }, 3),
    ].join('\n'),
  );
  return {
    communityId: community.id,
    workspaceId: community.workspaceId,
    channelId: community.channelId,
    kind: p.kind,
    theme: { id: community.themeId, title: theme?.title ?? community.themeId },
    cycle: cycle ? { id: cycle.id, name: cycle.name } : null,
    period: { from, to },
    ambitions,
    markdown: { root, replies },
  };
}
