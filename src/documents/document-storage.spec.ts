import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDocumentStorage } from './document-storage';

describe('LocalDocumentStorage', () => {
  let root: string;
  let storage: LocalDocumentStorage;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'dualroute-storage-'));
    storage = new LocalDocumentStorage(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('stores, reads and streams bytes under a key, leaving no temporary file', async () => {
    const bytes = Buffer.from('%PDF-1.7 test');
    await storage.put('agreements/a1/v1-signed-abc.pdf', bytes);
    expect(await storage.get('agreements/a1/v1-signed-abc.pdf')).toEqual(bytes);
    expect(await storage.exists('agreements/a1/v1-signed-abc.pdf')).toBe(true);
    expect(await storage.exists('agreements/a1/other.pdf')).toBe(false);
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.stream('agreements/a1/v1-signed-abc.pdf'))
      chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(bytes);
    expect(await readdir(join(root, 'agreements', 'a1'))).toEqual(['v1-signed-abc.pdf']);
  });

  it('writing the same key again replaces it whole (a retried job writes the same bytes)', async () => {
    await storage.put('k/x.pdf', Buffer.from('one'));
    await storage.put('k/x.pdf', Buffer.from('one'));
    expect((await storage.get('k/x.pdf')).toString()).toBe('one');
    expect(await readdir(join(root, 'k'))).toEqual(['x.pdf']);
  });

  it('refuses keys that leave its directory', async () => {
    for (const key of ['../escape.pdf', 'a/../../escape.pdf', '/etc/passwd', '', 'a/./../..']) {
      await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(/Invalid storage key/);
    }
  });

  it('removes the temporary files of writers killed mid-write, but not a fresh one (a write in progress)', async () => {
    await storage.put('agreements/a1/v1-signed-abc.pdf', Buffer.from('kept'));
    await mkdir(join(root, 'agreements', 'a2'), { recursive: true });
    const abandoned = [
      join(root, 'agreements', 'a1', 'v1-signed-abc.pdf.0b7c.tmp'),
      join(root, 'agreements', 'a2', 'v3-preview-def.pdf.9f1e.tmp'),
    ];
    const inProgress = join(root, 'agreements', 'a2', 'v4-preview-123.pdf.77aa.tmp');
    for (const path of [...abandoned, inProgress]) await writeFile(path, 'half a pdf');
    const anHourAgo = new Date(Date.now() - 3600_000);
    for (const path of abandoned) await utimes(path, anHourAgo, anHourAgo);

    await expect(storage.removeAbandonedWrites(10 * 60_000)).resolves.toBe(2);
    expect(await readdir(join(root, 'agreements', 'a1'))).toEqual(['v1-signed-abc.pdf']);
    expect(await readdir(join(root, 'agreements', 'a2'))).toEqual(['v4-preview-123.pdf.77aa.tmp']);
    await expect(new LocalDocumentStorage(join(root, 'missing')).removeAbandonedWrites(0)).resolves.toBe(0);
  });
});
