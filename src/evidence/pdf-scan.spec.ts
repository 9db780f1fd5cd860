import { PdfScanner } from './pdf-scan';

function scan(...chunks: string[]) {
  const scanner = new PdfScanner();
  for (const chunk of chunks) scanner.feed(Buffer.from(chunk, 'latin1'));
  return scanner.end();
}

describe('the PDF scanner', () => {
  const plain = '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n%%EOF\n';

  it('passes a plain PDF, and names that only begin like a risky one', () => {
    expect(scan(plain)).toBeNull();
    expect(scan('<< /JSON 1 /Launcher 2 /Encrypted 3 /JavaScriptish 4 >>')).toBeNull();
  });

  it('refuses JavaScript, a launch action and encryption', () => {
    expect(scan(plain, '3 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj')).toBe('pdf_active_content');
    expect(scan('<< /OpenAction << /S /Launch /F (cmd.exe) >> >>')).toBe('pdf_active_content');
    expect(scan('trailer << /Root 1 0 R /Encrypt 5 0 R >>')).toBe('pdf_encrypted');
  });

  it('decodes names spelled with #xx escapes', () => {
    expect(scan('<< /S /J#61vaScript >>')).toBe('pdf_active_content');
    expect(scan('<< /#4A#53 (x) >>')).toBe('pdf_active_content');
  });

  it('finds a name cut between two chunks, wherever the cut falls', () => {
    const text = `${plain}<< /S /JavaScript >>`;
    for (let cut = 1; cut < text.length; cut++) {
      expect([cut, scan(text.slice(0, cut), text.slice(cut))]).toEqual([cut, 'pdf_active_content']);
    }
  });

  it('finds a name at the very end of the file', () => {
    expect(scan('trailer << /Encrypt')).toBe('pdf_encrypted');
  });
});
