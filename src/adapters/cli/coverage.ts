import type { Coverage } from '../../core/coverage';

/** A cycle's coverage for `cycle plan` and `cycle status`: who cannot be reached yet and why. */
export function coverageJson(coverage: Coverage) {
  return {
    audience: coverage.audience,
    reachable: coverage.reachable,
    notReachable: coverage.gaps.map(({ member, reason }) => ({
      name: member.name,
      platform: member.platform,
      userId: member.externalId,
      reason,
    })),
    boardsWithoutMembers: coverage.emptyBoards,
  };
}
