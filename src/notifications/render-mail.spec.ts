import type { MailFacts } from './notifications.service.js';
import { renderMail } from './notifications.service.js';
import { CANCEL_REASON_TEXTS } from './message-templates.js';
import type { CancelReasonCode } from './message-templates.js';

const startsAt = new Date('2027-03-01T08:15:00Z');
const endsAt = new Date('2027-03-01T08:30:00Z');

const facts: MailFacts = {
  to: 'borger@example.dk',
  message: {
    kind: 'confirmation',
    language: 'da',
    fullName: 'Karen Jensen',
    reference: 'ABCD-2345',
    manageUrl: 'http://localhost:3000/bookings/ABCD-2345#token=t',
    centre: { name: 'Borgerservice Testby', address: 'Torvet 1, 9999 Testby', timeZone: 'Europe/Copenhagen' },
    appointmentTypeName: 'Ny MitID',
    startsAt,
    endsAt,
    documents: ['DK_DRIVING_LICENCE'],
    documentAdvice: { sufficient: true, missing: [] },
    witnessAdvice: { recommended: false, required: false, reasons: [] },
    hasWitness: false,
    cancelReasonCode: null,
    cancelReason: null,
    witnessMitidMinDays: 30,
    mitidErhvervUrl: 'https://www.mitid-erhverv.dk',
  },
  calendar: {
    bookingId: '6f1c7a52-5d0e-4a55-9a1e-3f5b7c2a9d10',
    sequence: 1_790_000_000,
    method: 'REQUEST',
    startsAt,
    endsAt,
    summary: 'MitID – Borgerservice Testby',
    location: 'Borgerservice Testby, Torvet 1, 9999 Testby',
    description: 'ABCD-2345',
    organizer: { name: 'Borgerservice Testby', email: 'no-reply@borgerservice.localhost' },
  },
};

describe('renderMail', () => {
  it('writes the same mail from facts that went through JSON (as the outbox keeps them) as from the originals', () => {
    const stored = JSON.parse(JSON.stringify(facts)) as MailFacts;
    expect(typeof stored.message.startsAt).toBe('string');
    const mail = renderMail(stored);
    expect(mail).toEqual(renderMail(facts));
    expect(mail.to).toBe('borger@example.dk');
    expect(mail.subject).toContain('Borgerservice Testby');
    expect(mail.text).toContain('kl. 09:15'); // 08:15 UTC is 09:15 in Copenhagen in March
    expect(mail.icsMethod).toBe('REQUEST');
    expect(mail.ics).toContain('DTSTART:20270301T081500Z');
  });
});

describe('a cancellation by the centre', () => {
  const cancelled = (language: 'da' | 'en', reason: { code: CancelReasonCode } | { text: string }) =>
    renderMail({
      ...facts,
      message: {
        ...facts.message,
        kind: 'cancelled_by_centre',
        language,
        cancelReasonCode: 'code' in reason ? reason.code : null,
        cancelReason: 'text' in reason ? reason.text : null,
      },
      calendar: { ...facts.calendar, method: 'CANCEL' },
    });

  it("gives the system's reason in the citizen's language", () => {
    const reason = CANCEL_REASON_TEXTS.no_longer_takes_appointments;
    const code = { code: 'no_longer_takes_appointments' as const };
    expect(cancelled('da', code).text).toContain(`Årsag: ${reason.da}`);
    expect(cancelled('da', code).text).not.toContain(reason.en);
    expect(cancelled('en', code).text).toContain(`Reason: ${reason.en}`);
  });

  it("gives a message queued before reasons were codes (the English text) in the citizen's language", () => {
    const reason = CANCEL_REASON_TEXTS.opening_hours_changed;
    expect(cancelled('da', { text: reason.en }).text).toContain(`Årsag: ${reason.da}`);
  });

  it("gives an administrator's reason as it was typed", () => {
    expect(cancelled('da', { text: 'Vandskade i lokalerne' }).text).toContain('Årsag: Vandskade i lokalerne');
    expect(cancelled('en', { text: 'Vandskade i lokalerne' }).text).toContain(
      'Reason: Vandskade i lokalerne',
    );
  });
});
