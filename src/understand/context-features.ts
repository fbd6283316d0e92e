import { messageFeatures, tokenize } from './features.js';
import { classify, classifyIntent, featureIndexes, type Prediction, type UnderstandingModel } from './model.js';

/** How sure the topic classifier must be before a message counts as having a subject of its own. */
export const OWN_SUBJECT_PROBABILITY = 0.6;
/** At most this many earlier user turns are looked at. */
export const MAX_EARLIER_TURNS = 6;

export type Subject = { topic: string; intent: string };

/** The most recent earlier user message that has a subject of its own (or, failing that, the last one). */
export function earlierSubject(model: UnderstandingModel, earlierUserTexts: readonly string[]): Subject | undefined {
  const recent = earlierUserTexts.slice(-MAX_EARLIER_TURNS);
  for (let position = recent.length - 1; position >= 0; position -= 1) {
    const indexes = featureIndexes(model, messageFeatures(tokenize(recent[position] as string).words));
    const topic = classify(model, 'topic', indexes);
    const intent = classifyIntent(model, indexes).label.split(':')[0] as string;
    if (topic.label !== 'none' && topic.probability >= OWN_SUBJECT_PROBABILITY) return { topic: topic.label, intent };
    if (position === 0) return { topic: 'none', intent };
  }
  return undefined;
}

/** Evidence for the follow-up decision: what the thread was about and whether this message names a subject. */
export function contextFeatures(ownTopic: Prediction, subject: Subject | undefined): string[] {
  if (subject === undefined) return ['p:none'];
  const own = ownTopic.label !== 'none' && ownTopic.probability >= OWN_SUBJECT_PROBABILITY ? ownTopic.label : 'weak';
  const relation = own === 'weak' ? 'o:weak' : own === subject.topic ? 'o:same' : 'o:different';
  return [
    `p:topic=${subject.topic}`,
    `p:intent=${subject.intent}`,
    `o:topic=${own}`,
    relation,
    `${relation}|${subject.intent}`,
  ];
}
