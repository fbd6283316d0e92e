/** How a message says whether an apprentice has an EHC plan or has been in care, negations included. */
const EHC = String.raw`(?:ehc ?p?|ehcp|education,? health and care plan)`;
const CARE = String.raw`(?:care leaver|(?:been )?in care|care[- ]experienced)`;

const HAS_EHC = new RegExp(String.raw`\b${EHC}\b`);
const NO_EHC = new RegExp(
  String.raw`\b(?:no|not|without|hasn'?t(?: got)?|has not(?: got)?|doesn'?t have|does not have|don'?t have|never had)\s+(?:an?\s+|any\s+)?${EHC}\b|\b${EHC}\s*[:-]?\s*(?:no|none)\b`,
);
const IS_CARE = /\bcare leaver\b|\bbeen in care\b|\bcare[- ]experienced\b/;
const NO_CARE = new RegExp(
  String.raw`\b(?:not|isn'?t|is not|wasn'?t|was not|never|hasn'?t|has not)\s+(?:a\s+|been\s+)?${CARE}\b|\bno care (?:experience|history|background)\b|\bcare leaver\s*[:-]?\s*(?:no|none)\b`,
);

export type YesNo = 'yes' | 'no';

/** "has an EHCP" is yes, "no ehcp" or "without an EHC plan" no; undefined when the message does not say. */
export function readEhcPlan(text: string): YesNo | undefined {
  const lower = text.toLowerCase();
  if (NO_EHC.test(lower)) return 'no';
  return HAS_EHC.test(lower) ? 'yes' : undefined;
}

/** "a care leaver" is yes, "not a care leaver" or "never been in care" no; undefined when the message does not say. */
export function readCareLeaver(text: string): YesNo | undefined {
  const lower = text.toLowerCase();
  if (NO_CARE.test(lower)) return 'no';
  return IS_CARE.test(lower) ? 'yes' : undefined;
}

/** Whether either applies: yes when one does, no only when the message rules out both. */
export function readEhcPlanOrCareLeaver(text: string): YesNo | undefined {
  const ehc = readEhcPlan(text);
  const care = readCareLeaver(text);
  if (ehc === 'yes' || care === 'yes') return 'yes';
  return ehc === 'no' && care === 'no' ? 'no' : undefined;
}
