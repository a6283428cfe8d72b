import { isCoordinator, requireMember } from './access';
import type { Community, Cycle } from './model';
import type { CoreDeps } from './ports';

export interface MemberOverview {
  /** Cycles open now in which the member was asked, with whether they answered. */
  openCheckIns: { cycle: Cycle; answered: boolean }[];
  communities: Community[];
  /** The cycle open now (or the next planned one), for everyone to see. */
  currentCycle: Cycle | null;
  /** Coordinators only: how far the open cycles are. */
  progress: { cycle: Cycle; asked: number; answered: number }[] | null;
}

/** What a person sees on their home page (Slack App Home, Teams personal tab). */
export async function memberOverview(deps: CoreDeps, memberId: string): Promise<MemberOverview> {
  const repos = deps.store.repos;
  const member = await requireMember(repos, memberId);
  const cycles = await repos.cycles.listByStatus(['scheduled', 'open']);
  const open = cycles.filter((c) => c.status === 'open');
  const openCheckIns: MemberOverview['openCheckIns'] = [];
  const progress: NonNullable<MemberOverview['progress']> = [];
  for (const cycle of open) {
    const checkIns = await repos.checkIns.listByCycle(cycle.id);
    const mine = checkIns.find((c) => c.memberId === member.id);
    if (mine) openCheckIns.push({ cycle, answered: mine.answeredAt !== null });
    progress.push({ cycle, asked: checkIns.length, answered: checkIns.filter((c) => c.answeredAt).length });
  }
  return {
    openCheckIns,
    communities: await repos.communities.listByMember(member.id),
    currentCycle: open[0] ?? cycles[0] ?? null,
    progress: isCoordinator(member) ? progress : null,
  };
}
