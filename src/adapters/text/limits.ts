/** A file that went past one of the extraction limits, or could not be read: it gets no text view, with this reason. */
export class ExtractionRefused extends Error {}

/** Throws when the file's time is up: checked between pages and parts, so a slow file stops. */
export function checkDeadline(deadline: number, now = Date.now()): void {
  if (now > deadline) throw new ExtractionRefused('reading it took longer than the time limit');
}
