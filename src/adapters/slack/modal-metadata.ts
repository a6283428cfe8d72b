import { z } from 'zod';
import { jsonText } from './payloads';

/**
 * A modal's private_metadata carries the card's submit data (what Teams would submit along) and where
 * the modal came from: the channel, and the message to update in place after the submit.
 */
const wrapped = z.object({
  card: z.string().max(2500),
  channel: z.string().nullable(),
  message: z.object({ channel: z.string(), ts: z.string() }).nullable(),
});

const wrappedText = jsonText(wrapped);

export type ModalOrigin = Omit<z.infer<typeof wrapped>, 'card'>;

export function wrapMetadata(cardMetadata: string, origin: ModalOrigin): string {
  return JSON.stringify({ card: cardMetadata, ...origin });
}

/** The metadata of a modal of ours; null for anything else (refused by the caller). */
export function unwrapMetadata(metadata: string): z.infer<typeof wrapped> | null {
  const parsed = wrappedText.safeParse(metadata);
  return parsed.success ? parsed.data : null;
}
