import type { LabelledExample } from './example-schema.js';
import { DEFAULT_TRAINING, type TrainOptions } from './logistic-regression.js';
import type { UnderstandingModel } from './model.js';
import type { SubjectLexicon } from './subject-lexicon.js';
import { trainModel } from './train-model.js';
import { understandWith } from './understand.js';
import type { Understanding } from './understanding.js';

export type Scored = { example: LabelledExample; understanding: Understanding };

export type Rate = { hits: number; of: number; rate: number };
export type IntentScore = { precision: number; recall: number; support: number };

export type Metrics = {
  count: number;
  intentAccuracy: number;
  macroF1: number;
  perIntent: Record<string, IntentScore>;
  /** expected intent → understood intent → count. */
  confusion: Record<string, Record<string, number>>;
  enquiryRecall: { firstPerson: Rate; reported: Rate; all: Rate };
  enquiryPrecision: Rate;
  outOfScopeDeclined: Rate;
  inScopeWronglyDeclined: Rate;
  followUpRight: Rate;
  calculatorRight: Rate;
  mistakes: { text: string; expected: string; got: string }[];
};

const rate = (hits: number, of: number): Rate => ({ hits, of, rate: of === 0 ? 1 : hits / of });

const SCORING_DAY = '2026-12-01';

export function understandExamples(
  model: UnderstandingModel,
  examples: readonly LabelledExample[],
  subjects?: SubjectLexicon,
): Scored[] {
  return examples.map((example) => ({
    example,
    understanding: understandWith(model, {
      message: example.text,
      history: example.history ?? [],
      asOf: SCORING_DAY,
      today: SCORING_DAY,
      ...(subjects !== undefined && { subjects }),
    }),
  }));
}

function sameValue(expected: unknown, got: unknown): boolean {
  // Shares are labelled to four places ("a third in Wales" is 0.6667); money is exact to the penny.
  if (typeof expected === 'number' && typeof got === 'number') return Math.abs(expected - got) < 1e-4;
  return expected === got;
}

/** Whether the right calculator was chosen with every input the example names. */
export function calculatorIsRight(example: LabelledExample, understanding: Understanding): boolean {
  const calculator = understanding.calculator;
  if (understanding.intent !== 'calculation' || calculator === undefined || calculator.kind !== example.calculator) {
    return false;
  }
  const inputs = calculator.inputs;
  return Object.entries(example.inputs ?? {}).every(([key, value]) => sameValue(value, inputs[key]));
}

export function measure(scored: readonly Scored[]): Metrics {
  const intents = [
    ...new Set(scored.flatMap(({ example, understanding }) => [example.intent, understanding.intent])),
  ].sort();
  const confusion: Metrics['confusion'] = {};
  for (const expected of intents) confusion[expected] = Object.fromEntries(intents.map((intent) => [intent, 0]));
  for (const { example, understanding } of scored) {
    const row = confusion[example.intent] as Record<string, number>;
    row[understanding.intent] = (row[understanding.intent] ?? 0) + 1;
  }
  const perIntent: Metrics['perIntent'] = {};
  for (const intent of intents) {
    const truePositive = confusion[intent]?.[intent] ?? 0;
    const support = Object.values(confusion[intent] ?? {}).reduce((sum, n) => sum + n, 0);
    const predicted = intents.reduce((sum, expected) => sum + (confusion[expected]?.[intent] ?? 0), 0);
    perIntent[intent] = {
      precision: predicted === 0 ? 0 : truePositive / predicted,
      recall: support === 0 ? 0 : truePositive / support,
      support,
    };
  }
  const withSupport = Object.values(perIntent).filter((score) => score.support > 0);
  const f1 = (score: IntentScore) =>
    score.precision + score.recall === 0 ? 0 : (2 * score.precision * score.recall) / (score.precision + score.recall);
  const count = (predicate: (entry: Scored) => boolean) => scored.filter(predicate).length;
  const enquiries = scored.filter(({ example }) => example.intent === 'enquiry');
  const byVoice = (voice: string) => enquiries.filter(({ example }) => example.voice === voice);
  const flagged = (list: readonly Scored[]) =>
    list.filter(({ understanding }) => understanding.intent === 'enquiry').length;
  const predictedEnquiries = scored.filter(({ understanding }) => understanding.intent === 'enquiry');
  const outOfScope = scored.filter(({ example }) => example.intent === 'out_of_scope');
  const inScope = scored.filter(({ example }) => example.intent !== 'out_of_scope');
  const threaded = scored.filter(({ example }) => example.history !== undefined);
  const calculations = scored.filter(({ example }) => example.intent === 'calculation');
  const label = (u: Pick<Understanding, 'intent' | 'topic' | 'followUp'> & { detail?: string | undefined }) =>
    `${u.intent}${u.detail ? `:${u.detail}` : ''}/${u.topic}${u.followUp ? '/follow-up' : ''}`;
  return {
    count: scored.length,
    intentAccuracy:
      scored.length === 0
        ? 0
        : count(({ example, understanding }) => example.intent === understanding.intent) / scored.length,
    macroF1: withSupport.length === 0 ? 0 : withSupport.reduce((sum, score) => sum + f1(score), 0) / withSupport.length,
    perIntent,
    confusion,
    enquiryRecall: {
      firstPerson: rate(flagged(byVoice('first_person')), byVoice('first_person').length),
      reported: rate(flagged(byVoice('reported')), byVoice('reported').length),
      all: rate(flagged(enquiries), enquiries.length),
    },
    enquiryPrecision: rate(
      predictedEnquiries.filter(({ example }) => example.intent === 'enquiry').length,
      predictedEnquiries.length,
    ),
    outOfScopeDeclined: rate(
      outOfScope.filter(({ understanding }) => understanding.intent === 'out_of_scope').length,
      outOfScope.length,
    ),
    inScopeWronglyDeclined: rate(
      inScope.filter(({ understanding }) => understanding.intent === 'out_of_scope').length,
      inScope.length,
    ),
    followUpRight: rate(
      threaded.filter(({ example, understanding }) => example.followUp === understanding.followUp).length,
      threaded.length,
    ),
    calculatorRight: rate(
      calculations.filter(({ example, understanding }) => calculatorIsRight(example, understanding)).length,
      calculations.length,
    ),
    mistakes: scored
      .filter(
        ({ example, understanding }) =>
          example.intent !== understanding.intent ||
          (example.history !== undefined && example.followUp !== understanding.followUp) ||
          (example.intent === 'calculation' && !calculatorIsRight(example, understanding)),
      )
      .map(({ example, understanding }) => ({
        text: example.text,
        expected: `${label({ ...example, followUp: example.followUp ?? false, detail: example.calculator ?? example.voice ?? example.reason })}${example.inputs ? ` ${JSON.stringify(example.inputs)}` : ''}`,
        got: `${label({ ...understanding, detail: understanding.calculator?.kind ?? understanding.enquiryVoice ?? understanding.outOfScopeReason })}${understanding.calculator ? ` ${JSON.stringify(understanding.calculator.inputs)}` : ''}`,
      })),
  };
}

/** k-fold cross-validation: each fold is understood by a model trained on the other folds. */
export function crossValidate(
  examples: readonly LabelledExample[],
  folds = 5,
  options: TrainOptions = DEFAULT_TRAINING,
  subjects?: SubjectLexicon,
): Metrics {
  const scored: Scored[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const training = examples.filter((_, position) => position % folds !== fold);
    const held = examples.filter((_, position) => position % folds === fold);
    scored.push(...understandExamples(trainModel(training, options), held, subjects));
  }
  return measure(scored);
}
