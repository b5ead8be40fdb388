/** What a document is made of, as the text view shows it. */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; rows: string[][] };

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Blocks as HTML (every text escaped); the stored form moves headings down a level (see document-html.ts). */
export function blocksToHtml(blocks: Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
        case 'paragraph':
          return `<p>${escapeHtml(b.text)}</p>`;
        case 'list': {
          const tag = b.ordered ? 'ol' : 'ul';
          return `<${tag}>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`;
        }
        case 'table':
          return `<table><tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
      }
    })
    .join('\n');
}

/** Collects blocks up to a number of characters; past it the rest is dropped and `cut` is set. */
export class BlockCollector {
  readonly blocks: Block[] = [];
  cut = false;
  private chars = 0;
  constructor(private readonly maxChars: number) {}

  /** Adds a block; false once the limit is reached (stop reading). */
  add(block: Block): boolean {
    if (this.cut) return false;
    const size = block.kind === 'list' ? block.items.join('').length : block.kind === 'table' ? block.rows.flat().join('').length : block.text.length;
    if (size === 0) return true;
    if (this.chars + size > this.maxChars) {
      this.cut = true;
      return false;
    }
    this.chars += size;
    this.blocks.push(block);
    return true;
  }
}
