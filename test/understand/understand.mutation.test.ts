import { describe, expect, it } from 'vitest';
import { contextFeatures, earlierSubject } from '../../src/understand/context-features.js';
import { understand } from '../../src/understand/index.js';
import { committedModel, featureIndexes, type Prediction } from '../../src/understand/model.js';

const day = '2026-12-01';
type Turn = { role: 'user' | 'assistant'; text: string };
const read = (message: string, history: Turn[] = []) => understand({ message, history, asOf: day, today: day });
const thread = (question: string, answer: string): Turn[] => [
  { role: 'user', text: question },
  { role: 'assistant', text: answer },
];

describe('understanding a follow-up', () => {
  it('asks about the year the earlier question named when the follow-up names none', () => {
    const result = read('and the uk rate?', thread('whats the llw rate in 2019', 'In 2019 it was £10.55 an hour.'));
    expect(result).toMatchObject({
      followUp: true,
      topic: 'llw',
      inherits: { question: 'whats the llw rate in 2019' },
    });
    expect(result.timeAskedAbout.time).toMatchObject({ kind: 'period', label: '2019' });
  });

  it('takes the subject from the first question of a chain of follow-ups, not from the follow-up before', () => {
    const history = [...thread('whats the llw rate', '£14.80 an hour.'), ...thread('and in 2019?', '£10.55 an hour.')];
    const result = read('what about in 2017?', history);
    expect(result).toMatchObject({ followUp: true, topic: 'llw', inherits: { question: 'whats the llw rate' } });
    expect(result.timeAskedAbout.time).toMatchObject({ kind: 'period', label: '2017' });
  });

  it('reads the earlier question as it was asked in its own thread', () => {
    // The last user turn ("hiya") carries on from the LLW question, so this follow-up's subject is that question.
    const history: Turn[] = [...thread('whats the llw rate', '£14.80 an hour.'), { role: 'user', text: 'hiya' }];
    expect(read('and in 2017?', history).inherits?.question).toBe('whats the llw rate');
  });

  it('has nothing to follow when the thread has no earlier question from a person', () => {
    const result = read('and in 2017?', [{ role: 'assistant', text: 'Hello, ask me about apprenticeships.' }]);
    expect(result.followUp).toBe(false);
    expect(result).not.toHaveProperty('inherits');
  });

  it('re-runs a calculation with only the changed input marked as changed', () => {
    const history = thread('levy on £5m', 'On a £5,000,000 pay bill the levy is £10,000 a year.');
    const changed = read('and if the pay bill was £8m?', history);
    expect(changed).toMatchObject({
      intent: 'calculation',
      followUp: true,
      calculator: { kind: 'levy', inputs: { payBill: 8_000_000 } },
      inherits: { question: 'levy on £5m', calculator: { kind: 'levy', inputs: { payBill: 5_000_000 } } },
    });
    expect(changed.calculator?.changed).toEqual({ payBill: 8_000_000 });
    const same = read('and if the pay bill was £5m?', history);
    expect(same.calculator?.changed).toEqual({});
  });

  it('re-runs the eligibility check for another age', () => {
    const result = read(
      'and for a 19 year old?',
      thread('is a 30 year old eligible for an apprenticeship', 'Yes, there is no upper age limit.'),
    );
    expect(result).toMatchObject({
      intent: 'calculation',
      topic: 'apprenticeships',
      calculator: { kind: 'eligibility', inputs: { age: 19 }, changed: { age: 19 } },
    });
  });

  it('answers a question after an eligibility check that changes nothing, instead of re-running the check', () => {
    const history = thread('is a 30 year old eligible for an apprenticeship', 'Yes, there is no upper age limit.');
    const result = read('what do they get paid', history);
    expect(result.intent).toBe('question');
    expect(result).not.toHaveProperty('calculator');
  });

  it('re-runs a levy sum for another of its figures ("so what is that a month?")', () => {
    const result = read(
      'so whats that a month',
      thread('levy on £5m', 'On a £5,000,000 pay bill the levy is £10,000 a year.'),
    );
    expect(result).toMatchObject({
      intent: 'calculation',
      calculator: { kind: 'levy', inputs: { payBill: 5_000_000 } },
    });
  });

  it('takes the corrected amount from "X not Y"', () => {
    const result = read(
      "sorry, it's 5.2m not 5m",
      thread('whats the levy on a 5m paybill', 'The levy is £10,000 a year.'),
    );
    expect(result.calculator).toMatchObject({ kind: 'levy', changed: { payBill: 5_200_000 } });
  });

  it('reads a course price with no pay bill as a question of who pays for the course', () => {
    expect(read('how much is 5% of a £12k apprenticeship').calculator).toMatchObject({
      kind: 'co_investment',
      inputs: { apprenticeshipPrice: 12_000 },
    });
  });

  it('does not carry a calculation into a thank-you', () => {
    const result = read('thanks', thread('levy on £5m', 'On a £5,000,000 pay bill the levy is £10,000 a year.'));
    expect(result).toMatchObject({ intent: 'greeting', followUp: false });
    expect(result).not.toHaveProperty('calculator');
    expect(result).not.toHaveProperty('inherits');
  });

  it('reads at most 4,000 characters of an earlier turn', () => {
    const within = thread(`levy on £5m${' '.repeat(4_000)} whats the hackney 100 programme`, 'The levy is £10,000.');
    expect(read('and if the pay bill was £8m?', within)).toMatchObject({ followUp: true, inherits: { topic: 'levy' } });
    const beyond = thread(`${'x'.repeat(4_001)} levy on £5m`, 'Sorry?');
    expect(read('and if the pay bill was £8m?', beyond).followUp).toBe(false);
  });
});

describe('understanding one message', () => {
  it('reads only the first 4,000 characters of a message', () => {
    const question = read(`whats the llw rate${' '.repeat(4_000)} levy on £5m pay bill`);
    expect(question).toMatchObject({ intent: 'question', topic: 'llw' });
    expect(question).not.toHaveProperty('calculator');
    const calculation = read(`levy on £5m pay bill${' '.repeat(4_000)} whats the llw rate`);
    expect(calculation).toMatchObject({ intent: 'calculation', calculator: { kind: 'levy' } });
  });

  it('names the calculator and its inputs for a calculation, and none for a question', () => {
    expect(read('is a 30 year old eligible for an apprenticeship')).toMatchObject({
      intent: 'calculation',
      calculator: { kind: 'eligibility', inputs: { age: 30 } },
    });
    const levy = read('levy on £5m');
    expect(levy.calculator).toStrictEqual({ kind: 'levy', inputs: { payBill: 5_000_000 } });
    expect(read('whats the llw rate')).not.toHaveProperty('calculator');
  });

  it('gives a reason only for a decline, and a voice only for an enquiry', () => {
    const enquiry = read(
      'had a call from a scaffolding firm in Homerton, they need two local labourers, can someone ring them back',
    );
    expect(enquiry).toMatchObject({ intent: 'enquiry', enquiryVoice: 'reported' });
    expect(enquiry).not.toHaveProperty('outOfScopeReason');
    const decline = read('write me a limerick about the levy');
    expect(decline).toMatchObject({ intent: 'out_of_scope', outOfScopeReason: 'chit_chat' });
    expect(decline).not.toHaveProperty('enquiryVoice');
    const question = read('whats the llw rate');
    expect(question).not.toHaveProperty('outOfScopeReason');
    expect(question).not.toHaveProperty('enquiryVoice');
  });

  it('reports how sure it is of the intent', () => {
    const sure = read('whats the llw rate in 2019').confidence;
    const unsure = read('can you work it out for me').confidence;
    expect(sure).toBeGreaterThan(0.9);
    expect(sure).toBeLessThanOrEqual(1);
    expect(unsure).toBeLessThan(sure);
    expect(unsure).toBeGreaterThan(0);
  });
});

describe('the evidence for the follow-up decision', () => {
  const topic = (label: string, probability: number): Prediction => ({
    label,
    probability,
    probabilities: new Map([[label, probability]]),
  });

  it('says there is no earlier subject when there is none', () => {
    expect(contextFeatures(topic('llw', 0.9), undefined)).toEqual(['p:none']);
  });

  it('compares a confident subject of its own with the earlier one', () => {
    const earlier = { topic: 'levy', intent: 'calculation' };
    expect(contextFeatures(topic('levy', 0.9), earlier)).toEqual([
      'p:topic=levy',
      'p:intent=calculation',
      'o:topic=levy',
      'o:same',
      'o:same|calculation',
    ]);
    expect(contextFeatures(topic('llw', 0.6), earlier)).toEqual([
      'p:topic=levy',
      'p:intent=calculation',
      'o:topic=llw',
      'o:different',
      'o:different|calculation',
    ]);
  });

  it('treats a subject held with less than 60% certainty, or none, as weak', () => {
    const earlier = { topic: 'levy', intent: 'question' };
    expect(contextFeatures(topic('llw', 0.59), earlier)).toEqual([
      'p:topic=levy',
      'p:intent=question',
      'o:topic=weak',
      'o:weak',
      'o:weak|question',
    ]);
    expect(contextFeatures(topic('none', 0.99), earlier)).toContain('o:weak');
  });

  it('takes the thread’s subject from the most recent earlier message that has one', () => {
    const model = committedModel();
    expect(earlierSubject(model, ['whats the llw rate', 'levy on £5m', 'ok thanks'])).toEqual({
      topic: 'levy',
      intent: 'calculation',
      calculator: 'levy',
    });
    expect(earlierSubject(model, ['ok thanks', 'hiya'])).toEqual({ topic: 'none', intent: 'greeting' });
    expect(earlierSubject(model, [])).toBeUndefined();
  });

  it('looks back at most six earlier messages for a subject', () => {
    const model = committedModel();
    const sixGreetings = Array.from({ length: 6 }, () => 'ok thanks');
    expect(earlierSubject(model, ['levy on £5m', ...sixGreetings])?.topic).toBe('none');
    expect(earlierSubject(model, ['levy on £5m', ...sixGreetings.slice(1)])?.topic).toBe('levy');
  });

  it('marks a message that changes the calculation before it, with evidence the committed model was trained on', () => {
    const earlier = { topic: 'levy', intent: 'calculation' };
    const evidence = contextFeatures(topic('levy', 0.9), earlier, true);
    expect(evidence).toContain('c:changes-calculation');
    expect(contextFeatures(topic('levy', 0.9), earlier, false)).not.toContain('c:changes-calculation');
    // Every piece of evidence is one the model has a weight for; a misnamed one would be silently ignored.
    expect(featureIndexes(committedModel(), evidence)).toHaveLength(evidence.length);
  });

  it('passes over an earlier message whose subject is held with less than 60% certainty', () => {
    const model = committedModel();
    // "what if the apprenticeship cost £15k?" leans to the levy (44%), not enough to be the thread's subject.
    expect(earlierSubject(model, ['whats the llw rate', 'what if the apprenticeship cost £15k?'])?.topic).toBe('llw');
  });
});
