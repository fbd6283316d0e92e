import { joinPayBillParts, payBillPartsOf, readCalculatorInputs } from './calculator-inputs.js';
import type { CalculatorInputs, CalculatorRequest } from './understanding.js';
import { nextTaxYear, previousTaxYear, readYearShift, taxYearOf } from './values/index.js';

/** A connected company added to the pay bill before ("plus another company in the group with 2m"). */
const ADDS_COMPANY =
  /\b(?:plus|another|also|as well|second|add|adding|and a|connected to|linked to|group with|owns|owned by)\b/i;
const COMPANY = /\b(?:compan|firm|business|subsidiar|charit|entit|sister|parent|co\b)/i;
/** A connected company taken out of the pay bill before ("what if the 1.8m one leaves the group"). */
const REMOVES_COMPANY =
  /\b(?:leaves?|left|leaving|sold|sells?|drops? out|dropped out|taken out|removed?|without|minus|excluding|no longer)\b/i;
const ONE_OF_THEM = /\b(?:one|group|compan|firm|business|subsidiar|charit|entit|sister)/i;

/**
 * A year said relative to the thread's, not today's: "the previous tax year" after a sum for 2020-21 is 2019-20
 * ("last tax year" and "next tax year" are read against today).
 */
const FROM_THREAD_YEAR =
  /\b(?:previous|prior|preceding|following)\s+(?:tax |financial |levy )?year\b|\byear (?:before|after|earlier|later)\b/i;

/** The inputs a follow-up message gives the calculation it follows, with the year moved for "the year before". */
export function changedValues(earlier: CalculatorRequest, message: string, asOf: string): CalculatorInputs {
  const own = readCalculatorInputs(earlier.kind, message, asOf);
  const shift = readYearShift(message);
  if (shift !== 0 && earlier.kind !== 'eligibility' && (own.taxYear === undefined || FROM_THREAD_YEAR.test(message))) {
    const from = typeof earlier.inputs.taxYear === 'string' ? earlier.inputs.taxYear : taxYearOf(asOf);
    own.taxYear = shift < 0 ? previousTaxYear(from) : nextTaxYear(from);
  }
  if (shift !== 0 && earlier.kind === 'eligibility' && own.startDate === undefined) {
    const from = typeof earlier.inputs.startDate === 'string' ? earlier.inputs.startDate : asOf;
    own.startDate = `${Number(from.slice(0, 4)) + shift}${from.slice(4)}`.replace(/-02-29$/, '-02-28');
  }
  const before = earlier.inputs.payBill;
  if (
    earlier.kind === 'levy' &&
    typeof before === 'number' &&
    typeof own.payBill === 'number' &&
    ADDS_COMPANY.test(message) &&
    COMPANY.test(message)
  ) {
    const added = own.payBill;
    own.payBill = Math.round((before + added) * 100) / 100;
    own.isConnected = true;
    // The group's list of pay bills gains the one added, so the answer shows the sum it worked.
    own.payBillParts = joinPayBillParts([...(payBillPartsOf(earlier.inputs) ?? [before]), added]);
  } else if (
    earlier.kind === 'levy' &&
    typeof before === 'number' &&
    typeof own.payBill === 'number' &&
    own.payBill < before &&
    REMOVES_COMPANY.test(message) &&
    ONE_OF_THEM.test(message)
  ) {
    const gone = own.payBill;
    own.payBill = Math.round((before - gone) * 100) / 100;
    // The group's list of pay bills loses the one that left; a company left on its own is no longer connected.
    const parts = payBillPartsOf(earlier.inputs) ?? [];
    const position = parts.indexOf(gone);
    if (position >= 0) {
      parts.splice(position, 1);
      if (parts.length >= 2) own.payBillParts = joinPayBillParts(parts);
      else {
        own.payBillParts = '';
        own.isConnected = false;
      }
    }
  } else if (earlier.kind === 'levy' && typeof own.payBill === 'number' && CHANGES_COMPANY.test(message)) {
    // "and if the sister co grows to 3m?": one company of the group has a new pay bill, the others keep theirs.
    const parts = payBillPartsOf(earlier.inputs) ?? [];
    const named = SISTER.test(message) ? parts.length - 1 : -1;
    if (parts.length >= 2 && named >= 0) {
      parts[named] = own.payBill;
      own.payBill = Math.round(parts.reduce((sum, part) => sum + part, 0) * 100) / 100;
      own.payBillParts = joinPayBillParts(parts);
      own.isConnected = true;
    }
  }
  return own;
}

/** A company of the group whose pay bill changes ("the sister co grows to 3m", "the subsidiary is now 2.5m"). */
const CHANGES_COMPANY =
  /\b(?:grows?|grew|goes up|went up|increases?|increased|rises?|rose|drops?|dropped|falls?|fell|shrinks?|shrank|becomes?|is now|now has|changes? to|up to|down to)\b/i;
/** The company added to the group after the first: a sister, subsidiary, second or other company. */
const SISTER = /\b(?:sister|subsidiar\w*|second|other|another|smaller|newer)\b/i;
