import { z } from 'zod';
import { type BoundCard, renderCard } from '../../cards/index';
import { practiceFormData, profileData, updateFormData } from '../../cards/member-data';
import { steeringFormData } from '../../cards/steering-data';
import type { Core } from '../../core/index';
import type { Member } from '../../core/model';
import type { CardAction } from './card-actions';

/** The cycle (and page of its update form) a button or form names. */
export const cycleData = z.object({
  cycleId: z.string().min(1).max(200),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

export async function updateForm(core: Core, member: Member, cycleId: string, page: number) {
  return renderCard('update-form', await updateFormData(core, member, cycleId, page), member.locale);
}

/**
 * The form a submit verb reads back, as it was shown: its inputs say which values the submission holds,
 * and it comes back with the errors when they do not pass. In a modal the steering form is the quick one
 * (results only), the one Slack opens within its 3 s. Null when the data does not say which form.
 */
export async function submittedForm(core: Core, action: CardAction): Promise<BoundCard | null> {
  const { member, data } = action;
  const locale = member.locale;
  switch (action.verb) {
    case 'update.submit':
    case 'update.page': {
      const where = cycleData.safeParse(data);
      return where.success ? updateForm(core, member, where.data.cycleId, where.data.page) : null;
    }
    case 'profile.submit':
      return renderCard('profile', await profileData(core, member), locale);
    case 'practice.submit':
      return renderCard('practice-form', await practiceFormData(core, member, action.channelId), locale);
    case 'steering.submit': {
      const where = cycleData.safeParse(data);
      if (!where.success) return null;
      const form = await steeringFormData(core, member, where.data.cycleId, { context: !action.inModal });
      return renderCard('steering-form', form, locale);
    }
    default:
      return null;
  }
}
