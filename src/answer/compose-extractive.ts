import type { Audience } from '../knowledge/article-schema.js';
import { factKeysIn } from '../knowledge/fact-references.js';
import type { Fact } from '../knowledge/fact-schema.js';
import { figureAsOf } from '../knowledge/figure-as-of.js';
import type { Knowledge, Section } from '../knowledge/knowledge.js';
import { searchTerms } from '../knowledge/normalise-text.js';
import type { SearchIndex } from '../knowledge/search-index.js';
import { staleNotice } from '../knowledge/stale-notice.js';
import type { Answer, AnswerBlock, StatedFigure } from './answer.js';
import { citeSections, sectionText } from './cite.js';
import { answerFirst } from './compose/answer-first.js';
import { workArithmetic } from './compose/arithmetic.js';
import { blocksToText } from './compose/blocks.js';
import { chooseFacts } from './compose/choose-lead.js';
import { ASKS_WHO_TO_CONTACT, contactRoute } from './compose/contact.js';
import { asksForAnyKind, kindsAsked } from './compose/figure-kind.js';
import { statedFigure } from './compose/lead.js';
import { withLeadIn } from './compose/lead-in.js';
import { leadParagraph } from './compose/lead-paragraph.js';
import { leadPassage, withoutRestated } from './compose/lead-passage.js';
import { mergeNotices } from './compose/merge-notices.js';
import { passageLeadsInstead } from './compose/passage-contest.js';
import { NOT_HELD, normalised, scoreUnits, type Unit, unitsOf } from './compose/passages.js';
import type { QuestionIntent } from './question-time.js';
import type { Retrieval } from './retrieve.js';

export const DECLINE_TEXT =
  "I can't answer that from the Skills Desk knowledge base. I cover apprenticeships and the apprenticeship levy, the London Living Wage, Hackney 100 and Section 106 employment and skills. If you'd like, I can pass your question to the Employment & Skills team.";

export const ENQUIRY_TEXT =
  'This looks like an employer enquiry. The employer engagement officer can pick it up: use "Log employer enquiry" to add it to the triage queue with the employer\'s details.';

type ComposeInput = {
  knowledge: Knowledge;
  index: SearchIndex;
  retrieval: Retrieval;
  intent: QuestionIntent;
  asOf: string;
  today: string;
  audience: Audience;
  enquirySuggested: boolean;
  /** The message itself, without the thread's earlier question that `retrieval.query` may add. */
  question?: string;
  /** In a chain of follow-ups, the latest earlier message: its values ("and for 25 hrs?") are the thread's newest. */
  latest?: string;
};

/** Words before the sources a plain answer aims to stay within. */
const WORD_BUDGET = 90;
const MAX_SUPPORT_AFTER_FIGURE = 2;
/** How far the best passage runs on into its own section. */
const CONTINUE_BUDGET = 60;
const MAX_UNITS = 3;

/** Questions whose answer is a list or table: steps, criteria, options, rates by year. */
const ASKS_FOR_LIST =
  /\b(steps?|process|criteria|conditions|requirements|checklist|stages|options|ways to|types of|kinds of|levels|list|what (?:do|does|must) .{1,30} (?:need|do)|how (?:do|does|can) (?:i|we|they|a|an) .{0,40}(?:take on|set up|apply|become|get|join|host))\b/i;

type Piece = { blocks: AnswerBlock[]; section?: Section };

/** An answer built only from the knowledge base: the figure asked for first, then what supports it, then sources. */
export function composeExtractive(input: ComposeInput): Answer {
  const { knowledge, index, retrieval, intent, asOf, today, audience, enquirySuggested } = input;
  const base = { mode: 'extractive' as const, asOf, enquirySuggested };

  if (!retrieval.inScope) {
    const text = enquirySuggested ? ENQUIRY_TEXT : DECLINE_TEXT;
    return {
      ...base,
      kind: enquirySuggested ? 'answer' : 'decline',
      text,
      blocks: [{ kind: 'paragraph', text }],
      citations: [],
      figures: [],
    };
  }

  const question = retrieval.query;
  const questionTerms = searchTerms(question);
  const quoteDate = intent.time.kind === 'day' ? intent.time.date : intent.time.end;
  const pieces: Piece[] = [];
  const figures: StatedFigure[] = [];
  const factsStated: Fact[] = [];
  const addFigures = (stated: StatedFigure[]) => {
    for (const figure of stated) {
      if (!figures.some((known) => known.key === figure.key && known.from === figure.from)) figures.push(figure);
    }
  };
  const sectionFor = (fact: Fact): Section | undefined => {
    const best = index.searchSections(question, { audience, articleId: fact.article, limit: 1 })[0];
    return (best ? index.section(best.id) : undefined) ?? knowledge.articles.get(fact.article)?.sections[0];
  };

  // "Who do I contact" questions get the route first.
  let contact: Answer['contact'];
  const ownWords = input.question ?? question;
  if (ASKS_WHO_TO_CONTACT.test(ownWords)) {
    const routed = contactRoute(ownWords);
    contact = routed.route;
    const routes = knowledge.articles.get('employer-engagement-routes')?.sections[1];
    pieces.push({ blocks: [{ kind: 'paragraph', text: routed.text }], ...(routes && { section: routes }) });
  }

  // Arithmetic people ask for, worked from held figures.
  const thread = ownWords === question ? undefined : `${input.latest ?? ''} ${question}`.trim();
  const worked = contact ? undefined : workArithmetic(knowledge, ownWords, quoteDate, thread);
  // The kind of figure asked for, read from the message itself, else from the question it follows up.
  const ownKinds = kindsAsked(ownWords);
  const asked = Object.keys(ownKinds).length > 0 ? ownKinds : kindsAsked(question);
  const choice = contact || worked ? undefined : chooseFacts(retrieval, intent, knowledge, question, asked, ownWords);
  const lead =
    choice?.lead && (choice.byAge || !passageLeadsInstead(choice.lead, input, asked, ownWords))
      ? choice.lead
      : undefined;
  if (worked) {
    const section = worked.facts[0] ? sectionFor(worked.facts[0]) : undefined;
    pieces.push({ blocks: [{ kind: 'paragraph', text: worked.text }], ...(section && { section }) });
    addFigures(worked.figures);
    factsStated.push(...worked.facts);
  } else if (lead && choice) {
    const section = sectionFor(lead);
    const paragraph = leadParagraph({ lead, choice, intent, knowledge, asOf, quoteDate, question, ownWords });
    pieces.push({ blocks: paragraph.blocks, ...(section && { section }) });
    addFigures(paragraph.figures);
    factsStated.push(...paragraph.facts);
  }

  // Supporting passages: the best units of the best sections, lists and tables whole, nothing said twice.
  const said = new Set(pieces.flatMap((piece) => piece.blocks.map((block) => normalised(blocksToText([block])))));
  const statedValues = figures.map((figure) => figure.value.replace(/ an hour$/, ''));
  const leadSection = pieces[0]?.section;
  const candidates: Section[] = [];
  if (leadSection) candidates.push(leadSection);
  const topScore = retrieval.sections[0]?.hit.score ?? 0;
  for (const { section, hit } of retrieval.sections.slice(0, 3)) {
    if (!candidates.includes(section) && hit.score >= topScore * 0.6) candidates.push(section);
  }
  const termSet = new Set(questionTerms);
  const asksForList = ASKS_FOR_LIST.test(question);
  const units = candidates.flatMap((section) => unitsOf(section, sectionText(knowledge, section, quoteDate)));
  const scored = scoreUnits(units, termSet)
    .map((entry) => ({
      ...entry,
      // Passages from the better-matching sections first; a list or table first when the question asks for one.
      score:
        entry.score * (1 - 0.15 * candidates.indexOf(entry.unit.section)) +
        (asksForList && entry.unit.blocks.some((block) => block.kind !== 'paragraph') ? 3 : 0),
    }))
    .filter((entry) => entry.score > 0.2)
    .sort((a, b) => b.score - a.score);

  const hasLead = pieces.length > 0;
  // Figures of the same kind as the one stated (other age bands, other rates) are not what was asked.
  const statesSibling = (unit: Unit) =>
    factKeysIn(unit.section.body).some((key) => {
      const fact = knowledge.facts.get(key);
      const entry = fact ? figureAsOf(fact, quoteDate) : undefined;
      return (
        fact !== undefined &&
        entry !== undefined &&
        !factsStated.includes(fact) &&
        factsStated.some((stated) => stated.unit === fact.unit) &&
        unit.plain.includes(statedFigure(fact, entry).value.replace(/ an hour$/, ''))
      );
    });
  const chosen: Unit[] = [];
  let words = pieces.reduce((total, piece) => total + normalised(blocksToText(piece.blocks)).split(' ').length, 0);
  const maxUnits = hasLead ? (contact ? 1 : MAX_SUPPORT_AFTER_FIGURE) : MAX_UNITS;
  // Without a held figure, the passage stating the kind of figure asked for leads.
  const leading = hasLead || !asksForAnyKind(asked) ? undefined : leadPassage(scored, asked);
  // A sentence taken from the middle of its passage goes first; a whole passage keeps its section's order.
  const opening = leading?.split ? leading.unit : undefined;
  for (const { unit: found } of leading ? [{ unit: leading.unit }, ...scored] : scored) {
    if (chosen.length >= maxUnits) break;
    // The passage a reordered lead was made from is not said again in its first order.
    if (opening && found !== opening && found.section === opening.section && found.position === opening.position)
      continue;
    // Sentences around one that restates the lead figure may still add to it.
    const unit = hasLead && !contact ? withoutRestated(found, statedValues) : found;
    if (!unit) continue;
    const key = normalised(unit.plain);
    if (said.has(key) || [...said].some((known) => known.includes(key) || key.includes(known))) continue;
    if (hasLead && NOT_HELD.test(unit.plain)) continue;
    // After a figure, support adds context: other figures (neighbouring bands, old rates) are not what was asked.
    if (hasLead && !contact && (statedValues.some((value) => unit.plain.includes(value)) || statesSibling(unit))) {
      continue;
    }
    const isStructure = unit.blocks.some((block) => block.kind !== 'paragraph');
    // A list or table is shown whole or not at all; when it is the answer it may run past the budget.
    const isTheAnswer = isStructure && !hasLead && (chosen.length === 0 || asksForList);
    if (words + unit.words > WORD_BUDGET && !isTheAnswer) continue;
    chosen.push(unit);
    said.add(key);
    words += unit.words;
    // Without a figure, the best passage goes on with what follows it in its own section, for context.
    if (!hasLead && chosen.length === 1) {
      // A passage from the middle of a section takes the section's opening with it when that is short.
      const before = units.filter((other) => other.section === unit.section && other.position < unit.position);
      const beforeWords = before.reduce((total, other) => total + other.words, 0);
      if (
        unit !== opening &&
        before.length > 0 &&
        beforeWords <= 35 &&
        before.every((other) => other.blocks.length === 1)
      ) {
        chosen.push(...before);
        for (const other of before) said.add(normalised(other.plain));
        words += beforeWords;
      }
      for (const following of units.filter(
        (other) => other.section === unit.section && other.position > unit.position,
      )) {
        if (words + following.words > CONTINUE_BUDGET || following.blocks.some((block) => block.kind !== 'paragraph'))
          break;
        chosen.push(following);
        said.add(normalised(following.plain));
        words += following.words;
      }
    }
  }
  if (!hasLead && chosen.length === 0 && units[0]) chosen.push(units[0]);

  // Back in each section's own order, consecutive sentences of one section joined into a paragraph.
  chosen.sort(
    (a, b) =>
      Number(b === opening) - Number(a === opening) ||
      candidates.indexOf(a.section) - candidates.indexOf(b.section) ||
      a.position - b.position,
  );
  for (const unit of chosen) {
    const last = pieces[pieces.length - 1];
    const onlyText = unit.blocks.length === 1 && unit.blocks[0]?.kind === 'paragraph';
    const lastBlock = last?.blocks[last.blocks.length - 1];
    if (
      last &&
      last.section === unit.section &&
      onlyText &&
      lastBlock?.kind === 'paragraph' &&
      last.blocks.length === 1 &&
      pieces.indexOf(last) > (hasLead ? 0 : -1)
    ) {
      last.blocks[0] = { kind: 'paragraph', text: `${lastBlock.text} ${(unit.blocks[0] as { text: string }).text}` };
    } else {
      pieces.push({ blocks: unit.blocks.map((block) => ({ ...block })), section: unit.section });
    }
    for (const key of factKeysIn(unit.section.body)) {
      const fact = knowledge.facts.get(key);
      const entry = fact ? figureAsOf(fact, quoteDate) : undefined;
      if (fact && entry && unit.plain.includes(statedFigure(fact, entry).value.replace(/ an hour$/, ''))) {
        addFigures([statedFigure(fact, entry)]);
        if (!factsStated.includes(fact)) factsStated.push(fact);
      }
    }
  }

  if (!hasLead && !asksForList)
    answerFirst(
      pieces,
      ownWords,
      units.map((unit) => unit.plain),
    );
  withLeadIn(pieces, knowledge);
  // An employer enquiry is for logging: one passage of background under it, not a whole answer to read.
  if (enquirySuggested) pieces.splice(1);
  // Citations in the order their passages appear, with a marker at the end of each passage.
  const cited = pieces.flatMap((piece) => (piece.section ? [piece.section] : []));
  const citations = citeSections(knowledge, cited, quoteDate, today);
  const blocks: AnswerBlock[] = [];
  for (const piece of pieces) {
    const n = citations.find((citation) => citation.sectionId === piece.section?.id)?.n;
    piece.blocks.forEach((block, position) => {
      const marked = n !== undefined && position === 0;
      if (block.kind === 'paragraph')
        blocks.push({ kind: 'paragraph', text: marked ? `${block.text} [${n}]` : block.text });
      else if (block.kind === 'list' && marked) {
        const items = [...block.items];
        items[items.length - 1] = `${items[items.length - 1]} [${n}]`;
        blocks.push({ ...block, items });
      } else blocks.push(block);
    });
  }

  // A figure whose expected change has passed, with no newer value held, says so wherever it is stated.
  const notices = [
    ...new Set(factsStated.map((fact) => staleNotice(fact, quoteDate)).filter((notice) => notice !== undefined)),
  ];
  for (const notice of mergeNotices(notices)) blocks.push({ kind: 'paragraph', text: notice });
  // An employer enquiry is said first, so whoever passes it on sees at once that it can be logged.
  if (enquirySuggested) blocks.unshift({ kind: 'paragraph', text: ENQUIRY_TEXT });

  return {
    ...base,
    kind: 'answer',
    text: blocksToText(blocks),
    blocks,
    citations,
    figures,
    ...(contact && { contact }),
  };
}
