import type { EnquiryTopic } from '../../enquiries/index.js';

/** How each topic is named in forms, posts and App Home. */
export const TOPIC_LABELS: Record<EnquiryTopic, string> = {
  apprenticeships: 'Apprenticeships',
  'levy-transfer': 'Levy transfer',
  llw: 'London Living Wage',
  'hackney-100': 'Hackney 100',
  s106: 'Section 106',
  recruitment: 'Recruitment',
  other: 'Something else',
};
