import type { CdnPurger } from '../../ports/cdn-purger.js';

/** No shared cache in front (the default): nothing to purge. */
export function makeNoopCdnPurger(): CdnPurger {
  return { purge: async () => undefined };
}
