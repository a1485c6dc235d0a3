import jsqr from 'jsqr';
import { receiptCodeDataUri, receiptCodeSvg } from './receipt-code.js';
import { renderMessage } from './message-templates.js';
import type { MessageFacts } from './message-templates.js';

// jsqr is CommonJS whose types say `export default`: under NodeNext the function is its `default`.
const jsQR = jsqr.default;
const SCALE = 6;

/** Rasterises the code's SVG (squares of one module each) to RGBA pixels, as a camera would see a print. */
function rasterise(svg: string): { pixels: Uint8ClampedArray; width: number } {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)![1]);
  const width = size * SCALE;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y] of svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < SCALE; dy++) {
      for (let dx = 0; dx < SCALE; dx++) {
        const offset = ((Number(y) * SCALE + dy) * width + Number(x) * SCALE + dx) * 4;
        pixels.fill(0, offset, offset + 3);
      }
    }
  }
  return { pixels, width };
}

const decode = (svg: string) => {
  const { pixels, width } = rasterise(svg);
  return jsQR(pixels, width, width)?.data;
};

describe('the receipt QR code', () => {
  it.each(['K7MQ-4X9T', 'ABCD-2345', 'ZZZZ-0000'])(
    'decodes to the booking reference %s and nothing else',
    (reference) => {
      expect(decode(receiptCodeSvg(reference))).toBe(reference);
    },
  );

  it('is a different code for a different reference (the decoder is not reading something constant)', () => {
    expect(receiptCodeSvg('K7MQ-4X9T')).not.toBe(receiptCodeSvg('K7MQ-4X9U'));
    expect(decode(receiptCodeSvg('K7MQ-4X9U'))).toBe('K7MQ-4X9U');
  });

  it('is in the confirmation e-mail as an image of the reference only, never the manage token', () => {
    const facts = {
      kind: 'confirmation',
      language: 'da',
      fullName: 'Karen Jensen',
      reference: 'ABCD-2345',
      manageUrl: 'http://localhost:3000/bookings/ABCD-2345#token=secret-manage-token',
      centre: {
        name: 'Borgerservice Testby',
        address: 'Torvet 1, 9999 Testby',
        timeZone: 'Europe/Copenhagen',
      },
      appointmentTypeName: 'Ny MitID',
      startsAt: new Date('2027-03-01T08:15:00Z'),
      endsAt: new Date('2027-03-01T08:30:00Z'),
      documents: ['DK_DRIVING_LICENCE'],
      documentAdvice: { sufficient: true, missing: [] },
      witnessAdvice: { recommended: false, required: false, reasons: [] },
      hasWitness: false,
      cancelReasonCode: null,
      cancelReason: null,
      witnessMitidMinDays: 30,
      mitidErhvervUrl: 'https://www.mitid-erhverv.dk',
    } satisfies MessageFacts;
    const { html, text } = renderMessage(facts);
    const image = /<img src="(data:image\/svg\+xml;base64,[^"]+)" alt="([^"]+)"/.exec(html);
    expect(image?.[1]).toBe(receiptCodeDataUri('ABCD-2345'));
    expect(image?.[2]).toContain('ABCD-2345');
    const svg = Buffer.from(image![1].split(',')[1], 'base64').toString('utf8');
    expect(decode(svg)).toBe('ABCD-2345');
    expect(text).not.toContain('data:image');
    const cancelled = renderMessage({ ...facts, kind: 'cancelled_by_citizen' });
    expect(cancelled.html).not.toContain('data:image');
  });
});
