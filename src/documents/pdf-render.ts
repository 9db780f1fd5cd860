/**
 * HTML to PDF on a pooled Chromium page: A4, the footer (QR code, number, verification code,
 * page x / y) repeated by Chromium on every page. The HTML carries everything inline (styles,
 * the QR as SVG) and uses installed fonts only, so nothing is fetched over the network.
 */
import type { Page } from 'puppeteer-core';
import QRCode from 'qrcode';

export async function qrSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
  // Sized by its container in the footer.
  return svg.replace('<svg ', '<svg width="100%" height="100%" ');
}

export async function htmlToPdf(page: Page, html: string, footer: string): Promise<Buffer> {
  await page.setContent(html, { waitUntil: 'load' });
  const pdf = await page.pdf({
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: footer,
    margin: { top: '14mm', right: '14mm', bottom: '30mm', left: '14mm' },
  });
  return Buffer.from(pdf);
}
