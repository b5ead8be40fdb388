import type { Generated } from 'kysely';

/** Row types of journalist distribution (migration 2026120340-journalists); times are epoch ms. */
export interface JournalistListsTable {
  id: Generated<number>;
  name: string;
  created_at: number;
  updated_at: number;
}

export interface JournalistsTable {
  id: Generated<number>;
  list_id: number;
  name: string;
  outlet: string;
  email: string;
  language: string;
  /** 1 accredited (may receive embargoed releases), 0 not. */
  accredited: number;
  created_at: number;
  updated_at: number;
}

export interface EmbargoSendsTable {
  id: Generated<number>;
  release_id: number;
  edition_id: number;
  email: string;
  language: string;
  journalist_name: string;
  preview_link_id: number;
  outbox_id: number;
  /** The planned public time the journalist was last told (null: postponed, no time). */
  announced_public_at: number | null;
  /** 1 once the release is public and every notice is written. */
  settled: Generated<number>;
  created_by: number | null;
  created_at: number;
}

export interface JournalistTables {
  journalist_lists: JournalistListsTable;
  journalists: JournalistsTable;
  embargo_sends: EmbargoSendsTable;
}
