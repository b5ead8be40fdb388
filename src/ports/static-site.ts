import type { Language } from '../domain/language.js';

/** One response of the public site as a reader's browser would get it (GET, no cookies). */
export interface RenderedResponse {
  status: number;
  /** The Content-Type header, or null. */
  contentType: string | null;
  /** The Location header of a redirect, or null. */
  location: string | null;
  body: Buffer;
}

/** The live public site, asked one path at a time (in-process, no network). */
export interface SiteRenderer {
  /** GET, or HEAD (status and headers only) to confirm a file is still public without reading it. */
  get(path: string, method?: 'GET' | 'HEAD'): Promise<RenderedResponse>;
}

/** A release whose public page exists now: listed, or withdrawn (its page keeps a notice). */
export interface PublicReleasePage {
  releaseId: number;
  boardSlug: string;
  language: Language;
  number: number;
}

/** The public release pages, by the one visibility rule (pages of withdrawn releases included). */
export interface PublicPageIndex {
  /** Release pages after `afterReleaseId`, in release id order, `limit` at a time. */
  releasePages(now: Date, afterReleaseId: number, limit: number): Promise<PublicReleasePage[]>;
}

/** What the manifest keeps per written file. */
export interface ManifestEntry {
  sha256: string;
  byteSize: number;
}

/**
 * The directory a static copy of the site is written to. Paths are relative, '/'-separated and
 * already checked to stay inside it. A manifest records what this export wrote (path -> SHA-256),
 * so a later run rewrites only what changed and removes only files it wrote itself.
 */
export interface StaticSiteDirectory {
  readManifest(): Promise<Map<string, ManifestEntry>>;
  writeManifest(manifest: Map<string, ManifestEntry>): Promise<void>;
  /** Whether the file exists with this many bytes (a cheap check that it was not deleted or cut). */
  hasFile(path: string, byteSize: number): Promise<boolean>;
  /** Writes atomically (temporary file, then rename): a server reading the directory never sees half a file. */
  write(path: string, bytes: Buffer): Promise<void>;
  /** Removes the file, then its parent directories while they are empty. */
  remove(path: string): Promise<void>;
}
