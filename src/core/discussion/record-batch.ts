import type { Community } from '../model';
import type { CoreDeps } from '../ports';
import { analyseMessage } from './analysis';
import type { AmbitionClassifier } from './classifier';
import { learnedClassifier } from './learning';
import { newMessageLinks, taggedAmbitions } from './new-message-links';
import type { BatchLink, BatchMessage } from './ports';
import type { RecordMessageInput } from './record';

/**
 * Messages per insert statement. A batch goes to the database in parts, each sent as soon as it is
 * ready: the database stores one part (in its own process) while the next is analysed and classified.
 */
export const RECORD_PART = 50;

/**
 * Records a burst of messages at once (a backlog after downtime, a channel's history, events that
 * arrive together): the same rules as recordMessage — tags, the thread's links, otherwise the
 * classifier's suggestions, the sentences analysed — but one lookup per channel and agenda for the whole
 * batch, and one statement per RECORD_PART messages, each atomic and idempotent on the platform ids (a
 * batch that failed halfway is recorded whole when it is given again). Messages of unlinked channels are
 * skipped; messages already stored are left as they are. Returns how many were new.
 */
export async function recordMessages(
  deps: CoreDeps,
  inputs: readonly RecordMessageInput[],
): Promise<{ recorded: number; linked: number }> {
  const repos = deps.store.repos;
  const authorIds = [...new Set(inputs.flatMap((i) => i.authorMemberId ?? []))];
  const [channels, authorList] = await Promise.all([
    Promise.all(
      [...new Set(inputs.map((i) => i.workspaceId))].map(async (workspaceId) =>
        (await repos.communities.listByWorkspace(workspaceId)).map(
          (c) => [`${workspaceId} ${c.channelId}`, c] as const,
        ),
      ),
    ),
    repos.members.listByIds(authorIds),
  ]);
  const communities = new Map<string, Community>(channels.flat());
  const authors = new Map(authorList.map((m) => [m.id, m]));
  const kept = inputs.flatMap((input) => {
    const community = communities.get(`${input.workspaceId} ${input.channelId}`);
    return community ? [{ input, community }] : [];
  });
  // Threads whose first message is stored already; those in this batch are seen as they are linked.
  const roots = kept.flatMap(({ input, community }) =>
    input.threadExternalId ? [{ communityId: community.id, externalId: input.threadExternalId }] : [],
  );
  const agendaIds = [...new Set(kept.map((k) => k.community.agendaId))];
  const [rootLinks, learned] = await Promise.all([
    repos.discussion.personLinksOf(roots),
    Promise.all(agendaIds.map((a) => learnedClassifier(deps, a))),
  ]);
  const classifiers = new Map(agendaIds.map((a, i) => [a, learned[i] as AmbitionClassifier]));

  const now = deps.clock.now();
  // Each part's outcome is kept (never a rejection left unhandled while the next part is built); the
  // first failure is thrown once every part has settled.
  const parts: Promise<{ created: Set<string>; links: BatchLink[] } | { failed: unknown }>[] = [];
  for (let at = 0; at < kept.length; at += RECORD_PART) {
    const messages: BatchMessage[] = [];
    const links: BatchLink[] = [];
    for (const { input, community } of kept.slice(at, at + RECORD_PART)) {
      const id = deps.ids();
      const author = input.authorMemberId ? authors.get(input.authorMemberId) : undefined;
      const tagged = taggedAmbitions(deps, community.agendaId, input.text);
      const threadLinks = input.threadExternalId
        ? (rootLinks.get(`${community.id} ${input.threadExternalId}`) ?? [])
        : [];
      const classifier = classifiers.get(community.agendaId) as AmbitionClassifier;
      const suggested = threadLinks.length || tagged.length ? [] : classifier.suggestAll(input.text);
      const mine = newMessageLinks(id, threadLinks, tagged, suggested);
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
    parts.push(
      repos.discussion.insertBatch(messages, links, now).then(
        (created) => ({ created, links }),
        (failed: unknown) => ({ failed }),
      ),
    );
    // The driver writes a statement once this turn of the event loop ends: let it go before building on.
    await new Promise((resolve) => setImmediate(resolve));
  }
  let recorded = 0;
  const linked = new Set<string>();
  const settled = await Promise.all(parts);
  for (const part of settled) if ('failed' in part) throw part.failed;
  for (const { created, links } of settled as { created: Set<string>; links: BatchLink[] }[]) {
    recorded += created.size;
    for (const l of links) if (created.has(l.messageId)) linked.add(l.messageId);
  }
  return { recorded, linked: linked.size };
}
