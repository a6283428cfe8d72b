import { z } from 'zod';
import { STEERING_DECISIONS, type SteeringChoice } from '../../core/steering-model';
import { invalid, optionalText, requiredText } from './fields';

/** The steering form's submit data: the decision on one ambition of a closed cycle. */
export const steeringFields = z.object({
  verb: z.literal('steering.submit'),
  cycleId: z.string().min(1).max(200),
  ambition: z.string({ error: invalid('required') }).regex(/^a\d+$/, invalid('required')),
  decision: z.enum(STEERING_DECISIONS, { error: invalid('required') }),
  rationale: requiredText(2000),
  changeWhat: optionalText(1000),
  changeWho: optionalText(200),
  changeBy: optionalText(100),
});

/** What the core's decideSteering takes from the form. */
export interface SteeringSubmission {
  cycleId: string;
  ambitionId: string;
  decision: SteeringChoice;
  rationale: string;
  change: { what: string; who: string; by: string };
}

export const steeringSubmission = steeringFields.transform(
  (f): SteeringSubmission => ({
    cycleId: f.cycleId,
    ambitionId: f.ambition,
    decision: f.decision,
    rationale: f.rationale,
    change: { what: f.changeWhat, who: f.changeWho, by: f.changeBy },
  }),
);
