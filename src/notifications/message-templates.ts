import { DateTime } from 'luxon';
import type { DocumentAdvice, DocumentType, Language, WitnessAdvice } from '../identity/index.js';
import type { MessageKind } from './outbox-message.entity.js';
import { receiptCodeDataUri } from './receipt-code.js';

export interface MessageFacts {
  kind: MessageKind;
  language: Language;
  fullName: string;
  reference: string;
  manageUrl: string;
  /** The manage token as a code to type on the manage page without JavaScript (absent in older outbox rows). */
  manageCode?: string | null;
  /** Contact details: absent in messages queued before they were kept. */
  centre: {
    name: string;
    address: string;
    timeZone: string;
    contactPhone?: string | null;
    contactEmail?: string | null;
  };
  appointmentTypeName: string;
  startsAt: Date;
  endsAt: Date;
  documents: DocumentType[];
  documentAdvice: DocumentAdvice;
  witnessAdvice: WitnessAdvice;
  hasWitness: boolean;
  /** The system's reason for a centre's cancellation, or null with `cancelReason` as an administrator typed it. */
  cancelReasonCode: CancelReasonCode | null;
  cancelReason: string | null;
  witnessMitidMinDays: number;
  mitidErhvervUrl: string;
}

export const CANCEL_REASON_CODES = [
  'opening_hours_changed',
  'closed_on_this_day',
  'no_longer_takes_appointments',
  'appointment_type_withdrawn',
] as const;
/** The reasons the system gives when a calendar change cancels a booking: stored as codes, written in the citizen's language. */
export type CancelReasonCode = (typeof CANCEL_REASON_CODES)[number];

export const CANCEL_REASON_TEXTS: Record<CancelReasonCode, Record<Language, string>> = {
  opening_hours_changed: {
    en: 'The centre has changed its opening hours',
    da: 'Borgerservice har ændret sine åbningstider',
  },
  closed_on_this_day: { en: 'The centre is closed on this day', da: 'Borgerservice holder lukket denne dag' },
  no_longer_takes_appointments: {
    en: 'The centre no longer takes appointments',
    da: 'Borgerservice tager ikke længere imod tidsbestillinger',
  },
  appointment_type_withdrawn: {
    en: 'The centre no longer offers this kind of appointment',
    da: 'Borgerservice tilbyder ikke længere denne type tid',
  },
};

function cancelReasonIn(facts: MessageFacts): string | null {
  // Messages queued before reasons were codes hold the English text (encrypted, so no migration reaches them).
  const code =
    facts.cancelReasonCode ??
    CANCEL_REASON_CODES.find((known) => CANCEL_REASON_TEXTS[known].en === facts.cancelReason);
  return code ? CANCEL_REASON_TEXTS[code][facts.language] : facts.cancelReason;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

export const DOCUMENT_NAMES: Record<DocumentType, Record<Language, string>> = {
  DK_DRIVING_LICENCE: { da: 'Dansk kørekort', en: 'Danish driving licence' },
  DK_PASSPORT_WITH_CPR: { da: 'Dansk pas med CPR-nummer', en: 'Danish passport with CPR number' },
  DK_PASSPORT_WITHOUT_CPR: { da: 'Dansk pas uden CPR-nummer', en: 'Danish passport without CPR number' },
  RESIDENCE_PERMIT_WITH_CPR: {
    da: 'Opholdstilladelse med CPR-nummer',
    en: 'Residence permit with CPR number',
  },
  RESIDENCE_PERMIT_WITHOUT_CPR: {
    da: 'Opholdstilladelse uden CPR-nummer',
    en: 'Residence permit without CPR number',
  },
  MFA_ID_CARD: { da: 'Udenrigsministeriets ID-kort', en: 'Ministry of Foreign Affairs ID card' },
  FOREIGN_PASSPORT: { da: 'Udenlandsk pas', en: 'Foreign passport' },
  FOREIGN_NATIONAL_ID_CARD: { da: 'Udenlandsk nationalt ID-kort', en: 'Foreign national ID card' },
  FOREIGN_DRIVING_LICENCE: {
    da: 'Udenlandsk kørekort (personalet vurderer)',
    en: 'Foreign driving licence (staff decide)',
  },
  MUNICIPAL_ID_CARD: { da: 'Kommunalt ID-kort', en: 'Municipal ID card' },
  HEALTH_INSURANCE_CARD: { da: 'Sundhedskort (gult kort)', en: 'Health insurance card (yellow card)' },
  RESIDENCE_CERTIFICATE: { da: 'Bopælsattest', en: 'Residence certificate' },
  BIRTH_OR_NAME_CERTIFICATE: {
    da: 'Person-, dåbs- eller navneattest',
    en: 'Personal, baptism or name certificate',
  },
  TAX_STATEMENT: {
    da: 'Årsopgørelse eller forskudsopgørelse',
    en: 'Annual tax statement or preliminary assessment',
  },
  BENEFIT_PAYMENT_PROOF: {
    da: 'Bevis for offentlig ydelse (under 3 måneder)',
    en: 'Proof of a public benefit payment (under 3 months old)',
  },
};

const T = {
  da: {
    subject: {
      confirmation: 'Bekræftelse: din tid til MitID hos',
      rescheduled: 'Din tid til MitID er flyttet:',
      cancelled_by_citizen: 'Din tid til MitID er aflyst:',
      cancelled_by_centre: 'Borgerservice har aflyst din tid til MitID:',
      reminder: 'Påmindelse: din tid til MitID hos',
      witness_changed: 'Dit vidne er noteret: din tid til MitID hos',
    },
    intro: {
      confirmation: 'Tak for din booking. Du har fået denne tid:',
      rescheduled: 'Din tid er flyttet. Din nye tid er:',
      cancelled_by_citizen: 'Du har aflyst denne tid:',
      cancelled_by_centre: 'Borgerservice har desværre måttet aflyse denne tid:',
      reminder: 'Vi minder dig om din tid:',
      witness_changed: 'Du har oplyst et vidne til denne tid:',
    },
    hello: 'Kære',
    when: 'Tid',
    where: 'Sted',
    what: 'Ærinde',
    reference: 'Bookingnummer',
    reason: 'Årsag',
    bring: 'Medbring originale, gyldige dokumenter',
    declared: 'Du har oplyst, at du medbringer',
    missing: 'Du mangler',
    enough: 'Dokumenterne er nok til at fastslå din identitet, hvis de er gyldige.',
    witnessHeading: 'Vidne',
    witnessRequired: 'Du SKAL have et vidne med.',
    witnessRecommended: 'Vi anbefaler, at du tager et vidne med.',
    witnessRules: (days: number) =>
      `Vidnet skal være fyldt 18 år, have haft MitID i mere end ${days} dage, medbringe sit eget MitID og gyldig billed-ID (uden CPR-nummer på billed-ID'et også et dokument med CPR-nummeret), og må højst være vidne 3 gange på 120 dage.`,
    witnessNamed: 'Du har oplyst et vidne.',
    manage: 'Se, flyt eller aflys din tid',
    code: 'Kode til din booking (hvis siden beder om den)',
    rebook: 'Du kan bestille en ny tid her',
    erhverv: 'Skal du bruge MitID Erhverv (for en virksomhed)? Se',
    contact: 'Spørgsmål? Kontakt',
    phone: 'telefon',
    email: 'e-mail',
    closing: 'Med venlig hilsen',
  },
  en: {
    subject: {
      confirmation: 'Confirmation: your MitID appointment at',
      rescheduled: 'Your MitID appointment has been moved:',
      cancelled_by_citizen: 'Your MitID appointment is cancelled:',
      cancelled_by_centre: 'The Citizen Service Centre has cancelled your MitID appointment:',
      reminder: 'Reminder: your MitID appointment at',
      witness_changed: 'Your witness is noted: your MitID appointment at',
    },
    intro: {
      confirmation: 'Thank you for booking. Your appointment is:',
      rescheduled: 'Your appointment has been moved. Your new time is:',
      cancelled_by_citizen: 'You have cancelled this appointment:',
      cancelled_by_centre: 'We are sorry: the Citizen Service Centre has had to cancel this appointment:',
      reminder: 'This is a reminder of your appointment:',
      witness_changed: 'You have named a witness for this appointment:',
    },
    hello: 'Dear',
    when: 'Time',
    where: 'Place',
    what: 'Service',
    reference: 'Booking reference',
    reason: 'Reason',
    bring: 'Bring original, valid documents',
    declared: 'You said you will bring',
    missing: 'You still need',
    enough: 'These documents are enough to establish your identity if they are valid.',
    witnessHeading: 'Witness',
    witnessRequired: 'You MUST bring a witness.',
    witnessRecommended: 'We recommend that you bring a witness.',
    witnessRules: (days: number) =>
      `The witness must be 18 or older, have held MitID for more than ${days} days, bring their own MitID and valid photo ID (if that ID shows no CPR number, also a document with it), and may act as witness at most 3 times in 120 days.`,
    witnessNamed: 'You have named a witness.',
    manage: 'View, move or cancel your appointment',
    code: 'Code for your booking (if the page asks for it)',
    rebook: 'You can book a new time here',
    erhverv: 'Need MitID Erhverv (acting for a business)? See',
    contact: 'Questions? Contact',
    phone: 'phone',
    email: 'e-mail',
    closing: 'Kind regards',
  },
} as const;

function localTime(instant: Date, zone: string, language: Language): string {
  return DateTime.fromJSDate(instant, { zone })
    .setLocale(language === 'da' ? 'da-DK' : 'en-GB')
    .toFormat(language === 'da' ? "cccc d. LLLL yyyy 'kl.' HH:mm" : "cccc d LLLL yyyy 'at' HH:mm");
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One message as plain text and HTML, in the applicant's language, with the time in the centre's zone. */
export function renderMessage(facts: MessageFacts): RenderedMessage {
  const t = T[facts.language];
  const cancelled = facts.kind === 'cancelled_by_citizen' || facts.kind === 'cancelled_by_centre';
  // The UTC offset makes the hour unambiguous on the night the clocks go back.
  const ends = DateTime.fromJSDate(facts.endsAt, { zone: facts.centre.timeZone }).toFormat('HH:mm');
  const offset = DateTime.fromJSDate(facts.startsAt, { zone: facts.centre.timeZone }).toFormat("'UTC'ZZ");
  const starts = localTime(facts.startsAt, facts.centre.timeZone, facts.language);
  const when = `${starts}–${ends} (${facts.centre.timeZone}, ${offset})`;
  const subjectTail = cancelled || facts.kind === 'rescheduled' ? when : facts.centre.name;

  // Sections as [heading, lines]; the text and HTML parts are both built from them.
  const sections: [string | null, string[]][] = [
    [null, [`${t.hello} ${facts.fullName}`, '', t.intro[facts.kind]]],
    [
      null,
      [
        `${t.when}: ${when}`,
        `${t.where}: ${facts.centre.name}, ${facts.centre.address}`,
        `${t.what}: ${facts.appointmentTypeName}`,
        `${t.reference}: ${facts.reference}`,
        ...(facts.kind === 'cancelled_by_centre' && cancelReasonIn(facts)
          ? [`${t.reason}: ${cancelReasonIn(facts)}`]
          : []),
      ],
    ],
  ];
  if (!cancelled) {
    const declared = facts.documents.map((type) => `- ${DOCUMENT_NAMES[type][facts.language]}`);
    sections.push([
      t.bring,
      [
        ...(declared.length ? [`${t.declared}:`, ...declared] : []),
        ...(facts.documentAdvice.sufficient
          ? [t.enough]
          : [`${t.missing}:`, ...facts.documentAdvice.missing.map((missing) => `- ${missing.text}`)]),
      ],
    ]);
    // A message about the witness always says what the witness must bring and may do.
    const advice = facts.witnessAdvice;
    if (advice.recommended || advice.required || facts.kind === 'witness_changed') {
      sections.push([
        t.witnessHeading,
        [
          ...(advice.required ? [t.witnessRequired] : advice.recommended ? [t.witnessRecommended] : []),
          ...facts.witnessAdvice.reasons.map((reason) => `- ${reason.text}`),
          t.witnessRules(facts.witnessMitidMinDays),
          ...(facts.hasWitness ? [t.witnessNamed] : []),
        ],
      ]);
    }
  }
  sections.push([
    null,
    [
      `${cancelled ? t.rebook : t.manage}: ${facts.manageUrl}`,
      ...(!cancelled && facts.manageCode ? [`${t.code}: ${facts.manageCode}`] : []),
      `${t.erhverv} ${facts.mitidErhvervUrl}`,
    ],
  ]);
  const { contactPhone, contactEmail } = facts.centre;
  const contact = [
    ...(contactPhone ? [`${t.phone} ${contactPhone}`] : []),
    ...(contactEmail ? [`${t.email} ${contactEmail}`] : []),
  ];
  if (contact.length) sections.push([null, [`${t.contact} ${facts.centre.name}: ${contact.join(', ')}`]]);
  sections.push([null, [t.closing, facts.centre.name]]);

  const text = sections
    .map(([heading, lines]) => [...(heading ? [heading] : []), ...lines].join('\n'))
    .join('\n\n');
  // The desk scans the reference off the receipt; a cancelled booking has nothing left to scan.
  const code = cancelled
    ? ''
    : `<p><img src="${receiptCodeDataUri(facts.reference)}" alt="${escapeHtml(`${t.reference}: ${facts.reference}`)}" width="132" height="132"></p>`;
  const html = `<!doctype html><html lang="${facts.language}"><body>${sections
    .map(
      ([heading, lines]) =>
        `${heading ? `<h3>${escapeHtml(heading)}</h3>` : ''}<p>${lines.map((line) => escapeHtml(line)).join('<br>')}</p>`,
    )
    .join('')}${code}</body></html>`;
  return { subject: `${t.subject[facts.kind]} ${subjectTail}`, text, html };
}
