import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ManifestEntry, StaticSiteDirectory } from '../../ports/static-site.js';

/** The manifest's name: a dot file, which common static servers do not serve by default. */
export const MANIFEST_FILE = '.pressroom-static.json';

/** A local directory holding a static copy of the public site. */
export function makeStaticSiteDirectory(root: string): StaticSiteDirectory {
  const base = resolve(root);
  const full = (path: string) => {
    const target = resolve(base, ...path.split('/'));
    const rel = relative(base, target);
    // The app checks paths already; this is the last line against writing outside the directory.
    if (rel === '' || isAbsolute(rel) || rel.split(sep).includes('..')) throw new Error(`Refusing a path outside the export directory: ${path}`);
    return target;
  };

  return {
    async readManifest() {
      let text: string;
      try {
        text = await readFile(join(base, MANIFEST_FILE), 'utf8');
      } catch {
        return new Map();
      }
      const parsed = JSON.parse(text) as { version?: number; files?: Record<string, ManifestEntry> };
      return new Map(Object.entries(parsed.files ?? {}));
    },
    async writeManifest(manifest) {
      await mkdir(base, { recursive: true });
      const files = Object.fromEntries([...manifest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      const tmp = join(base, `${MANIFEST_FILE}.${randomBytes(4).toString('hex')}.tmp`);
      await writeFile(tmp, `${JSON.stringify({ version: 1, files }, null, 1)}\n`);
      await rename(tmp, join(base, MANIFEST_FILE));
    },
    async hasFile(path, byteSize) {
      try {
        const s = await stat(full(path));
        return s.isFile() && s.size === byteSize;
      } catch {
        return false;
      }
    },
    async write(path, bytes) {
      const target = full(path);
      await mkdir(dirname(target), { recursive: true });
      // The temporary file sits in the root, so a name already at the file system's limit still fits.
      const tmp = join(base, `.tmp-${randomBytes(6).toString('hex')}`);
      try {
        await writeFile(tmp, bytes);
        await rename(tmp, target);
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
    },
    async remove(path) {
      const target = full(path);
      await rm(target, { force: true });
      // Empty parents go too (a release's directory once its page is gone), never the root itself.
      for (let dir = dirname(target); dir !== base && dir.startsWith(base + sep); dir = dirname(dir)) {
        try {
          await rmdir(dir);
        } catch {
          break;
        }
      }
    },
  };
}
