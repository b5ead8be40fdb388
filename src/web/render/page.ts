import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Renders a full HTML document from a view. */
export function renderPage(view: VNode): string {
  return `<!doctype html>${renderToString(view)}`;
}
