import { rendersDocuments } from './heap-policy';

describe('heap policy', () => {
  it('applies to the processes that render documents, not to the API alone', () => {
    expect(rendersDocuments(['--worker'])).toBe(true);
    expect(rendersDocuments([])).toBe(true); // API and worker in one process
    expect(rendersDocuments(['--api'])).toBe(false);
  });
});
