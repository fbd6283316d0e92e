import { asksAboutNow, readQuestionTime } from '../answer/question-time.js';
import { readCalculatorInputs } from './calculator-inputs.js';
import { changedValues } from './changed-values.js';
import { contextFeatures, earlierSubject, MAX_EARLIER_TURNS, OWN_SUBJECT_PROBABILITY } from './context-features.js';
import { messageFeatures, tokenize } from './features.js';
import { type IntentReading, readIntentLabel } from './intent-label.js';
import { classify, classifyIntent, committedModel, featureIndexes, type UnderstandingModel } from './model.js';
import { namedPeriod } from './named-periods.js';
import type {
  CalculatorInputs,
  CalculatorKind,
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

/**
 * Whether a message could take its subject from the thread at all: greetings, help and commands stand alone. (A
 * decline can still refer back, as in "write a limerick about it"; it is declined all the same.)
 */
function canFollow(own: IntentReading): boolean {
  return own.intent !== 'greeting' && own.intent !== 'help' && own.intent !== 'command';
}

/** A message that opens by carrying on with a value: "and with …", "what if …", "and if …", "or …". */
const OPENS_ON_VALUES = /^\s*(?:and|or|what if|what about|how about)\b/i;

/** The same value under each calculator's own name: the eligibility check's `age` is co-investment's `apprenticeAge`. */
const SAME_INPUT: Record<string, string> = { apprenticeAge: 'age' };
const sameInput = (key: string) => SAME_INPUT[key] ?? key;

/** Whether every value the message's own calculator would read is a value it changes in the sum before. */
function ownValuesAreChanges(own: IntentReading, message: string, changes: CalculatorInputs, asOf: string): boolean {
  if (own.intent !== 'calculation' || own.calculator === undefined) return false;
  const read = readCalculatorInputs(own.calculator, message, asOf);
  const changed = new Map(Object.entries(changes).map(([key, value]) => [sameInput(key), value]));
  const keys = Object.keys(read);
  return keys.length > 0 && keys.every((key) => changed.get(sameInput(key)) === read[key]);
}

/** Words that ask a calculator's question: whether someone qualifies, or what the training costs the employer. */
const ASKS_FOR_CALCULATOR =
  /\b(?:eligib\w*|qualif\w*|allowed|entitled|can (?:he|she|they|i|we)|could (?:he|she|they)|able to|funded|check|co-?invest\w*|contribut\w*|who pays|cost\w*|training|course)\b/i;
/**
 * Calculator inputs that only describe the person or the time ("a 19 yr old", "in 2018"), which a question about a
 * rate also names.
 */
const PERSON_INPUTS = new Set(['age', 'apprenticeAge', 'startDate', 'taxYear']);

/**
 * The calculator a calculation wants, with the inputs it reads: the one the model named, except that a levy sum needs
 * a pay bill (a course price alone asks who pays for the course); with none named, a pay bill is the levy, a course
 * price co-investment, a person's age alone eligibility.
 */
function calculatorFor(named: CalculatorKind | undefined, message: string, asOf: string): CalculatorRequest {
  const read = (kind: CalculatorKind): CalculatorRequest => ({
    kind,
    inputs: readCalculatorInputs(kind, message, asOf),
  });
  if (named !== undefined && named !== 'levy') return read(named);
  const levy = read('levy');
  if (levy.inputs.payBill === undefined && levy.inputs.apprenticeshipPrice !== undefined) return read('co_investment');
  if (named === 'levy' || levy.inputs.payBill !== undefined) return levy;
  const eligibility = read('eligibility');
  return eligibility.inputs.age !== undefined ? eligibility : levy;
}

/** What an earlier message in the thread meant, read with the turns before it (so its own follow-ups resolve). */
function understandEarlier(
  model: UnderstandingModel,
  history: readonly ConversationTurn[],
  request: UnderstandRequest,
): { understanding: Understanding; question: string } | undefined {
  // The question a follow-up carries on from: the latest earlier user turn that is not a greeting, thanks or command
  // ("whats the llw rate", "hiya", "and in 2017?" follows the LLW question), failing that the latest user turn.
  let fallback: number | undefined;
  for (let position = history.length - 1; position >= 0; position -= 1) {
    const turn = history[position] as ConversationTurn;
    if (turn.role !== 'user') continue;
    fallback ??= position;
    const indexes = featureIndexes(model, messageFeatures(tokenize(turn.text).words));
    if (canFollow(readIntentLabel(classifyIntent(model, indexes).label))) return readTurn(position);
  }
  return fallback === undefined ? undefined : readTurn(fallback);

  function readTurn(position: number): { understanding: Understanding; question: string } {
    const question = (history[position] as ConversationTurn).text;
    const understanding = understandWith(model, { ...request, message: question, history: history.slice(0, position) });
    return { understanding, question };
  }
}

/** The one topic other than the thread's that a message names subjects of, if it names any and only one. */
function namesOtherSubject(named: ReadonlySet<Topic> | undefined, threadTopic: Topic): Topic | undefined {
  if (named === undefined || named.size !== 1 || named.has(threadTopic) || threadTopic === 'none') return undefined;
  return [...named][0];
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
  const earlierTurn = earlierUser.length > 0 ? understandEarlier(model, history, request) : undefined;
  const earlier = earlierTurn?.understanding;

  // Values this message would change in the calculation before it ("it's 4.6m actually", "the year before?").
  const earlierCalculator = earlier?.calculator;
  const ownChanges = earlierCalculator
    ? changedValues(earlierCalculator, message, request.asOf)
    : ({} satisfies CalculatorInputs);
  const changesCalculation = Object.keys(ownChanges).length > 0;

  let followUp = false;
  let namedElsewhere: Topic | undefined;
  if (earlier && canFollow(own)) {
    const evidence = contextFeatures(ownTopic, earlierSubject(model, earlierUser), changesCalculation, message);
    const decision = classify(model, 'followUp', [...indexes, ...featureIndexes(model, evidence)]);
    // A message that only changes a value of the calculation before ("and if the apprentice is 20?") has no subject
    // of its own, whatever its words lean to; one that asks for another calculator has.
    const onlyChangesValues =
      changesCalculation && (own.intent !== 'calculation' || own.calculator === earlierCalculator?.kind);
    // "And with a 5m pay bill?" after a course-price sum: it opens by carrying on and gives only a value the sum
    // before reads, whichever calculator its words lean to, so it has no subject of its own.
    const carriesOnWithValues =
      changesCalculation &&
      OPENS_ON_VALUES.test(message) &&
      ownValuesAreChanges(own, message, ownChanges, request.asOf);
    // A subject the knowledge base names, of another topic than the thread's ("what does off the job mean" after a
    // levy sum, "when was lp33 adopted" after the NLW), is a subject of its own even when the topic model is unsure.
    namedElsewhere = namesOtherSubject(request.subjects?.topicsNamed(message), earlier.topic);
    const hasOwnSubject =
      ((ownTopic.label !== 'none' && ownTopic.probability >= OWN_SUBJECT_PROBABILITY) ||
        namedElsewhere !== undefined) &&
      !onlyChangesValues &&
      !carriesOnWithValues;
    // "they're connected to a sister co with 2m": a company joins, leaves or changes in the group summed before.
    const changesGroup = ownChanges.payBillParts !== undefined;
    // A message with a subject of its own never borrows a different one.
    followUp =
      (decision.label === 'true' || carriesOnWithValues || changesGroup) &&
      !(hasOwnSubject && (ownTopic.label !== earlier.topic || namedElsewhere !== undefined));
  }

  let intent = own.intent;
  // A new subject the topic model could not place takes the topic of the knowledge that names it.
  let topic: Topic =
    !followUp && namedElsewhere !== undefined && ownTopic.probability < OWN_SUBJECT_PROBABILITY
      ? namedElsewhere
      : (ownTopic.label as Topic);
  let calculator: CalculatorRequest | undefined;
  let inherits: Inherited | undefined;
  let timeAskedAbout = ownTime;

  if (followUp && earlier) {
    const subjectQuestion =
      earlier.followUp && earlier.inherits ? earlier.inherits.question : (earlierTurn?.question ?? '');
    const latest = earlierTurn?.question;
    inherits = {
      question: subjectQuestion,
      ...(latest !== undefined && latest !== subjectQuestion && { latest }),
      intent: earlier.intent,
      topic: earlier.topic,
      ...(earlier.calculator !== undefined && { calculator: earlier.calculator }),
    };
    topic = earlier.topic;
    // "what is it now then" after a 2024 figure asks about today, not 2024.
    const ownTimeGiven = ownTime.time.kind === 'period' || ownTime.time.explicit || asksAboutNow(message);
    if (!ownTimeGiven) timeAskedAbout = earlier.timeAskedAbout;
    // "was it the same in 2018?" after a question the articles answered (a sum with no values given): only a time,
    // so it asks about that question's subject then, not for the sum.
    const onlyTimeAfterNoSum =
      earlier.calculator !== undefined &&
      Object.keys(earlier.calculator.inputs).length === 0 &&
      Object.keys(ownChanges).every((key) => PERSON_INPUTS.has(key));
    if (
      earlier.calculator &&
      !onlyTimeAfterNoSum &&
      (own.intent === 'calculation' ||
        own.reason === 'other_place' ||
        changesCalculation ||
        // "so what's that a month?" asks for another figure of the same levy sum; a question after an eligibility
        // check that changes nothing ("what do they get paid?") asks about something else, answered from the articles.
        (own.intent === 'question' && earlier.calculator.kind === 'levy'))
    ) {
      // A calculator follow-up re-runs the same calculator with what changed.
      intent = 'calculation';
      const inputs = { ...earlier.calculator.inputs, ...ownChanges };
      calculator = { kind: earlier.calculator.kind, inputs, changed: changedInputs(earlier.calculator.inputs, inputs) };
    }
  }
  if (intent === 'calculation' && calculator === undefined) {
    calculator = calculatorFor(own.calculator, message, request.asOf);
    // A follow-up to a question that gives no value a calculator reads ("and for 16 and 17 year olds?" after the
    // LLW) asks more about that question's subject, not for a calculation.
    // Nor does one that only gives a person's age without asking whether they qualify ("and a 19 yr old who's
    // finished their first year?" after the apprentice minimum wage).
    const onlyNamesPerson =
      Object.keys(calculator.inputs).every((key) => PERSON_INPUTS.has(key)) && !ASKS_FOR_CALCULATOR.test(message);
    if (
      followUp &&
      earlier &&
      earlier.intent === 'question' &&
      (Object.keys(calculator.inputs).length === 0 || onlyNamesPerson)
    ) {
      intent = 'question';
      calculator = undefined;
    }
  }

  // "n in the pilot?": a period named by what happened in it.
  timeAskedAbout = namedPeriod(message, topic, ownTime) ?? timeAskedAbout;
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
    ...(tokens.ukOutsideEngland && { namesUkOutsideEngland: true }),
  };
}

/** What a message means, given the conversation so far: the one place these decisions are made. */
export function understand(request: UnderstandRequest): Understanding {
  return understandWith(committedModel(), request);
}
