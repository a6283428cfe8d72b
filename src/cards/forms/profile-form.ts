import { z } from 'zod';
import { isTimeZone } from '../../core/time';
import { LOCALES, type Locale } from '../../i18n/index';
import { invalid, toggle } from './fields';

/** The profile card's submit data: its inputs board, timeZone, locale and the action's verb. */
export const profileFields = z.object({
  verb: z.literal('profile.submit'),
  board: z.string({ error: invalid('board') }).min(1, invalid('board')),
  timeZone: z.string({ error: invalid('timeZone') }).refine(isTimeZone, invalid('timeZone')),
  locale: z.enum(LOCALES, { error: invalid('locale') }),
  peerContact: toggle,
});

export interface ProfileSubmission {
  boardId: string;
  timeZone: string;
  locale: Locale;
  /** Other boards may contact the member about ambitions their board is on track with. */
  peerContact: boolean;
}

export const profileSubmission = profileFields.transform(
  (f): ProfileSubmission => ({
    boardId: f.board,
    timeZone: f.timeZone,
    locale: f.locale,
    peerContact: f.peerContact,
  }),
);
