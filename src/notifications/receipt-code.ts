import QRCode from 'qrcode';

/**
 * The booking reference as a QR code in SVG, for the receipt: the desk scans it instead of typing it. Only the
 * reference goes in, never the manage token, so a photographed receipt cannot change the booking.
 */
export function receiptCodeSvg(reference: string): string {
  // Error correction M survives a creased printout; the reference is short, so the code stays small.
  const { modules } = QRCode.create(reference, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const size = modules.size + 2 * quiet;
  let path = '';
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) path += `M${col + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size * 4}" height="${size * 4}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}

/** The same code as an image source, for mail clients that show images but not inline SVG. */
export function receiptCodeDataUri(reference: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(receiptCodeSvg(reference)).toString('base64')}`;
}
