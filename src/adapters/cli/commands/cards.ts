import { CARD_NAMES, type CardName } from '../../../cards/names';
import { isLocale } from '../../../i18n/index';
import { parseFlags } from '../args';
import { type CliCommand, UsageError } from '../command';

export const cardsCommand: CliCommand = {
  name: 'cards',
  usage: ['cards preview NAME --platform teams|slack [--locale nl|en]   a card with sample data, as JSON'],
  async run(argv, { out }) {
    const { values, positionals } = parseFlags('cards', argv, {
      platform: { type: 'string', default: 'teams' },
      locale: { type: 'string', default: 'nl' },
    });
    const [sub, name] = positionals;
    if (sub !== 'preview') throw new UsageError(`cards ${sub ?? ''}: unknown`);
    if (!name || !(CARD_NAMES as readonly string[]).includes(name))
      throw new UsageError(`cards preview: NAME is one of ${CARD_NAMES.join(', ')}`);
    if (values.platform !== 'teams' && values.platform !== 'slack')
      throw new UsageError('cards preview: --platform is teams or slack');
    if (!isLocale(values.locale)) throw new UsageError('cards preview: --locale is nl or en');
    // The templating engine (its expression parser) loads only for this command.
    const { previewCard } = require('../../../cards/preview') as typeof import('../../../cards/preview');
    out(JSON.stringify(previewCard(name as CardName, values.platform, values.locale), null, 2));
  },
};
