import type { DocumentType } from './identity-documents.js';
import { pCodeRefusal } from './p-code.js';

const shown = (...documents: [DocumentType, boolean][]) =>
  documents.map(([type, valid]) => ({ type, valid }));

describe('pCodeRefusal', () => {
  it.each<[string, boolean, ReturnType<typeof shown> | undefined, boolean, RegExp | null]>([
    ['no identity check yet', false, undefined, false, /before an identity check/],
    ['no identity check yet, with CPR', true, undefined, false, /before an identity check/],
    ['valid foreign passport, no CPR', false, shown(['FOREIGN_PASSPORT', true]), false, null],
    ['valid foreign national ID card, no CPR', false, shown(['FOREIGN_NATIONAL_ID_CARD', true]), false, null],
    [
      'valid Danish passport without CPR, no CPR',
      false,
      shown(['DK_PASSPORT_WITHOUT_CPR', true]),
      false,
      null,
    ],
    ['valid Danish passport with CPR, no CPR', false, shown(['DK_PASSPORT_WITH_CPR', true]), false, null],
    ['expired foreign passport', false, shown(['FOREIGN_PASSPORT', false]), false, /no valid passport/],
    ['no documents at all', false, shown(), false, /no valid passport/],
    [
      'a Danish driving licence is not a passport',
      false,
      shown(['DK_DRIVING_LICENCE', true]),
      true,
      /no valid passport/,
    ],
    [
      'a foreign driving licence is not an ID card',
      false,
      shown(['FOREIGN_DRIVING_LICENCE', true]),
      false,
      /no valid passport/,
    ],
    [
      'a municipal ID card is not a national ID card',
      false,
      shown(['MUNICIPAL_ID_CARD', true]),
      false,
      /no valid passport/,
    ],
    [
      'a residence permit is not a passport',
      false,
      shown(['RESIDENCE_PERMIT_WITHOUT_CPR', true]),
      false,
      /no valid passport/,
    ],
    [
      'health card and certificate only',
      false,
      shown(['HEALTH_INSURANCE_CARD', true], ['RESIDENCE_CERTIFICATE', true]),
      false,
      /no valid passport/,
    ],
    [
      'an expired passport beside a valid ID card',
      false,
      shown(['FOREIGN_PASSPORT', false], ['FOREIGN_NATIONAL_ID_CARD', true]),
      false,
      null,
    ],
    [
      'with CPR, passport valid and identity established',
      true,
      shown(['FOREIGN_PASSPORT', true], ['HEALTH_INSURANCE_CARD', true]),
      true,
      null,
    ],
    [
      'with CPR, passport valid but identity not established',
      true,
      shown(['FOREIGN_PASSPORT', true]),
      false,
      /has a CPR number and the identity check has not established identity/,
    ],
    [
      'with CPR, identity established by a driving licence but no passport',
      true,
      shown(['DK_DRIVING_LICENCE', true]),
      true,
      /no valid passport/,
    ],
    [
      'with CPR, Danish passport with CPR and identity established',
      true,
      shown(['DK_PASSPORT_WITH_CPR', true]),
      true,
      null,
    ],
    [
      'without CPR, identity not established is no obstacle',
      false,
      shown(['FOREIGN_PASSPORT', true]),
      false,
      null,
    ],
  ])('%s', (_label, hasCprNumber, documents, identityEstablished, expected) => {
    const refusal = pCodeRefusal(hasCprNumber, documents && { documents, identityEstablished });
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(expected);
  });
});
