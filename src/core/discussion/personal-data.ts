import { requireMember } from '../access';
import type { CoreDeps } from '../ports';
import type { MemberDataRecords } from './ports';
import { settingsOf } from './settings';

/** Everything Samenspraak stores about a member, as they get it with `mijn-gegevens` (sent privately). */
export interface MemberDataExport extends MemberDataRecords {
  exportedAt: Date;
  board: { id: string; name: string; duoNumber: string } | null;
  /** How long message texts are kept, in days. */
  retentionDays: number;
  /** Requests for contact between boards the member made or received (issue 18). */
  peerContacts: import('../peer-model').PeerContact[];
}

export async function exportMemberData(deps: CoreDeps, memberId: string): Promise<MemberDataExport> {
  const repos = deps.store.repos;
  const member = await requireMember(repos, memberId);
  const board = member.boardId ? await repos.boards.get(member.boardId) : null;
  return {
    exportedAt: deps.clock.now(),
    board: board ? { id: board.id, name: board.name, duoNumber: board.duoNumber } : null,
    retentionDays: settingsOf(deps).retentionDays,
    peerContacts: await repos.peerContacts.listByMember(member.id),
    ...(await repos.personalData.exportMember(member)),
  };
}

/** The export as the JSON file the member receives. */
export function memberDataJson(data: MemberDataExport): string {
  return JSON.stringify(data, null, 2);
}

/**
 * `mijn-gegevens wis`: erases the texts of the member's messages and unhooks the messages (and the links
 * they made) from them. The messages stay as anonymous rows, so counts per ambition and board stay right.
 */
export async function eraseMemberTexts(deps: CoreDeps, memberId: string): Promise<{ erased: number }> {
  const now = deps.clock.now();
  return deps.store.transaction(async (repos) => {
    await requireMember(repos, memberId);
    const erased = await repos.personalData.eraseMember(memberId, now);
    // Erasing withdraws the consent to be contacted by other boards and unhooks the member's requests.
    await repos.peerContacts.eraseMember(memberId);
    await repos.audit.write({
      at: now,
      actorId: memberId,
      action: 'member.erase-texts',
      target: memberId,
      details: { messages: erased },
    });
    return { erased };
  });
}
