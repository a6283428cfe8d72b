import { z } from 'zod';
import { invalid, multiSelect, optionalText, requiredText } from './fields';

/** The practice form's submit data: its inputs and the action's verb and agenda. */
export const practiceFields = z.object({
  verb: z.literal('practice.submit'),
  agendaId: z.string().min(1),
  title: requiredText(150),
  description: requiredText(3000),
  ambitions: multiSelect('ambitions', z.string().regex(/^a\d+$/, invalid('ambitions'))),
  instruments: optionalText(3000),
  contact: requiredText(200),
});

/** What the core's sharePractice takes from the form (the adapter adds workspace and channel). */
export interface PracticeSubmission {
  agendaId: string;
  title: string;
  description: string;
  ambitionIds: string[];
  instruments: string;
  contact: string;
}

export const practiceSubmission = practiceFields.transform(
  (f): PracticeSubmission => ({
    agendaId: f.agendaId,
    title: f.title,
    description: f.description,
    ambitionIds: f.ambitions,
    instruments: f.instruments,
    contact: f.contact,
  }),
);
