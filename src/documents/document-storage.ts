import { Readable } from 'node:stream';
import { constants } from 'node:fs';
import { access, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { randomUUID } from 'node:crypto';

/**
 * Where document bytes live. Keys are paths like `agreements/<id>/v2-signed.pdf`; a key is
 * written once with the same bytes however often a job retries, so `put` must be idempotent.
 * A local directory is the default; an object store (S3 and the like) implements the same four.
 */
export interface DocumentStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Buffer>;
  stream(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** Removes a key; a missing key is fine. */
  remove(key: string): Promise<void>;
  /** Removes what writers killed mid-write left behind, older than `olderThanMs`; returns how many. */
  removeAbandonedWrites(olderThanMs: number): Promise<number>;
}

/** The stored bytes of a key are gone (e.g. a volume not shared between API and worker). */
export class DocumentContentMissingError extends Error {}

export const DOCUMENT_STORAGE = Symbol('DOCUMENT_STORAGE');

const KEY = /^[a-z0-9][a-z0-9/._-]*$/i;

/** Files under one directory; writes go to a temporary file, are fsynced, then renamed into place. */
export class LocalDocumentStorage implements DocumentStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${randomUUID()}.tmp`;
    const file = await open(temporary, 'wx');
    try {
      await file.writeFile(bytes);
      await file.sync();
    } catch (error) {
      await file.close();
      await rm(temporary, { force: true });
      throw error;
    }
    await file.close();
    // rename is atomic: a reader sees the old file or the whole new one, never half of it.
    await rename(temporary, path).catch(async (error) => {
      await rm(temporary, { force: true });
      throw error;
    });
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.path(key));
  }

  async stream(key: string): Promise<Readable> {
    const file = await open(this.path(key), 'r').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT'
        ? new DocumentContentMissingError(`No stored content at ${key}`)
        : error;
    });
    return file.createReadStream();
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  /** Temporary files (`*.tmp`) of writers killed between open and rename. */
  async removeAbandonedWrites(olderThanMs: number): Promise<number> {
    const entries = await readdir(this.root, { recursive: true, withFileTypes: true }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      },
    );
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.endsWith('.tmp')) continue;
      const path = join(entry.parentPath, entry.name);
      // A fresh one may belong to a write in progress (this or another worker's).
      const info = await stat(path).catch(() => null);
      if (!info || info.mtimeMs > cutoff) continue;
      await rm(path, { force: true });
      removed += 1;
    }
    return removed;
  }

  async exists(key: string): Promise<boolean> {
    return access(this.path(key), constants.R_OK).then(
      () => true,
      () => false,
    );
  }

  private path(key: string): string {
    if (!KEY.test(key) || key.split('/').includes('..'))
      throw new Error(`Invalid storage key ${key}`);
    const path = resolve(join(this.root, key));
    if (!path.startsWith(this.root + sep)) throw new Error(`Invalid storage key ${key}`);
    return path;
  }
}
