import type { Locale } from '../../i18n/index';
import type { CardDataMap } from '../data';
import type { CardName } from '../names';
import type { BoundCard } from '../template';
import { renderError, renderProfile, renderProfilePrompt, renderWelcome } from './account';
import { renderPeerOffer, renderPeerRequest } from './peers';
import { renderPracticeForm, renderPracticeView } from './practices';
import { renderCycleStatus, renderSummary } from './reports';
import { renderSteeringForm } from './steering';
import { renderCheckin, renderUpdateForm, renderUpdateReceipt } from './updates';

export {
  renderCheckin,
  renderCycleStatus,
  renderError,
  renderPracticeForm,
  renderPracticeView,
  renderProfile,
  renderProfilePrompt,
  renderSteeringForm,
  renderSummary,
  renderUpdateForm,
  renderUpdateReceipt,
  renderWelcome,
};

const renderers: { [N in CardName]: (data: CardDataMap[N], locale: Locale) => BoundCard } = {
  welcome: renderWelcome,
  profile: renderProfile,
  'profile-prompt': renderProfilePrompt,
  checkin: renderCheckin,
  'update-form': renderUpdateForm,
  'update-receipt': renderUpdateReceipt,
  'practice-form': renderPracticeForm,
  'practice-view': renderPracticeView,
  'steering-form': renderSteeringForm,
  'peer-offer': renderPeerOffer,
  'peer-request': renderPeerRequest,
  summary: renderSummary,
  'cycle-status': renderCycleStatus,
  error: renderError,
};

/** Binds a card's template to its data in the member's language. */
export function renderCard<N extends CardName>(name: N, data: CardDataMap[N], locale: Locale): BoundCard {
  const render: (data: CardDataMap[N], locale: Locale) => BoundCard = renderers[name];
  return render(data, locale);
}
