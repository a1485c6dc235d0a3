import { receiptCodeSvg } from '../../notifications/index.js';

/**
 * The booking reference's QR code, written into the page as SVG (no image source for the CSP to allow). The SVG is
 * hidden from assistive technology: the element around it names it, and the reference stands in text beside it.
 */
export function receiptCode(reference: string): string {
  return receiptCodeSvg(reference).replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
}
