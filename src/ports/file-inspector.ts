/** What the bytes of an upload really are, whatever its name says. */
export interface InspectedFile {
  /** Detected from magic bytes; null when the format is not recognised. */
  mimeType: string | null;
  /** Canonical extension of the detected format, without the dot. */
  extension: string | null;
  width: number | null;
  height: number | null;
}

export interface FileInspector {
  inspect(bytes: Uint8Array): Promise<InspectedFile>;
}
