import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';
import { buildAnswerView, VIEW_LIMITS } from '../../src/conversation/index.js';
import { decodeAnswerActionValue } from '../../src/slack/answer-action-value.js';
import { SLACK_IDS } from '../../src/slack/ids.js';
import { renderAnswer, toSlackMrkdwn } from '../../src/slack/render-answer.js';
import { actionIds, blocksText } from '../helpers/slack-test-app.js';
import { answerWithSources } from './fixture-answers.js';

const action = { question: 'Who pays the levy?', channel: 'C0EMPLOY', threadTs: '1763892000.000100' };

/** Renders an answer the way the app does: through the shared answer view. */
function render(
  answer: Answer,
  options: { answerId: string; action?: typeof action & { isExternal?: boolean }; includeText?: boolean },
) {
  const view = buildAnswerView(answer, {
    answerId: options.answerId,
    question: options.action?.question ?? 'Who pays the levy?',
    isExternal: options.action?.isExternal ?? false,
  });
  return renderAnswer(view, {
    ...(options.action && { action: { channel: options.action.channel, threadTs: options.action.threadTs } }),
    ...(options.includeText !== undefined && { includeText: options.includeText }),
  });
}

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
    const { blocks } = render(answerWithSources(), { answerId: 'a1', action });
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
    expect(blocksText(render(answerWithSources({ notice }), { answerId: 'a1' }).blocks)).toContain(
      `:information_source: ${notice}`,
    );
    expect(blocksText(render(answerWithSources(), { answerId: 'a1' }).blocks)).not.toContain(':information_source:');
  });

  it('offers Ask the team, and Log employer enquiry only when an enquiry is suggested', () => {
    expect(actionIds(render(answerWithSources(), { answerId: 'a1', action }).blocks)).toEqual([
      SLACK_IDS.actions.askTheTeam,
      SLACK_IDS.actions.feedback,
    ]);
    const withEnquiry = render(answerWithSources({ enquirySuggested: true }), { answerId: 'a1', action });
    expect(actionIds(withEnquiry.blocks)).toEqual([
      SLACK_IDS.actions.askTheTeam,
      SLACK_IDS.actions.logEnquiryFromAnswer,
      SLACK_IDS.actions.feedback,
    ]);
  });

  it('carries the question, thread and answer id in the button value, and offers people outside no team buttons', () => {
    const { blocks } = render(answerWithSources(), { answerId: 'a1', action });
    const actions = blocks.find((block) => block.type === 'actions') as { elements: { value?: string }[] };
    expect(decodeAnswerActionValue(actions.elements[0]?.value)).toEqual({
      ...action,
      isExternal: false,
      answerId: 'a1',
    });
    const outside = render(answerWithSources(), { answerId: 'a1', action: { ...action, isExternal: true } });
    expect(actionIds(outside.blocks)).toEqual([SLACK_IDS.actions.feedback]);
  });

  it('keeps a button value under Slack’s 2,000 characters for a long pasted question full of quotes', () => {
    const pasted = `"Dear team,"\n${'"We have 40 staff" and \u0001 a question. '.repeat(120)}`;
    const { blocks } = render(answerWithSources(), { answerId: 'a1', action: { ...action, question: pasted } });
    const actions = blocks.find((block) => block.type === 'actions') as { elements: { value?: string }[] };
    for (const element of actions.elements) expect(element.value?.length ?? 0).toBeLessThan(2_000);
    const decoded = decodeAnswerActionValue(actions.elements[0]?.value);
    expect(decoded?.answerId).toBe('a1');
    expect(decoded?.question.length).toBeLessThanOrEqual(VIEW_LIMITS.questionInAction);
  });

  it('escapes mention and link injection in the text and shows only safe source links', () => {
    const injected = answerWithSources({ text: 'See https://x/|x> <!channel> <https://y [1]' });
    const text = blocksText(render(injected, { answerId: 'a1' }).blocks);
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt;');
  });

  it('says plainly when there is no answer and still offers Ask the team', () => {
    const decline = answerWithSources({
      kind: 'decline',
      text: 'I could not find this in the Skills Desk knowledge base.',
      citations: [],
      figures: [],
    });
    const { blocks, text } = render(decline, { answerId: 'a1', action });
    expect(text).toBe('I could not find this in the Skills Desk knowledge base.');
    expect(blocksText(blocks)).toContain('I could not find this in the Skills Desk knowledge base.');
    expect(blocksText(blocks)).not.toContain('Sources');
    expect(actionIds(blocks)).toContain(SLACK_IDS.actions.askTheTeam);
  });

  it('keeps feedback buttons in a context_actions block whose values name the answer', () => {
    const { blocks } = render(answerWithSources(), { answerId: 'answer-42' });
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
    const sections = render(long, { answerId: 'a1', includeText: true }).blocks.filter(
      (block) => block.type === 'section' && block.block_id !== 'answer_sources',
    ) as { text: { text: string } }[];
    expect(sections.length).toBeGreaterThan(1);
    for (const section of sections) expect(section.text.text.length).toBeLessThanOrEqual(3_000);
    expect(sections.map((section) => section.text.text).join('\n\n')).toBe(long.text);
  });

  it('leaves the text out when it has already been streamed', () => {
    const { blocks } = render(answerWithSources(), { answerId: 'a1', includeText: false });
    expect(blocksText(blocks)).not.toContain('London Living Wage* is');
    expect(blocksText(blocks)).toContain('*Sources*');
  });
});
