// turndown ships no types; this covers the part the importers use.
declare module 'turndown' {
  interface Options {
    headingStyle?: 'setext' | 'atx';
    hr?: string;
    bulletListMarker?: '-' | '+' | '*';
    codeBlockStyle?: 'indented' | 'fenced';
    emDelimiter?: '_' | '*';
    strongDelimiter?: '__' | '**';
  }
  export default class TurndownService {
    constructor(options?: Options);
    turndown(html: string): string;
    escape(text: string): string;
  }
}
