import type { ListedReleaseCursor } from '../../ports/public-catalog.js';

/** The opaque page cursor: base64url of `<firstPublishedAt ms>.<releaseId>`. */
export function encodeCursor(cursor: ListedReleaseCursor): string {
  return Buffer.from(`${cursor.firstPublishedAt.getTime()}.${cursor.releaseId}`, 'utf8').toString('base64url');
}

/** The cursor inside `text`, or null when it is not one this API gave out. */
export function decodeCursor(text: string): ListedReleaseCursor | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(text)) return null;
  const match = /^(\d{1,15})\.(\d{1,10})$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (!match) return null;
  const releaseId = Number(match[2]);
  if (releaseId > 2_147_483_647) return null;
  return { firstPublishedAt: new Date(Number(match[1])), releaseId };
}
