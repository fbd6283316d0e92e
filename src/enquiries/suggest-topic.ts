import type { EnquiryTopic } from './enquiry-queue.js';

// Phrases that point at each topic, strongest first; a phrase scores by its length so specific wording wins.
const TOPIC_PHRASES: [EnquiryTopic, RegExp[]][] = [
  [
    'levy-transfer',
    [
      /\blevy transfers?\b/,
      /\btransfer(?:ring)?\b[^.]*\blevy\b/,
      /\blevy\b[^.]*\btransfer/,
      /\bunspent levy\b/,
      /\blevy funds?\b/,
    ],
  ],
  ['hackney-100', [/\bhackney\s*100\b/, /\bh100\b/, /\bwork placements?\b/, /\bpaid placements?\b/, /\bplacements?\b/]],
  [
    's106',
    [
      /\bs\.?\s?106\b/,
      /\bsection\s*106\b/,
      /\bplanning (?:obligation|agreement|condition)s?\b/,
      /\bend[- ]use\b/,
      /\bconstruction (?:site|phase|jobs?)\b/,
      /\bdevelop(?:er|ment)\b/,
    ],
  ],
  [
    'llw',
    [
      /\blondon living wage\b/,
      /\bllw\b/,
      /\breal living wage\b/,
      /\bliving wage\b/,
      /\bliving wage employer\b/,
      /\baccredit/,
    ],
  ],
  [
    'apprenticeships',
    [/\bapprentice(?:s|ship|ships)?\b/, /\bend[- ]point assessment\b/, /\btraining provider\b/, /\blevy\b/],
  ],
  [
    'recruitment',
    [
      /\brecruit(?:ment|ing)?\b/,
      /\bvacanc(?:y|ies)\b/,
      /\bhir(?:e|ing)\b/,
      /\bjobs? fair\b/,
      /\bjob (?:advert|posting)s?\b/,
      /\bstaff shortages?\b/,
    ],
  ],
];

/** Suggests the enquiry's topic from its text (the form may override it); 'other' when nothing matches. */
export function suggestTopic(text: string): EnquiryTopic {
  const lower = text.toLowerCase();
  let best: { topic: EnquiryTopic; score: number } = { topic: 'other', score: 0 };
  for (const [topic, patterns] of TOPIC_PHRASES) {
    let score = 0;
    for (const pattern of patterns) {
      const match = pattern.exec(lower);
      if (match) score += match[0].length;
    }
    if (score > best.score) best = { topic, score };
  }
  return best.topic;
}
