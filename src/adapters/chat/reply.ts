/** What a chat command answers, platform-neutral: each adapter renders it its own way. */
export type ChatReply =
  /** Plain text (Markdown: *bold*, lists); private replies go to the asker only. */
  | { type: 'text'; text: string; visibility: 'private' | 'channel' }
  /** A card from cards/ with its data. */
  | { type: 'card'; card: string; data: Record<string, unknown>; visibility: 'private' | 'channel' }
  /** A form to open: Slack opens a modal (needs the trigger id), Teams sends the card. */
  | { type: 'form'; form: 'practice-form' | 'profile' | 'steering-form'; data: Record<string, unknown> };

export const privateText = (text: string): ChatReply => ({ type: 'text', text, visibility: 'private' });
