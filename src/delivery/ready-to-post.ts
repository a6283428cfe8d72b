import type { ClaimedMessage } from '../core/delivery-ports';
import type { Logger } from '../core/ports';
import { reportError } from '../error-sink';
import type { LookUpOutcome, PreparedPost, Sender, SendOutcome } from './sender';

/**
 * What the worker does for a row before it takes the post's rate slot: for an uncertain row, look whether
 * an earlier attempt arrived (found: the outcome is `ok` with its ref, and no slot is spent); then render
 * it, so the post leaves at its reserved moment. Returns the post to make, or the outcome to settle.
 */
export async function readyToPost(
  sender: Sender,
  message: ClaimedMessage,
  logger: Logger,
): Promise<PreparedPost | SendOutcome> {
  if (message.uncertain && sender.lookUp) {
    let looked: LookUpOutcome;
    try {
      looked = await sender.lookUp(message);
    } catch (err) {
      reportError(logger, err, { phase: 'lookup', outbox: message.id, kind: message.kind });
      looked = { kind: 'uncertain', reason: (err as Error)?.message ?? String(err) };
    }
    if (looked.kind === 'found') return { kind: 'ok', ref: looked.ref };
    if (looked.kind !== 'absent') return looked;
  }
  if (!sender.prepare) return { post: (pace) => sender.send(message, pace) };
  try {
    return await sender.prepare(message);
  } catch (err) {
    // A sender bug before any platform call: nothing was posted.
    reportError(logger, err, { phase: 'prepare', outbox: message.id, kind: message.kind });
    return { kind: 'transient', reason: (err as Error)?.message ?? String(err) };
  }
}
