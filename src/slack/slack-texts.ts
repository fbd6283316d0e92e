import { SUGGESTED_QUESTIONS } from '../conversation/index.js';

// Fixed texts the Slack app sends. Kept together so their tone stays consistent.

export const APOLOGY =
  'Sorry, something went wrong while I was answering. Please try again in a minute, or use `/skills enquiry` to pass it to the team.';

export const THINKING_STATUS = 'is looking this up…';

export const LOADING_MESSAGES = ['Searching the knowledge base…', 'Checking figures and dates…', 'Gathering sources…'];

export const SUGGESTED_PROMPTS_TITLE = 'What can I help with?';

/** One prompt per topic, shown when someone opens the app's Messages tab (the same set Teams shows). */
export const SUGGESTED_PROMPTS = SUGGESTED_QUESTIONS.map((prompt) => ({ ...prompt }));

export const HELP_TEXT = [
  '*Skills Desk* answers questions about apprenticeships and the levy, the London Living Wage, Hackney 100 and Section 106 employment and skills obligations, with sources and the date each figure applies from.',
  '',
  '• `/skills <question>`: an answer only you can see, with a button to share it in the channel',
  '• `/skills levy`: work out an employer’s apprenticeship levy',
  '• `/skills eligibility`: check whether an apprentice can be funded',
  '• `/skills enquiry`: log an employer enquiry for the team',
  '• `/skills help`: this message',
  '',
  'You can also send me a direct message, or mention me in a channel and I will answer in the thread; follow-ups in that thread need no new mention.',
].join('\n');

export const FEEDBACK_REASON_PROMPT =
  'Thanks for telling us. What was wrong with the answer? A short note helps us fix it.';

export const FEEDBACK_REASON_SAVED = 'Thank you, your note has been passed to the people who look after the answers.';

export const ANSWER_EXPIRED = 'That answer is no longer available. Please ask the question again.';

export function cannotPostIn(channel: string): string {
  return `I can't post in <#${channel}>. Invite me to the channel first (\`/invite @Skills Desk\`), then share again.`;
}
