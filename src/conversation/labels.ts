import type { EnquiryTopic } from '../enquiries/enquiry-queue.js';

/** How each enquiry topic is named, on every platform. */
export const TOPIC_LABELS: Record<EnquiryTopic, string> = {
  apprenticeships: 'Apprenticeships',
  'levy-transfer': 'Levy transfer',
  llw: 'London Living Wage',
  'hackney-100': 'Hackney 100',
  s106: 'Section 106',
  recruitment: 'Recruitment',
  other: 'Something else',
};

/** One suggested question per topic: Slack's Messages tab, the Teams welcome, help. */
export const SUGGESTED_QUESTIONS = [
  { title: 'Apprenticeship levy', message: 'Who pays the apprenticeship levy, and how much is it?' },
  { title: 'London Living Wage', message: 'What is the London Living Wage rate today?' },
  { title: 'Hackney 100', message: 'How can an employer offer a Hackney 100 placement?' },
  { title: 'Section 106', message: 'What employment and skills obligations can a Section 106 agreement include?' },
] as const;

export const WHAT_SKILLS_DESK_DOES =
  'Skills Desk answers questions about apprenticeships and the levy, the London Living Wage, Hackney 100 and Section 106 employment and skills obligations, with sources and the date each figure applies from. Staff can also log employer enquiries for the engagement team.';

export const APOLOGY = 'Sorry, something went wrong while I was answering. Please try again in a minute.';

export const EMPTY_QUESTION =
  'Hi! Ask me about apprenticeships and the levy, the London Living Wage, Hackney 100 or Section 106 employment and skills obligations.';

export function rateLimitedText(limitPerMinute: number): string {
  return `You've asked ${limitPerMinute} ${limitPerMinute === 1 ? 'question' : 'questions'} in the last minute, which is my limit. Please wait a moment and ask again.`;
}
