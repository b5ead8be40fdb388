import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hashedAsset } from './hashed-asset.js';

const require = createRequire(import.meta.url);

/**
 * turndown's own browser build (a plain script that defines `TurndownService`), served as is from
 * /assets: the paste clean-up in the editor script uses it, and nothing is bundled.
 */
export const turndownScript = hashedAsset('turndown', 'js', readFileSync(require.resolve('turndown/dist/turndown.js')));
