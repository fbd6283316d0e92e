import { describe, expect, it } from 'vitest';
import { decodeAnswerActionValue } from '../../src/slack/answer-action-value.js';
import { SLACK_IDS } from '../../src/slack/ids.js';
import { renderAnswer, toSlackMrkdwn } from '../../src/slack/render-answer.js';
import { actionIds, blocksText } from '../helpers/slack-test-app.js';
import { answerWithSources } from './fixture-answers.js';

const action = { question: 'Who pays the levy?', channel: 'C0EMPLOY', threadTs: '1763892000.000100' };

describe('renderAnswer', () => {
  it('turns bold and bullets into Slack mrkdwn and keeps citation markers', () => {
    expect(toSlackMrkdwn('**Levy** is 0.5% [1]\n- pay bill over £3 million [2]')).toBe(
      '*Levy* is 0.5% [1]\n• pay bill over £3 million [2]',
    );
  });

  it('escapes characters Slack would read as markup', () => {
    expect(toSlackMrkdwn('Pay <£3m & more> [1]')).toBe('Pay &lt;£3m &amp; more&gt; [1]');
  });

  it('lists sources in citation order with GOV.UK dates and flags the one due for review', () => {
    const { blocks } = renderAnswer(answerWithSources(), { answerId: 'a1', action });
    const text = blocksText(blocks);
    const first = text.indexOf(
      '[1] <https://www.livingwage.org.uk/what-real-living-wage|London Living Wage rates: Current rate>',
    );
    const second = text.indexOf('[2] <https://www.livingwage.org.uk/accreditation|Becoming a Living Wage employer>');
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(text).toContain('last reviewed 23 October 2026\n');
    expect(text).toContain('last reviewed 10 January 2025 · :warning: due for review (was due 10 July 2025)');
    expect(text.match(/:warning:/g)).toHaveLength(1);
  });

  it('shows the notice line when the answer has one', () => {
    const notice = 'The writing model was unavailable, so this quotes the sources.';
    expect(blocksText(renderAnswer(answerWithSources({ notice }), { answerId: 'a1' }).blocks)).toContain(
      `:information_source: ${notice}`,
    );
    expect(blocksText(renderAnswer(answerWithSources(), { answerId: 'a1' }).blocks)).not.toContain(
      ':information_source:',
    );
  });

  it('offers Ask the team, and Log employer enquiry only when an enquiry is suggested', () => {
    expect(actionIds(renderAnswer(answerWithSources(), { answerId: 'a1', action }).blocks)).toEqual([
      SLACK_IDS.actions.askTheTeam,
      SLACK_IDS.actions.feedback,
    ]);
    const withEnquiry = renderAnswer(answerWithSources({ enquirySuggested: true }), { answerId: 'a1', action });
    expect(actionIds(withEnquiry.blocks)).toEqual([
      SLACK_IDS.actions.askTheTeam,
      SLACK_IDS.actions.logEnquiryFromAnswer,
      SLACK_IDS.actions.feedback,
    ]);
  });

  it('carries the question, thread and external flag in the button value', () => {
    const { blocks } = renderAnswer(answerWithSources(), { answerId: 'a1', action: { ...action, isExternal: true } });
    const actions = blocks.find((block) => block.type === 'actions') as { elements: { value?: string }[] };
    expect(decodeAnswerActionValue(actions.elements[0]?.value)).toEqual({ ...action, isExternal: true });
  });

  it('says plainly when there is no answer and still offers Ask the team', () => {
    const decline = answerWithSources({
      kind: 'decline',
      text: 'I could not find this in the Skills Desk knowledge base.',
      citations: [],
      figures: [],
    });
    const { blocks, text } = renderAnswer(decline, { answerId: 'a1', action });
    expect(text).toBe('I could not find this in the Skills Desk knowledge base.');
    expect(blocksText(blocks)).toContain('I could not find this in the Skills Desk knowledge base.');
    expect(blocksText(blocks)).not.toContain('Sources');
    expect(actionIds(blocks)).toContain(SLACK_IDS.actions.askTheTeam);
  });

  it('keeps feedback buttons in a context_actions block whose values name the answer', () => {
    const { blocks } = renderAnswer(answerWithSources(), { answerId: 'answer-42' });
    const feedback = blocks.at(-1) as {
      type: string;
      elements: { type: string; positive_button: { value: string }; negative_button: { value: string } }[];
    };
    expect(feedback.type).toBe('context_actions');
    expect(feedback.elements[0]?.type).toBe('feedback_buttons');
    expect(feedback.elements[0]?.positive_button.value).toBe('up:answer-42');
    expect(feedback.elements[0]?.negative_button.value).toBe('down:answer-42');
  });

  it('splits a long answer into sections within Slack’s 3,000-character limit', () => {
    const paragraph = 'Apprenticeship funding explained. '.repeat(60).trim();
    const long = answerWithSources({ text: [paragraph, paragraph, paragraph].join('\n\n') });
    const sections = renderAnswer(long, { answerId: 'a1', includeText: true }).blocks.filter(
      (block) => block.type === 'section' && block.block_id !== 'answer_sources',
    ) as { text: { text: string } }[];
    expect(sections.length).toBeGreaterThan(1);
    for (const section of sections) expect(section.text.text.length).toBeLessThanOrEqual(3_000);
    expect(sections.map((section) => section.text.text).join('\n\n')).toBe(long.text);
  });

  it('leaves the text out when it has already been streamed', () => {
    const { blocks } = renderAnswer(answerWithSources(), { answerId: 'a1', includeText: false });
    expect(blocksText(blocks)).not.toContain('London Living Wage* is');
    expect(blocksText(blocks)).toContain('*Sources*');
  });
});
