/** Generates the demo newsroom's files locally (no downloads): photos and PDF documents. */
export interface DemoAssets {
  photo(input: { label: string; hue: number; width: number; height: number }): Promise<Uint8Array>;
  pdf(input: { heading: string; lines: string[] }): Promise<Uint8Array>;
}
