const ORGANISATION_NOUNS =
  'company|business|firm|shop|café|cafe|restaurant|bar|pub|hotel|charity|organisation|organization|agency|site|development|scheme|practice|studio|salon|start-?up|developer|contractor|housing association|school|college|nursery|gym|bakery|brewery';

const ORGANISATION_SPEAKING = new RegExp(
  [
    `\\b(?:our|my) (?:\\w+ ){0,2}(?:${ORGANISATION_NOUNS})\\b`,
    `\\bi (?:have|own|run|manage) an? (?:\\w+ ){0,2}(?:${ORGANISATION_NOUNS})\\b`,
    `\\b(?:${ORGANISATION_NOUNS})\\b[^.?!]{0,40}\\bhere\\b`,
    "\\b(?:we're|we are|we've|we have) (?:just )?(?:opening|building|developing|won|been awarded|starting|launching|expanding|moving)\\b",
    "\\b(?:i'm|i am) the (?:\\w+ )?(?:owner|director|manager|md|ceo|founder|hr|lead|coordinator|officer)\\b",
  ].join('|'),
);

const ORGANISATION_SELF =
  /\b(we're an?|we are an?|we run|we own|we manage|we employ|we have \d+|we've got \d+|our (?:company|business|firm|shop|café|cafe|restaurant|bar|charity|organisation|organization|agency|site|development|scheme|practice|studio|salon|start-?up|staff|team|payroll|pay bill)|i run|i own|i manage|i'm from|i am from|i work for|i'm the (?:owner|director|manager|md|ceo|founder|hr)|i am the (?:owner|director|manager|md|ceo|founder|hr)|my (?:company|business|firm|shop|café|cafe|restaurant|bar|charity|organisation|organization|agency|practice|salon|studio|start-?up)|on behalf of)\b|\b(ltd|limited|llp|plc|cic)\b/;

const WANTS =
  /\b(would love|we'd love|love to|set up a meeting|arrange a meeting|book a meeting|could i|can i (?:get|take on|host|hire|offer)|need to (?:send|submit|report|agree|arrange)|who do (?:we|i) send|would like|we'd like|i'd like|want to|wants to|are looking|looking to|looking for|interested in|keen to|planning to|plan to|hoping to|need to (?:talk|discuss|speak|meet|agree|submit|find)|need help|need advice|need support|get in touch|contact (?:me|us)|call (?:me|us)|speak to someone|talk to someone|can we (?:host|take on|get|join|sign up|become|apply|offer|transfer)|how (?:do|can) we (?:host|take on|sign up|join|become|get|apply|offer|transfer)|could you help|can you help|help us)\b/;

const ENQUIRY_ACTION =
  /\b(take on|taking on|hire|hiring|recruit\w*|employ|host\w*|offer\w*|placements?|work experience|apprentic\w*|accredit\w*|living wage employer|sign up|join|transfer\w*|pledge|s106|section 106|obligations?|local labour|employment and skills plan|esp|targets?|vacanc\w*|jobs?|workspace|returns?|staff|end-use)\b/;

const REPORTED_ENQUIRY =
  /\b(an?|one|local|this|the) (?:local )?(employer|business|company|firm|developer|contractor|charity|organisation|organization|café|cafe|restaurant|shop|retailer|agency|housing association)\b.{0,80}?\b(called|rang|phoned|emailed|e-mailed|messaged|asked|asking|enquired|wants|would like|wanted|is looking|are looking|interested|got in touch|contacted|has been in touch|needs|is keen)\b|\b(employer|business) enquiry\b/;

/**
 * Whether a message is, or reports, an employer's enquiry the engagement officer should see: an organisation
 * speaking for itself ("we run a café and want to take on an apprentice"), or staff passing one on ("an employer
 * rang asking to host a Hackney 100 placement").
 */
export function isEmployerEnquiry(message: string): boolean {
  const text = message.toLowerCase().replace(/[’‘]/g, "'");
  if (REPORTED_ENQUIRY.test(text) && ENQUIRY_ACTION.test(text)) return true;
  const organisation = ORGANISATION_SPEAKING.test(text) || ORGANISATION_SELF.test(text);
  return organisation && WANTS.test(text) && ENQUIRY_ACTION.test(text);
}
