import type { EnquiryTopic } from './enquiry-queue.js';

// Naming a scheme outright ("S106", "Hackney 100", "levy transfer") outweighs words that merely relate to it.
const NAMED = 40;
const RELATED = 10;

const TOPIC_PHRASES: [EnquiryTopic, [RegExp, number][]][] = [
  [
    'levy-transfer',
    [
      [/\blevy transfers?\b/, NAMED],
      [/\btransfer(?:ring)?\b[^.]*\blevy\b|\blevy\b[^.]*\btransfer/, NAMED],
      [/\bunspent levy\b|\blevy funds?\b/, RELATED],
    ],
  ],
  [
    'hackney-100',
    [
      [/\bhackney\s*100\b|\bh100\b/, NAMED],
      [/\b(?:work|paid) placements?\b/, RELATED],
      [/\bplacements?\b/, RELATED],
    ],
  ],
  [
    's106',
    [
      [/\bs\.?\s?106\b|\bsection\s*106\b/, NAMED],
      [/\bplanning (?:obligation|agreement|condition)s?\b/, NAMED],
      [/\bend[- ]use\b|\bconstruction (?:site|phase|jobs?)\b|\bdevelop(?:er|ment)\b/, RELATED],
    ],
  ],
  [
    'llw',
    [
      [/\blondon living wage\b|\bllw\b/, NAMED],
      [/\b(?:real )?living wage\b/, RELATED],
      [/\baccredit/, RELATED],
    ],
  ],
  [
    'apprenticeships',
    [
      [/\bapprentice(?:s|ship|ships)?\b/, RELATED * 2],
      [/\bend[- ]point assessment\b|\btraining provider\b/, RELATED],
      [/\blevy\b/, RELATED],
    ],
  ],
  [
    'recruitment',
    [
      [/\brecruit(?:ment|ing)?\b/, RELATED],
      [/\bvacanc(?:y|ies)\b|\bhir(?:e|ing)\b/, RELATED],
      [/\bjobs? fair\b|\bjob (?:advert|posting)s?\b|\bstaff shortages?\b/, RELATED],
    ],
  ],
];

/** Suggests the enquiry's topic from its text (the form may override it); 'other' when nothing matches. */
export function suggestTopic(text: string): EnquiryTopic {
  const lower = text.toLowerCase();
  let best: { topic: EnquiryTopic; score: number } = { topic: 'other', score: 0 };
  for (const [topic, patterns] of TOPIC_PHRASES) {
    const score = patterns.reduce((sum, [pattern, weight]) => sum + (pattern.test(lower) ? weight : 0), 0);
    if (score > best.score) best = { topic, score };
  }
  return best.topic;
}
