export interface PreviewLink {
  id: number;
  releaseId: number;
  recipient: string;
  createdBy: number | null;
  createdAt: Date;
  revokedAt: Date | null;
  lastOpenedAt: Date | null;
  openCount: number;
}

/** Secret per-recipient links to an embargoed release; only the token's SHA-256 is stored. */
export interface PreviewLinkRepo {
  create(input: { releaseId: number; tokenHash: string; recipient: string; createdBy: number | null; createdAt: Date }): Promise<PreviewLink>;
  byTokenHash(tokenHash: string): Promise<PreviewLink | null>;
  get(id: number): Promise<PreviewLink | null>;
  listFor(releaseId: number): Promise<PreviewLink[]>;
  revoke(id: number, at: Date): Promise<void>;
  recordOpen(id: number, at: Date): Promise<void>;
}
