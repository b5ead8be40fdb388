/** Generates the demo newsroom's files locally (no downloads): photos, PDF and HWPX documents. */
export interface DemoAssets {
  photo(input: { label: string; hue: number; width: number; height: number }): Promise<Uint8Array>;
  pdf(input: { heading: string; lines: string[] }): Promise<Uint8Array>;
  /** An HWPX document (Hangul's OWPML zip): an outline heading and one paragraph per line; Korean allowed (#19). */
  hwpx(input: { heading: string; lines: string[] }): Promise<Uint8Array>;
}
