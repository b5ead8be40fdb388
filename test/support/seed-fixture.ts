import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The seed page (one real scraped page of the ministry's board) lives outside the repository, in
 * `../shared/fixtures/`. A clone of the project alone has no `../shared`: tests that read the seed
 * skip with a one-line reason there, and fail under CI=true, where the file must be present.
 */
export const SEED_PATH = fileURLToPath(new URL('../../../shared/fixtures/mnd-en-press-release.txt', import.meta.url));

const isCI = process.env.CI === 'true' || process.env.CI === '1';
const present = existsSync(SEED_PATH);

/** `false` when the seed can be read (or under CI, where its absence must fail); else why the test skips. */
export const seedSkip: string | false = present || isCI ? false : 'seed fixture ../shared/fixtures/mnd-en-press-release.txt is absent (a clone of the project alone)';

/** The seed's text; under CI a missing seed throws, so the test that needs it fails. */
export function readSeed(): string {
  if (!present) throw new Error(`The seed fixture is missing at ${SEED_PATH} (CI=true requires ../shared beside the project).`);
  return readFileSync(SEED_PATH, 'utf8');
}

/** The seed's non-empty trimmed lines, or [] when it is absent (the tests that use them skip). */
export function seedLines(): string[] {
  return present ? readSeed().split('\n').map((l) => l.trim()).filter(Boolean) : [];
}
