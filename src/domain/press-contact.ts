import type { Language } from './language.js';

/** A press contact of the directory (#16): kept once, picked on releases, shown with its current details. */
export interface DirectoryContact {
  id: number;
  /** The language its details are written in (a Korean and an English entry for one person is normal). */
  language: Language;
  name: string;
  /** Role or title: "Deputy Spokesperson", "대변인실 사무관". */
  role: string;
  phone: string;
  email: string;
  createdAt: Date;
  updatedAt: Date;
}

/** What staff type for a directory entry. */
export type DirectoryContactFields = Pick<DirectoryContact, 'language' | 'name' | 'role' | 'phone' | 'email'>;

export const CONTACT_LIMITS = { nameMaxChars: 120, roleMaxChars: 120, phoneMaxChars: 60, emailMaxChars: 320 } as const;
