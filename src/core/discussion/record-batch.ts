import type { Community, LinkSource } from '../model';
import type { CoreDeps } from '../ports';
import { analyseMessage } from './analysis';
import type { AmbitionClassifier } from './classifier';
import { learnedClassifier } from './learning';
import type { BatchLink, BatchMessage } from './ports';
import { type RecordMessageInput, taggedAmbitions } from './record';

/**
 * Records a burst of messages at once (a backlog after downtime, a channel's history, events that
 * arrive together): the same rules as recordMessage — tags, the thread's links, otherwise the
 * classifier's suggestions, the sentences analysed — but one lookup per channel and agenda and a few
 * statements for the whole batch in one transaction. Messages of unlinked channels are skipped;
 * messages already stored are left as they are. Returns how many were new.
 */
export async function recordMessages(
  deps: CoreDeps,
  inputs: readonly RecordMessageInput[],
): Promise<{ recorded: number; linked: number }> {
  const repos = deps.store.repos;
  // One look-up per workspace for the channels of the batch.
  const communities = new Map<string, Community>();
  for (const workspaceId of new Set(inputs.map((i) => i.workspaceId)))
    for (const c of await repos.communities.listByWorkspace(workspaceId))
      communities.set(`${workspaceId} ${c.channelId}`, c);
  const classifiers = new Map<string, AmbitionClassifier>();
  for (const c of communities.values())
    if (c && !classifiers.has(c.agendaId))
      classifiers.set(c.agendaId, await learnedClassifier(deps, c.agendaId));
  const now = deps.clock.now();

  return deps.store.transaction(async (tx) => {
    const authorIds = [...new Set(inputs.flatMap((i) => i.authorMemberId ?? []))];
    const authors = new Map((await tx.members.listByIds(authorIds)).map((m) => [m.id, m]));
    const kept = inputs.flatMap((input) => {
      const community = communities.get(`${input.workspaceId} ${input.channelId}`);
      return community ? [{ input, community }] : [];
    });
    // Threads whose first message is stored already; those in this batch are seen as they are linked.
    const roots = kept.flatMap(({ input, community }) =>
      input.threadExternalId ? [{ communityId: community.id, externalId: input.threadExternalId }] : [],
    );
    const rootLinks = await tx.discussion.personLinksOf(roots);
    const messages: BatchMessage[] = [];
    const links: BatchLink[] = [];
    for (const { input, community } of kept) {
      const id = deps.ids();
      const author = input.authorMemberId ? authors.get(input.authorMemberId) : undefined;
      const own = new Map<string, LinkSource>();
      if (input.threadExternalId)
        for (const a of rootLinks.get(`${community.id} ${input.threadExternalId}`) ?? [])
          own.set(a, 'thread');
      for (const a of taggedAmbitions(deps, community.agendaId, input.text)) own.set(a, 'tag');
      const mine: BatchLink[] = [...own].map(([ambitionId, source]) => ({
        messageId: id,
        ambitionId,
        source,
        score: null,
      }));
      if (mine.length === 0)
        for (const s of (classifiers.get(community.agendaId) as AmbitionClassifier).suggestAll(input.text))
          mine.push({ messageId: id, ambitionId: s.ambition, source: 'auto', score: s.score });
      // A reply later in this batch inherits what a person gave this message.
      const given = mine.filter((l) => l.source !== 'auto').map((l) => l.ambitionId);
      if (given.length) rootLinks.set(`${community.id} ${input.externalId}`, given);
      links.push(...mine);
      messages.push({
        id,
        communityId: community.id,
        externalId: input.externalId,
        threadExternalId: input.threadExternalId,
        memberId: author?.id ?? null,
        boardId: author?.boardId ?? null,
        text: input.text,
        postedAt: input.postedAt,
        analysis: analyseMessage(input.text),
      });
    }
    const created = await tx.discussion.insertBatch(messages, links, now);
    return {
      recorded: created.size,
      linked: new Set(links.filter((l) => created.has(l.messageId)).map((l) => l.messageId)).size,
    };
  });
}
