import { docx, jpeg, MIME, pdf, png, zip } from '../../test/factories/files';
import { decideType, safeFileName } from './file-types';

const head = (b: Buffer) => new Uint8Array(b);

describe('the type of an upload', () => {
  it.each([
    ['a PDF', pdf(), MIME.pdf, 'claim.pdf'],
    ['a PNG', png(), MIME.png, 'photo.PNG'],
    ['a JPEG', jpeg(), MIME.jpeg, 'photo.jpeg'],
    ['a JPEG named .jpg', jpeg(), MIME.jpeg, 'photo.jpg'],
    ['a Word document', docx(), MIME.docx, 'memo.docx'],
  ])('takes %s whose bytes, declared type and extension agree', async (_what, bytes, mime, name) => {
    expect(await decideType(head(bytes), mime, name)).toEqual({ type: expect.objectContaining({ mime }) });
  });

  it('refuses what is not on the list, whatever it claims to be', async () => {
    expect(await decideType(head(zip()), MIME.pdf, 'claim.pdf')).toEqual({ reason: 'type_not_allowed' });
    expect(await decideType(head(Buffer.from('just text, named as a PDF')), MIME.pdf, 'claim.pdf')).toEqual({ reason: 'type_not_allowed' });
    expect(await decideType(head(Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1')), MIME.pdf, 'a.pdf')).toEqual({
      reason: 'type_not_allowed',
    });
  });

  it('refuses bytes of one allowed type declared or named as another', async () => {
    expect(await decideType(head(png()), MIME.pdf, 'photo.png')).toEqual({ reason: 'type_mismatch' });
    expect(await decideType(head(png()), MIME.png, 'photo.pdf')).toEqual({ reason: 'type_mismatch' });
    expect(await decideType(head(pdf()), MIME.pdf, 'claim')).toEqual({ reason: 'type_mismatch' });
  });

  it('keeps the last segment of a file name, without control characters or quotes', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\x\\عقد "الإيجار".pdf')).toBe('عقد الإيجار.pdf');
    expect(safeFileName('a\u0000b\nc.pdf')).toBe('abc.pdf');
    expect(safeFileName('   ')).toBe('file');
  });
});
