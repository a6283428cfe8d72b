import { renderCard, toSlackMessage } from '../../src/cards/index';
import { sampleData } from '../../src/cards/samples';
import { cardTexts } from '../teams/harness';

// The chat summary says which period it covers and how many messages it read, on Teams and on Slack.
describe('summary card', () => {
  it('names the period and the number of messages, in Dutch and in English', () => {
    const data = sampleData('summary');
    expect(cardTexts(renderCard('summary', data, 'nl').json)).toContain(
      '1 januari 2027 t/m 31 maart 2027: 214 berichten over deze ambitie',
    );
    expect(cardTexts(renderCard('summary', data, 'en').json)).toContain(
      '1 January 2027 to 31 March 2027: 214 messages about this ambition',
    );
  });

  it('says one message in the singular, and shows the period on Slack too', () => {
    const card = renderCard('summary', { ...sampleData('summary'), messages: 1 }, 'nl');
    const slack = JSON.stringify(toSlackMessage(card).blocks);
    expect(slack).toContain('1 januari 2027 t/m 31 maart 2027: 1 bericht over deze ambitie');
  });
});
