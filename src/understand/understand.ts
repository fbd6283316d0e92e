import { readQuestionTime } from '../answer/question-time.js';
import { readCalculatorInputs } from './calculator-inputs.js';
import { contextFeatures, earlierSubject, MAX_EARLIER_TURNS, OWN_SUBJECT_PROBABILITY } from './context-features.js';
import { messageFeatures, tokenize } from './features.js';
import { readIntentLabel } from './intent-label.js';
import { classify, classifyIntent, committedModel, featureIndexes, type UnderstandingModel } from './model.js';
import type {
  CalculatorInputs,
  CalculatorRequest,
  ConversationTurn,
  Inherited,
  Topic,
  Understanding,
  UnderstandRequest,
} from './understanding.js';

/** The most the understanding step reads of one message. */
export const MAX_MESSAGE_CHARACTERS = 4000;

function changedInputs(before: CalculatorInputs, after: CalculatorInputs): CalculatorInputs {
  const changed: CalculatorInputs = {};
  for (const [key, value] of Object.entries(after)) if (before[key] !== value) changed[key] = value;
  return changed;
}

/** What an earlier message in the thread meant, read with the turns before it (so its own follow-ups resolve). */
function understandEarlier(
  model: UnderstandingModel,
  history: readonly ConversationTurn[],
  request: UnderstandRequest,
): Understanding | undefined {
  const last = history.findLastIndex((turn) => turn.role === 'user');
  if (last < 0) return undefined;
  const message = (history[last] as ConversationTurn).text;
  return understandWith(model, { ...request, message, history: history.slice(0, last) });
}

/** Understands one message with a given model; `understand` uses the committed one. */
export function understandWith(model: UnderstandingModel, request: UnderstandRequest): Understanding {
  const message = request.message.slice(0, MAX_MESSAGE_CHARACTERS);
  const tokens = tokenize(message);
  const indexes = featureIndexes(model, messageFeatures(tokens.words));
  const intentPrediction = classifyIntent(model, indexes);
  const own = readIntentLabel(intentPrediction.label);
  const ownTopic = classify(model, 'topic', indexes);
  const ownTime = readQuestionTime(message, request.asOf);

  // Only the most recent turns count, each read within the same size cap.
  const history = (request.history ?? [])
    .slice(-2 * MAX_EARLIER_TURNS)
    .map((turn) => ({ role: turn.role, text: turn.text.slice(0, MAX_MESSAGE_CHARACTERS) }));
  const earlierUser = history.filter((turn) => turn.role === 'user').map((turn) => turn.text);
  const earlier = earlierUser.length > 0 ? understandEarlier(model, history, request) : undefined;

  let followUp = false;
  if (earlier) {
    const evidence = contextFeatures(ownTopic, earlierSubject(model, earlierUser));
    const decision = classify(model, 'followUp', [...indexes, ...featureIndexes(model, evidence)]);
    const hasOwnSubject = ownTopic.label !== 'none' && ownTopic.probability >= OWN_SUBJECT_PROBABILITY;
    // A message with a subject of its own never borrows a different one.
    followUp = decision.label === 'true' && !(hasOwnSubject && ownTopic.label !== earlier.topic);
  }

  let intent = own.intent;
  let topic: Topic = ownTopic.label as Topic;
  let calculator: CalculatorRequest | undefined;
  let inherits: Inherited | undefined;
  let timeAskedAbout = ownTime;

  if (followUp && earlier) {
    const subjectQuestion =
      earlier.followUp && earlier.inherits ? earlier.inherits.question : (earlierUser.at(-1) ?? '');
    inherits = {
      question: subjectQuestion,
      intent: earlier.intent,
      topic: earlier.topic,
      ...(earlier.calculator !== undefined && { calculator: earlier.calculator }),
    };
    topic = earlier.topic;
    const ownTimeGiven = ownTime.time.kind === 'period' || ownTime.time.explicit;
    if (!ownTimeGiven) timeAskedAbout = earlier.timeAskedAbout;
    if (
      earlier.calculator &&
      (own.intent === 'question' || own.intent === 'calculation' || own.reason === 'other_place')
    ) {
      intent = 'calculation';
      const ownInputs = readCalculatorInputs(earlier.calculator.kind, message);
      const inputs = { ...earlier.calculator.inputs, ...ownInputs };
      calculator = { kind: earlier.calculator.kind, inputs, changed: changedInputs(earlier.calculator.inputs, inputs) };
    }
  }
  if (intent === 'calculation' && calculator === undefined) {
    const kind = own.calculator ?? 'levy';
    calculator = { kind, inputs: readCalculatorInputs(kind, message) };
  }

  return {
    intent,
    topic,
    followUp,
    ...(inherits !== undefined && { inherits }),
    ...(calculator !== undefined && { calculator }),
    timeAskedAbout,
    confidence: intentPrediction.probability,
    ...(intent === 'out_of_scope' && own.reason !== undefined && { outOfScopeReason: own.reason }),
    ...(intent === 'enquiry' && own.voice !== undefined && { enquiryVoice: own.voice }),
    placesOutside: tokens.placesOutside,
  };
}

/** What a message means, given the conversation so far: the one place these decisions are made. */
export function understand(request: UnderstandRequest): Understanding {
  return understandWith(committedModel(), request);
}
