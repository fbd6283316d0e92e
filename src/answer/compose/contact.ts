import type { ContactRoute } from '../answer.js';

/** "who do I contact about…", "who handles…", "where do I send…", "who should they speak to". */
export const ASKS_WHO_TO_CONTACT =
  /\b(who (?:do|should|can|could|would) (?:i|we|they|you|he|she|the \w+) (?:contact|speak to|talk to|ask|email|call|ring|send|pass|refer|go to|get in touch with)|who (?:to|should i) (?:contact|speak to|talk to|ask)|who (?:handles|deals with|is responsible for)|who(?:'s| is) the (?:contact|person|officer|lead)|contact (?:details|for)|where (?:do|should|can) (?:i|we|they) (?:send|refer|pass|direct)|which team (?:deals|handles|covers|looks))\b/i;

type Route = ContactRoute & { matches: RegExp; why: string };

/** Which team takes what, from the employer engagement routes article. */
const ROUTES: Route[] = [
  {
    matches: /\baffordable workspace|workspace provider/i,
    team: 'the Economic Regeneration team',
    how: 'no direct contact is held; pass it on through your manager',
    why: 'Affordable workspace and the Approved Workspace Providers List belong to them.',
    logEnquiry: false,
  },
  {
    matches: /\bplanning (?:consent|permission|application)/i,
    team: 'Planning',
    how: 'no direct contact is held; pass it on through your manager',
    why: 'Planning consent questions belong to them, not to Employment & Skills.',
    logEnquiry: false,
  },
  {
    matches: /\bresident|job ?seeker|looking for (?:a )?(?:job|work)|unemployed/i,
    team: 'Hackney Works',
    how: 'refer the resident to a Hackney Works adviser',
    why: 'Residents looking for work go to Hackney Works, the council’s free employment support service.',
    logEnquiry: false,
  },
  {
    matches: /\bhackney 100|h100|placement/i,
    team: 'the employer engagement officer in the Employment & Skills team',
    how: 'log it as an employer enquiry (the programme email in 2019 was hackney100@hackney.gov.uk)',
    why: 'The Employment & Skills team then contacts the business about hosting.',
    logEnquiry: true,
  },
  {
    matches: /./,
    team: 'the employer engagement officer in the Employment & Skills team',
    how: 'log it as an employer enquiry in the Skills Desk enquiry queue',
    why: 'Employer enquiries about recruiting, apprenticeships, levy transfers, Hackney 100, S106 obligations or Living Wage accreditation go to them.',
    logEnquiry: true,
  },
];

/** The route for a "who do I contact" question: the team, how to reach them, and whether to log it. */
export function contactRoute(question: string): { route: ContactRoute; text: string } {
  const route = ROUTES.find((candidate) => candidate.matches.test(question)) as Route;
  const text = route.logEnquiry
    ? `Contact ${route.team}: ${route.how}, with the employer’s details, and the officer picks it up from the triage queue. ${route.why}`
    : `Contact ${route.team}: ${route.how}. ${route.why}`;
  return { route: { team: route.team, how: route.how, logEnquiry: route.logEnquiry }, text };
}
