import { requireMember } from '../access';
import { communityOfChannel } from '../communities';
import { AppError, isAppError } from '../errors';
import type { DiscussionMessage } from '../model';
import type { CoreDeps, Repositories } from '../ports';
import { analyseMessage } from './analysis';
import { type AmbitionClassifier, pickSuggestions, type RankedAmbition, saysEnough } from './classifier';
import { learnedClassifier, learnLinks } from './learning';
import { newMessageLinks, taggedAmbitions } from './new-message-links';

export interface RecordMessageInput {
  workspaceId: string;
  channelId: string;
  externalId: string;
  threadExternalId: string | null;
  authorMemberId: string | null;
  text: string;
  postedAt: Date;
}

/** A message as the platform names it: workspace, channel and the platform's message id. */
export interface MessageAddress {
  workspaceId: string;
  channelId: string;
  externalId: string;
}

/**
 * What the classifier suggests for a text: the best ambition when it reaches the threshold, and any
 * other within the margin of it (a message may be about two ambitions). With a language model
 * configured, its choices come first; when it fails, the lexical ranking stands. Asked before the
 * transaction, so no transaction waits for the model.
 */
async function suggestions(deps: CoreDeps, agendaId: string, classifier: AmbitionClassifier, text: string) {
  if (!saysEnough(text)) return [];
  const lexical = classifier.rank(text);
  const model = deps.discussion?.classifier;
  if (!model) return pickSuggestions(lexical);
  try {
    return pickSuggestions(await model(deps.agendas.get(agendaId), text, lexical));
  } catch (err) {
    deps.logger.warn(
      { code: isAppError(err) ? err.code : 'INTERNAL', err: (err as Error).message },
      'classification by the language model failed; using the lexical ranking',
    );
    return pickSuggestions(lexical);
  }
}

/** Links the suggestions, marked `auto` with their score. */
async function suggest(deps: CoreDeps, repos: Repositories, suggested: RankedAmbition[], messageId: string) {
  for (const s of suggested)
    await repos.messages.link(messageId, s.ambition, 'auto', s.score, null, deps.clock.now());
}

/**
 * Records a message of a community channel once (idempotent on its platform id), with the ambitions it
 * tags and those a person linked its thread to; without either, with the classifier's suggestion.
 * Messages of other channels are not stored: the result is null.
 */
export async function recordMessage(
  deps: CoreDeps,
  input: RecordMessageInput,
): Promise<DiscussionMessage | null> {
  const repos = deps.store.repos;
  const community = await repos.communities.findByChannel(input.workspaceId, input.channelId);
  if (!community) return null;
  const tagged = taggedAmbitions(deps, community.agendaId, input.text);
  const thread = input.threadExternalId;
  // The classifier (a language model, when configured) is asked before anything is written; the author and
  // the thread's links are read meanwhile.
  const [suggested, authors, threadLinks] = await Promise.all([
    tagged.length
      ? []
      : learnedClassifier(deps, community.agendaId).then((classifier) =>
          suggestions(deps, community.agendaId, classifier, input.text),
        ),
    input.authorMemberId ? repos.members.listByIds([input.authorMemberId]) : [],
    thread
      ? repos.discussion.personLinksOf([{ communityId: community.id, externalId: thread }])
      : new Map<string, string[]>(),
  ]);
  const id = deps.ids();
  const author = authors[0];
  // One statement, as a burst's: a message stored already keeps what it has.
  await repos.discussion.insertBatch(
    [
      {
        id,
        communityId: community.id,
        externalId: input.externalId,
        threadExternalId: thread,
        memberId: author?.id ?? null,
        boardId: author?.boardId ?? null,
        text: input.text,
        postedAt: input.postedAt,
        analysis: analyseMessage(input.text),
      },
    ],
    newMessageLinks(id, threadLinks.get(`${community.id} ${thread}`) ?? [], tagged, suggested),
    deps.clock.now(),
  );
  return repos.messages.findByExternal(community.id, input.externalId);
}

/**
 * A message was edited on its platform: the new text replaces the old, its tags are read again and an
 * automatic link is suggested anew. A text that was purged or erased stays gone. Null when the message
 * was never stored.
 */
export async function editMessage(
  deps: CoreDeps,
  input: MessageAddress & { text: string; editedAt: Date },
): Promise<DiscussionMessage | null> {
  const community = await deps.store.repos.communities.findByChannel(input.workspaceId, input.channelId);
  if (!community) return null;
  const now = deps.clock.now();
  const classifier = await learnedClassifier(deps, community.agendaId);
  const suggested = await suggestions(deps, community.agendaId, classifier, input.text);
  return deps.store.transaction(async (repos) => {
    const message = await repos.messages.findByExternal(community.id, input.externalId);
    if (!message || message.text === null) return message;
    await repos.discussion.updateText(message.id, input.text, input.editedAt);
    await repos.discussion.saveAnalysis(message.id, analyseMessage(input.text));
    await repos.discussion.unlink(message.id, { sources: ['tag', 'auto'] });
    for (const a of taggedAmbitions(deps, community.agendaId, input.text))
      await repos.messages.link(message.id, a, 'tag', null, null, now);
    const kept = await repos.messages.get(message.id);
    if (kept?.links.length === 0) await suggest(deps, repos, suggested, message.id);
    return repos.messages.get(message.id);
  });
}

/** A message was deleted on its platform: it goes, with its links. False when it was not stored. */
export async function deleteMessage(deps: CoreDeps, input: MessageAddress): Promise<boolean> {
  const community = await deps.store.repos.communities.findByChannel(input.workspaceId, input.channelId);
  if (!community) return false;
  return deps.store.transaction(async (repos) => {
    const message = await repos.messages.findByExternal(community.id, input.externalId);
    return message ? repos.discussion.remove(message.id) : false;
  });
}

/** A person links a message to ambitions (the "link to ambition" action). */
export async function linkMessage(
  deps: CoreDeps,
  memberId: string,
  input: MessageAddress & { ambitions: string[] },
): Promise<DiscussionMessage> {
  return correctLinks(deps, memberId, { ...input, add: input.ambitions, remove: [] });
}

/**
 * A person corrects a message's links: removes links (an automatic suggestion that was wrong, or any
 * other) and adds their own. Replacing a link is removing one and adding another in one go.
 */
export async function correctLinks(
  deps: CoreDeps,
  memberId: string,
  input: MessageAddress & { add: string[]; remove: string[] },
): Promise<DiscussionMessage> {
  const community = await communityOfChannel(deps, input.workspaceId, input.channelId);
  const resolve = (refs: string[]) =>
    refs.map((a) => deps.agendas.findAmbition(a, community.agendaId).ambition.id);
  const add = resolve(input.add);
  const remove = resolve(input.remove).filter((a) => !add.includes(a));
  const now = deps.clock.now();
  const corrected = await deps.store.transaction(async (repos) => {
    await requireMember(repos, memberId);
    const message = await repos.messages.findByExternal(community.id, input.externalId);
    if (!message)
      throw new AppError('UNKNOWN_MESSAGE', `message ${input.externalId} not recorded`, {
        message: input.externalId,
      });
    if (remove.length) await repos.discussion.unlink(message.id, { ambitions: remove });
    for (const ambitionId of add)
      await repos.messages.link(message.id, ambitionId, 'manual', null, memberId, now);
    return (await repos.messages.get(message.id)) as DiscussionMessage;
  });
  // Every manual link is a labelled example: the classifier of the agenda learns it once it is stored.
  await learnLinks(deps, community.agendaId, corrected.text, add, remove);
  return corrected;
}
