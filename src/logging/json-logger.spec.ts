import { Writable } from 'node:stream';
import { JsonLogger, redactCprNumbers } from './json-logger.js';

describe('redactCprNumbers', () => {
  it.each([
    ['/api/bookings/0101901234', '/api/bookings/[redacted]'],
    ['/api/bookings/010190-1234', '/api/bookings/[redacted]'],
    ['cpr 311299-4000 and 010101-0000', 'cpr [redacted] and [redacted]'],
    ['inside a longer run: 99010190123499', 'inside a longer run: 99[redacted]99'],
    ['two overlapping: 0101900101901234', 'two overlapping: [redacted]'],
    // ten digits that are no DDMMYY date stay readable
    ['/api/bookings/1234567890', '/api/bookings/1234567890'],
    ['order 9999999999', 'order 9999999999'],
    ['month 13: 0113901234', 'month 13: 0113901234'],
    ['day 32: 3201901234', 'day 32: 3201901234'],
    ['31 February: 3102901234', '31 February: 3102901234'],
    ['29 February 1990: 2902901234', '29 February 1990: 2902901234'],
    ['29 February 1992: 2902921234', '29 February 1992: [redacted]'],
    // 29 February 00 is real in 2000: redacted, whatever century the seventh digit gives
    ['29 February 00: 2902001234', '29 February 00: [redacted]'],
    ['nine digits 010190123', 'nine digits 010190123'],
    ['a uuid 3f0c8a5e-1b2d-4c7e-9a10-5b6c7d8e9f01', 'a uuid 3f0c8a5e-1b2d-4c7e-9a10-5b6c7d8e9f01'],
    ['responseTime 1796114461000', 'responseTime 1796114461000'],
    ['hyphen elsewhere 01019-01234', 'hyphen elsewhere 01019-01234'],
    ['', ''],
  ])('%j', (input, expected) => {
    expect(redactCprNumbers(input)).toBe(expected);
  });
});

describe('JsonLogger', () => {
  const capture = () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    return { lines, logger: new JsonLogger('info', stream) };
  };

  it('never writes a CPR number in a message or an object, and leaves other numbers alone', () => {
    const { lines, logger } = capture();
    logger.log('looked up 010190-1234 for order 1234567890', 'Test');
    logger.warn({ msg: 'nested', detail: { values: ['0101901234', 'id 9999999999'] } }, 'Test');
    logger.error(new Error('boom 0101901234'));
    const text = lines.join('\n');
    expect(text).not.toMatch(/0101901234|010190-1234/);
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toMatchObject([
      { msg: 'looked up [redacted] for order 1234567890', context: 'Test' },
      { msg: 'nested', detail: { values: ['[redacted]', 'id 9999999999'] } },
      { msg: 'Error' },
    ]);
  });
});
