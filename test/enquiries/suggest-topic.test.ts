import { describe, expect, it } from 'vitest';
import { suggestTopic } from '../../src/enquiries/suggest-topic.js';

describe('suggestTopic', () => {
  it.each([
    ['We have unspent levy and would like to transfer some of it to a small business.', 'levy-transfer'],
    ['Can we take on an apprentice in our kitchen next year?', 'apprenticeships'],
    ['How do we become an accredited London Living Wage employer?', 'llw'],
    ['We could host two Hackney 100 placements in the summer.', 'hackney-100'],
    ['Our Section 106 agreement requires local jobs during the construction phase.', 's106'],
    ['We have 12 vacancies for warehouse staff and are recruiting now.', 'recruitment'],
    ['Please call me back about parking permits.', 'other'],
  ])('suggests a topic for "%s"', (text, topic) => {
    expect(suggestTopic(text)).toBe(topic);
  });

  it('prefers the specific phrase when several topics are mentioned', () => {
    expect(suggestTopic('Levy transfer to fund an apprenticeship at a partner firm')).toBe('levy-transfer');
    expect(suggestTopic('S106 obligation: we need to recruit apprentices on site')).toBe('s106');
  });
});
