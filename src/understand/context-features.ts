import { messageFeatures, tokenize } from './features.js';
import { readIntentLabel } from './intent-label.js';
import { classify, classifyIntent, featureIndexes, type Prediction, type UnderstandingModel } from './model.js';
import type { CalculatorKind } from './understanding.js';

/** How sure the topic classifier must be before a message counts as having a subject of its own. */
export const OWN_SUBJECT_PROBABILITY = 0.6;
/** At most this many earlier user turns are looked at. */
export const MAX_EARLIER_TURNS = 6;

export type Subject = { topic: string; intent: string; calculator?: CalculatorKind };

/** Words that point back at what was said before ("is that the same for apprentices?", "log that for them"). */
const REFERS_BACK = /\b(?:that|this|those|these|the same|same|it|its|them|there|then)\b/i;
/** A message that opens by carrying on ("and for under 19s?", "what about Scotland", "also, …"). */
const OPENS_ON = /^\s*(?:and|also|plus|but|so|or|what about|how about|what if|ok(?:ay)?,? (?:and|so|what)|then)\b/i;

/** The most recent earlier user message that has a subject of its own (or, failing that, the last one). */
export function earlierSubject(model: UnderstandingModel, earlierUserTexts: readonly string[]): Subject | undefined {
  const recent = earlierUserTexts.slice(-MAX_EARLIER_TURNS);
  for (let position = recent.length - 1; position >= 0; position -= 1) {
    const indexes = featureIndexes(model, messageFeatures(tokenize(recent[position] as string).words));
    const topic = classify(model, 'topic', indexes);
    const label = classifyIntent(model, indexes).label;
    const intent = label.split(':')[0] as string;
    const calculator = readIntentLabel(label).calculator;
    const subject = { intent, ...(calculator !== undefined && { calculator }) };
    if (topic.label !== 'none' && topic.probability >= OWN_SUBJECT_PROBABILITY)
      return { topic: topic.label, ...subject };
    if (position === 0) return { topic: 'none', ...subject };
  }
  return undefined;
}

/**
 * Evidence for the follow-up decision: what the thread was about, whether this message names a subject, and whether
 * it gives a value the calculation before it reads ("it's 4.6m actually", "and if they were 25?").
 */
export function contextFeatures(
  ownTopic: Prediction,
  subject: Subject | undefined,
  changesCalculation = false,
  message = '',
): string[] {
  if (subject === undefined) return ['p:none'];
  const changes = changesCalculation ? ['c:changes-calculation'] : [];
  const own = ownTopic.label !== 'none' && ownTopic.probability >= OWN_SUBJECT_PROBABILITY ? ownTopic.label : 'weak';
  const relation = own === 'weak' ? 'o:weak' : own === subject.topic ? 'o:same' : 'o:different';
  return [
    `p:topic=${subject.topic}`,
    `p:intent=${subject.intent}`,
    `o:topic=${own}`,
    relation,
    `${relation}|${subject.intent}`,
    ...changes,
    ...(REFERS_BACK.test(message) ? ['r:refers-back', `r:refers-back|${relation}`] : []),
    ...(OPENS_ON.test(message) ? ['r:opens-on', `r:opens-on|${relation}`] : []),
  ];
}
