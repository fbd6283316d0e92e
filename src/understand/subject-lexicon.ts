import type { Knowledge } from '../knowledge/knowledge.js';
import { searchTerms } from '../knowledge/normalise-text.js';
import type { Topic } from './understanding.js';

/** A name the knowledge base gives a subject: an article's keyword or a figure's name or alias, with its topic. */
export type SubjectName = { topic: Topic; name: string };

/** The topics whose subjects a message names ("what does off the job mean" names an apprenticeship subject). */
export type SubjectLexicon = { topicsNamed(message: string): ReadonlySet<Topic> };

/** A code or abbreviation as the knowledge base writes one: "OTJ", "LP33", "ESP", "E11", "RPL". */
const CODE = /\b[A-Z][A-Z0-9]{1,5}\b/g;

/**
 * The subjects the knowledge base names by a code or abbreviation ("OTJ", "LP33", "ESP"), each with the one topic
 * that uses it: a message naming one, in any case or in full where the search terms know the long form ("off the
 * job" is OTJ), names that subject. Codes more than one topic uses name none. Built from the knowledge, so a content
 * owner who adds a keyword teaches it without touching code.
 */
export function buildSubjectLexicon(names: Iterable<SubjectName>): SubjectLexicon {
  const topicsOfCode = new Map<string, Set<Topic>>();
  for (const { topic, name } of names) {
    if (topic === 'none') continue;
    for (const [code] of name.matchAll(CODE)) {
      // "OTJ" gives its own term and the canonical one, which are the same word.
      const terms = [...new Set(searchTerms(code))];
      if (terms.length !== 1) continue;
      const term = terms[0] as string;
      topicsOfCode.set(term, (topicsOfCode.get(term) ?? new Set<Topic>()).add(topic));
    }
  }
  const topicOfCode = new Map<string, Topic>();
  for (const [term, topics] of topicsOfCode) if (topics.size === 1) topicOfCode.set(term, [...topics][0] as Topic);
  return {
    topicsNamed(message) {
      const found = new Set<Topic>();
      for (const term of searchTerms(message)) {
        const topic = topicOfCode.get(term);
        if (topic !== undefined) found.add(topic);
      }
      return found;
    },
  };
}

const lexicons = new WeakMap<Knowledge, SubjectLexicon>();

/**
 * The subjects a knowledge base names: its articles' keywords and its figures' names and aliases, once per base.
 * Built on the first message that needs it (one in a thread): a single question never pays for it.
 */
export function knowledgeSubjects(knowledge: Knowledge): SubjectLexicon {
  let lexicon = lexicons.get(knowledge);
  if (!lexicon) {
    let built: SubjectLexicon | undefined;
    lexicon = {
      topicsNamed(message) {
        built ??= buildSubjectLexicon(subjectNames(knowledge));
        return built.topicsNamed(message);
      },
    };
    lexicons.set(knowledge, lexicon);
  }
  return lexicon;
}

function* subjectNames(knowledge: Knowledge): Iterable<SubjectName> {
  for (const article of knowledge.articles.values()) {
    for (const keyword of article.keywords) yield { topic: article.topic, name: keyword };
  }
  for (const fact of knowledge.facts.values()) {
    for (const name of [fact.label, ...fact.aliases]) yield { topic: fact.topic, name };
  }
}
