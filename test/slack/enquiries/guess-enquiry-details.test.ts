import { describe, expect, it } from 'vitest';
import { guessEnquiryDetails } from '../../../src/slack/enquiries/guess-enquiry-details.js';
import { plainSlackText } from '../../../src/slack/enquiries/slack-text.js';

describe('guessEnquiryDetails', () => {
  it('picks out an organisation, a name, an email and a UK phone number written plainly', () => {
    expect(
      guessEnquiryDetails(
        'This is Tom Brennan at Kingsland Housing. Could we talk about S106 jobs? tom.brennan@kingsland.example, 07700 900123',
      ),
    ).toEqual({
      organisation: 'Kingsland Housing',
      contactName: 'Tom Brennan',
      email: 'tom.brennan@kingsland.example',
      phone: '07700 900123',
    });
  });

  it('leaves out what is not plainly there instead of guessing', () => {
    expect(guessEnquiryDetails('what is the london living wage from april?')).toEqual({});
    expect(guessEnquiryDetails('Can we get funding at Hackney for apprentices from Monday?')).toEqual({});
  });

  it('does not take a question word as part of the organisation', () => {
    expect(guessEnquiryDetails('Does Clapton Timber Ltd have to pay the levy?').organisation).toBe(
      'Clapton Timber Ltd',
    );
  });
});

describe('plainSlackText', () => {
  it('unwraps Slack links, emails and phone numbers and decodes entities', () => {
    expect(
      plainSlackText(
        'Mail <mailto:a@b.example|a@b.example>, call <tel:02079460123|020 7946 0123>, see <https://gov.uk/x|the guide> &amp; more',
      ),
    ).toBe('Mail a@b.example, call 020 7946 0123, see the guide (https://gov.uk/x) & more');
  });
});
