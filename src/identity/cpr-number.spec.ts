import { ageOn, centuryOf, maskCpr, parseCpr } from './cpr-number.js';

/** The old modulus 11 check, which numbers issued since 2007 may fail: here only to prove it is never applied. */
function passesModulus11(digits: string): boolean {
  const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  return [...digits].reduce((sum, digit, i) => sum + Number(digit) * weights[i], 0) % 11 === 0;
}

/** Parses input that must be accepted and returns the parsed value; fails the test with the reason otherwise. */
function accepted(input: string): { digits: string; birthDate: string } {
  const result = parseCpr(input);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to be accepted, got: ${result.reason}`);
  return result.value;
}

/** Parses input that must be refused and returns the reason. */
function refused(input: string): string {
  const result = parseCpr(input);
  if (result.ok)
    throw new Error(`expected ${JSON.stringify(input)} to be refused, got ${JSON.stringify(result.value)}`);
  return result.reason;
}

describe('centuryOf (CPR office table)', () => {
  it.each([
    [0, 0, 1900],
    [0, 99, 1900],
    [1, 36, 1900],
    [2, 37, 1900],
    [3, 57, 1900],
    [3, 58, 1900],
    [4, 0, 2000],
    [4, 36, 2000],
    [4, 37, 1900],
    [9, 36, 2000],
    [9, 37, 1900],
    [5, 57, 2000],
    [5, 58, 1800],
    [6, 57, 2000],
    [6, 58, 1800],
    [7, 57, 2000],
    [7, 58, 1800],
    [8, 57, 2000],
    [8, 58, 1800],
  ])('7th digit %i with YY %i → %i', (seventh, yy, century) => {
    expect(centuryOf(seventh, yy)).toBe(century);
  });
});

describe('parseCpr: century from the 7th digit and the year', () => {
  it.each([
    // 7th digit 0–3 → 19YY, whatever YY
    ['010190-0123', '1990-01-01'],
    ['150600-0123', '1900-06-15'],
    ['311236-1123', '1936-12-31'],
    ['010137-1123', '1937-01-01'],
    ['200557-2123', '1957-05-20'],
    ['200558-2123', '1958-05-20'],
    ['311299-3123', '1999-12-31'],
    ['010100-3123', '1900-01-01'],
    // 4 or 9 → 20YY if YY ≤ 36 else 19YY
    ['010100-4123', '2000-01-01'],
    ['311236-4123', '2036-12-31'],
    ['010137-4123', '1937-01-01'],
    ['311299-4123', '1999-12-31'],
    ['010100-9123', '2000-01-01'],
    ['311236-9123', '2036-12-31'],
    ['010137-9123', '1937-01-01'],
    ['311299-9123', '1999-12-31'],
    // 5–8 → 20YY if YY ≤ 57 else 18YY
    ['010100-5123', '2000-01-01'],
    ['311257-5123', '2057-12-31'],
    ['010158-5123', '1858-01-01'],
    ['311299-5123', '1899-12-31'],
    ['311257-6123', '2057-12-31'],
    ['010158-6123', '1858-01-01'],
    ['311257-7123', '2057-12-31'],
    ['010158-7123', '1858-01-01'],
    ['311257-8123', '2057-12-31'],
    ['010158-8123', '1858-01-01'],
    ['150699-8123', '1899-06-15'],
  ])('%s → born %s', (input, birthDate) => {
    expect(accepted(input)).toEqual({ digits: input.replace('-', ''), birthDate });
  });
});

describe('parseCpr: the date must exist', () => {
  it.each([
    ['290200-4123', '2000-02-29'],
    ['290200-9123', '2000-02-29'],
    ['290200-5123', '2000-02-29'],
    ['290296-1123', '1996-02-29'],
    ['290204-4123', '2004-02-29'],
    ['290256-5123', '2056-02-29'],
    ['290196-0123', '1996-01-29'],
    ['280297-1123', '1997-02-28'],
    ['310190-1123', '1990-01-31'],
    ['300490-1123', '1990-04-30'],
  ])('accepts %s → %s', (input, birthDate) => {
    expect(accepted(input).birthDate).toBe(birthDate);
  });

  it.each([
    ['290297-1234', '29 February 1997 (not a leap year)'],
    ['290200-1234', '29 February 1900 (7th digit 1: 1900 is not a leap year)'],
    ['290200-3234', '29 February 1900 (7th digit 3)'],
    ['290237-4234', '29 February 1937 (7th digit 4, YY 37)'],
    ['290258-5234', '29 February 1858 (7th digit 5, YY 58)'],
    ['290201-4234', '29 February 2001'],
    ['300290-1234', '30 February'],
    ['310490-1234', '31 April'],
    ['310690-1234', '31 June'],
    ['311190-1234', '31 November'],
    ['011390-1234', 'month 13'],
    ['010090-1234', 'month 00'],
    ['000190-1234', 'day 00'],
    ['320190-1234', 'day 32'],
    ['999999-9999', 'day 99, month 99'],
  ])('refuses %s (%s)', (input) => {
    expect(parseCpr(input).ok).toBe(false);
  });

  it('29 February with YY 00 depends on the 7th digit: 1900 refused, 2000 accepted', () => {
    expect(parseCpr('290100-1234').ok).toBe(true); // 29 January 1900, the control
    expect(parseCpr('290200-1234').ok).toBe(false);
    expect(accepted('290200-4234').birthDate).toBe('2000-02-29');
  });
});

describe('parseCpr: modulus 11 is not a reason to reject', () => {
  it.each(['0101901234', '3112994001', '1506578121', '2912969990', '0101005000', '1201094000'])(
    '%s fails modulus 11 and is accepted',
    (digits) => {
      expect(passesModulus11(digits)).toBe(false);
      const result = parseCpr(digits);
      expect(result.ok).toBe(true);
      expect(result.ok && result.value.digits).toBe(digits);
    },
  );

  it.each(['0101901238', '3112994008', '1506578120', '2912969994', '0101005003'])(
    '%s passes modulus 11 and is accepted',
    (digits) => {
      expect(passesModulus11(digits)).toBe(true);
      const result = parseCpr(digits);
      expect(result.ok).toBe(true);
      expect(result.ok && result.value.digits).toBe(digits);
    },
  );

  it('uses the weights 4,3,2,7,6,5,4,3,2,1', () => {
    // 0·4+1·3+0·2+1·7+9·6+0·5+1·4+2·3+3·2+8·1 = 88 = 8·11
    expect(passesModulus11('0101901238')).toBe(true);
    // changing the last digit by one moves the sum off a multiple of 11
    expect(passesModulus11('0101901239')).toBe(false);
  });
});

describe('parseCpr: input form', () => {
  it.each([
    ['010190-1234', '0101901234'],
    ['0101901234', '0101901234'],
    ['290200-4123', '2902004123'],
    ['2902004123', '2902004123'],
  ])('%s → digits %s', (input, digits) => {
    expect(accepted(input).digits).toBe(digits);
  });

  it('with and without hyphen give the same value', () => {
    expect(accepted('010190-1234')).toEqual(accepted('0101901234'));
    expect(accepted('311257-8123')).toEqual(accepted('3112578123'));
  });

  it.each([
    ['  010190-1234  '],
    ['\t0101901234\n'],
    [' 010190-1234'],
    ['010190-1234\r\n'],
    ['\u00a0010190-1234\u00a0'],
  ])('trims surrounding whitespace: %j', (input) => {
    expect(accepted(input)).toEqual({ digits: '0101901234', birthDate: '1990-01-01' });
  });

  it.each([
    ['', 'empty string'],
    ['   ', 'only whitespace'],
    ['abcdefghij', 'letters'],
    ['01019O1234', 'letter O for zero'],
    ['010190-12a4', 'letter in the serial'],
    ['010190123', '9 digits'],
    ['010190-123', '9 digits with hyphen'],
    ['01019012345', '11 digits'],
    ['010190-12345', '11 digits with hyphen'],
    ['010190--1234', 'two hyphens together'],
    ['01-0190-1234', 'two hyphens'],
    ['0101-901234', 'hyphen after 4 digits'],
    ['01019-01234', 'hyphen after 5 digits'],
    ['0101901-234', 'hyphen after 7 digits'],
    ['-0101901234', 'leading hyphen'],
    ['0101901234-', 'trailing hyphen'],
    ['010190 1234', 'space instead of hyphen'],
    ['010190/1234', 'slash instead of hyphen'],
    ['010190\u20131234', 'en dash instead of hyphen'],
    ['+0101901234', 'sign'],
    ['０１０１９０１２３４', 'full-width digits'],
    ['０１０１９０-１２３４', 'full-width digits with hyphen'],
    ['٠١٠١٩٠١٢٣٤', 'Arabic-Indic digits'],
    ['०१०१९०१२३४', 'Devanagari digits'],
  ])('refuses %j (%s)', (input) => {
    expect(parseCpr(input).ok).toBe(false);
  });

  it('\\d matches only ASCII digits in JavaScript, so non-ASCII digits never reach the date check', () => {
    expect(/^\d$/.test('０')).toBe(false);
    expect(/^\d$/.test('٣')).toBe(false);
    expect(/^\d$/u.test('٣')).toBe(false);
  });
});

describe('parseCpr: a date that does not exist is said so', () => {
  it.each([
    ['310290-1234', '31 February does not exist'],
    ['300290-1234', '30 February does not exist'],
    ['310490-1234', '31 April does not exist'],
    ['320190-1234', '32 January does not exist'],
    ['000190-1234', '0 January does not exist'],
    ['290290-1234', '29 February does not exist in that year (not a leap year)'],
    ['290200-1234', '29 February does not exist in that year (not a leap year)'], // 1900
    ['011390-1234', 'month 13 does not exist'],
    ['010090-1234', 'month 00 does not exist'],
    ['01019x-1234', 'must be 10 digits, DDMMYY-SSSS'],
  ])('%s → %s', (input, reason) => {
    expect(refused(input)).toBe(reason);
  });

  it('accepts 29 February in a leap year', () => {
    expect(accepted('290292-1234').birthDate).toBe('1992-02-29');
  });
});

describe('parseCpr: refusal reasons do not echo personal data', () => {
  it.each([
    ['0101901234x'],
    ['010190123'],
    ['01019012345'],
    ['01-0190-1234'],
    ['０１０１９０１２３４'],
    ['310490-5678'],
    ['290297-5678'],
    ['011390-5678'],
    ['000190-5678'],
    ['  310490-5678  '],
  ])('%j', (input) => {
    const reason = refused(input);
    expect(reason.trim()).not.toBe('');
    const trimmed = input.trim();
    const compact = trimmed.replace(/-/g, '');
    for (const fragment of [trimmed, compact, compact.slice(0, 6), compact.slice(-4)]) {
      expect(reason).not.toContain(fragment);
    }
    expect(reason).not.toMatch(/\d{4,}/);
  });
});

describe('ageOn', () => {
  it.each([
    ['2009-01-12', '2027-01-11', 17, 'the day before the 18th birthday'],
    ['2009-01-12', '2027-01-12', 18, 'the 18th birthday'],
    ['2009-01-12', '2027-01-13', 18, 'the day after the 18th birthday'],
    ['2009-01-12', '2026-12-31', 17, 'end of the year before'],
    ['2009-12-31', '2027-12-30', 17, 'the day before, late in the year'],
    ['2009-12-31', '2027-12-31', 18, 'the 18th birthday, late in the year'],
    ['2000-02-29', '2018-02-28', 17, '29 February birthday, 28 February of a non-leap year'],
    ['2000-02-29', '2018-03-01', 18, '29 February birthday turns 18 on 1 March of a non-leap year'],
    ['2000-02-29', '2020-02-28', 19, '29 February birthday, 28 February of a leap year'],
    ['2000-02-29', '2020-02-29', 20, '29 February birthday on 29 February'],
    ['1990-01-01', '1990-01-01', 0, 'the day of birth'],
  ])('born %s, on %s → %i (%s)', (birthDate, on, age) => {
    expect(ageOn(birthDate, on)).toBe(age);
  });

  it('works on the birth date parsed from a CPR number', () => {
    const { birthDate } = accepted('120109-4123');
    expect(birthDate).toBe('2009-01-12');
    expect(ageOn(birthDate, '2027-01-11')).toBe(17);
    expect(ageOn(birthDate, '2027-01-12')).toBe(18);
  });

  it('29 February 2000 from a CPR number turns 18 on 1 March 2018', () => {
    const { birthDate } = accepted('290200-4123');
    expect(ageOn(birthDate, '2018-02-28')).toBe(17);
    expect(ageOn(birthDate, '2018-03-01')).toBe(18);
  });
});

describe('maskCpr', () => {
  it.each([
    ['0101901234', '010190-XXXX'],
    ['2902004123', '290200-XXXX'],
    ['3112578123', '311257-XXXX'],
  ])('%s → %s', (digits, masked) => {
    expect(maskCpr(digits)).toBe(masked);
    expect(masked).toMatch(/^\d{6}-XXXX$/);
    expect(maskCpr(digits)).not.toContain(digits.slice(6));
  });

  it('masks the digits of a parsed number with or without hyphen alike', () => {
    expect(maskCpr(accepted('010190-1234').digits)).toBe('010190-XXXX');
    expect(maskCpr(accepted(' 0101901234 ').digits)).toBe('010190-XXXX');
  });
});
