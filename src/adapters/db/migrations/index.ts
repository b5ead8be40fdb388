import type { Migration } from 'kysely';
import * as foundation from './2026112801-foundation.js';
import * as editorial from './2026112802-editorial.js';
import * as accounts from './2026112803-accounts.js';
import * as derivatives from './2026112804-derivatives.js';
import * as search from './2026112805-search.js';
import * as apiTokens from './2026112806-api-tokens.js';
import * as importSources from './2026112807-import-sources.js';
import * as translations from './2026112808-translations.js';
import * as searchFilters from './2026112809-search-filters.js';
import * as searchWalks from './2026112901-search-walks.js';
import * as durableBackgroundWork from './2026120312-durable-background-work.js';
import * as contentRemoval from './2026120313-content-removal.js';
import * as distribution from './2026120320-distribution.js';
import * as attachmentTexts from './2026120330-attachment-texts.js';
import * as journalists from './2026120340-journalists.js';
import * as webhooksNotifications from './2026120350-webhooks-notifications.js';
import * as rateWindows from './2026120402-rate-windows.js';
import * as subscriptionPages from './2026120406-subscription-pages.js';
import * as editionReviewer from './2026120410-edition-reviewer.js';
import * as staffInvitations from './2026120412-staff-invitations.js';
import * as readership from './2026120414-readership.js';
import * as pressContacts from './2026120416-press-contacts.js';
import * as autosaveRevisions from './2026120418-autosave-revisions.js';

/** Every migration, in order. Immutable once landed: add a new file instead of editing one. */
export const migrations: Record<string, Migration> = {
  '2026112801-foundation': foundation,
  '2026112802-editorial': editorial,
  '2026112803-accounts': accounts,
  '2026112804-derivatives': derivatives,
  '2026112805-search': search,
  '2026112806-api-tokens': apiTokens,
  '2026112807-import-sources': importSources,
  '2026112808-translations': translations,
  '2026112809-search-filters': searchFilters,
  '2026112901-search-walks': searchWalks,
  '2026120312-durable-background-work': durableBackgroundWork,
  '2026120313-content-removal': contentRemoval,
  '2026120320-distribution': distribution,
  '2026120330-attachment-texts': attachmentTexts,
  '2026120340-journalists': journalists,
  '2026120350-webhooks-notifications': webhooksNotifications,
  '2026120402-rate-windows': rateWindows,
  '2026120406-subscription-pages': subscriptionPages,
  '2026120410-edition-reviewer': editionReviewer,
  '2026120412-staff-invitations': staffInvitations,
  '2026120414-readership': readership,
  '2026120416-press-contacts': pressContacts,
  '2026120418-autosave-revisions': autosaveRevisions,
};
