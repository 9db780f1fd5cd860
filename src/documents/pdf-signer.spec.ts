/**
 * The signer with both kinds of key a certificate may carry — ECDSA P-256 (the development
 * certificate) and RSA — checked by poppler's pdfsig as a PDF reader would: valid signature, the
 * signer's name, ETSI.CAdES.detached; and an altered byte breaks it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PdfSigner } from './pdf-signer';

/** A one-page PDF with a correct cross-reference table. */
function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 44 >>\nstream\nBT /F1 24 Tf 72 720 Td (Adl test) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('PDF signer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'adl-signer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const keys: [string, string[]][] = [
    ['ECDSA P-256', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']],
    ['RSA 3072', ['-newkey', 'rsa:3072']],
  ];
  it.each(keys)('signs with an %s key so that a reader validates it and names the signer', (name, keyArgs) => {
    const base = join(dir, name.replace(/\W/g, ''));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        ...keyArgs,
        '-sha256',
        '-days',
        '30',
        '-nodes',
        '-subj',
        `/C=SA/O=Adl/CN=Adl Test ${name}`,
        '-keyout',
        `${base}.key`,
        '-out',
        `${base}.crt`,
      ],
      { stdio: 'ignore' },
    );
    execFileSync(
      'openssl',
      ['pkcs12', '-export', '-inkey', `${base}.key`, '-in', `${base}.crt`, '-passout', 'pass:test-pass', '-out', `${base}.p12`],
      { stdio: 'ignore' },
    );

    const signer = new PdfSigner(`${base}.p12`, 'test-pass');
    expect(signer.identity.signerName).toBe(`Adl Test ${name}`);
    expect(signer.identity.notAfter.getTime()).toBeGreaterThan(Date.now());
    return signer.sign(tinyPdf(), { reason: 'test', signingTime: new Date() }).then((signed) => {
      writeFileSync(`${base}.pdf`, signed);
      const report = execFileSync('pdfsig', [`${base}.pdf`], { encoding: 'utf8' });
      expect(report).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain(`Signer Certificate Common Name: Adl Test ${name}`);
      expect(report).toContain('ETSI.CAdES.detached');

      // One byte of the signed content changed: the reader must say so.
      const tampered = Buffer.from(signed);
      const at = tampered.indexOf('Adl test');
      tampered[at] = 'B'.charCodeAt(0);
      writeFileSync(`${base}.tampered.pdf`, tampered);
      const tamperedReport = (() => {
        try {
          return execFileSync('pdfsig', [`${base}.tampered.pdf`], { encoding: 'utf8' });
        } catch (err) {
          // pdfsig exits non-zero on a broken signature; its report is still on stdout.
          return String((err as { stdout?: string }).stdout ?? '');
        }
      })();
      expect(tamperedReport).not.toContain('Signature is Valid.');
    });
  });
});
