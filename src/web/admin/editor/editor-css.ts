import { hashedAsset } from './hashed-asset.js';

/** Styles of the controls the editor and upload scripts add; the scripts link it themselves. */
export const editorCss = hashedAsset(
  'admin-editor',
  'css',
  `.md-toolbar { display: flex; flex-wrap: wrap; gap: 0.25rem; margin: 0.25rem 0 0.5rem; }
.md-toolbar button { margin: 0; padding: 0.25rem 0.6rem; font-size: 0.9rem; }
.live-preview { border: 1px solid #6f777b; padding: 0.5rem 1rem; margin: 0 0 1.5rem; }
.live-preview h2 { font-size: 1rem; margin: 0 0 0.5rem; }
.drop-zone { border: 2px dashed #505a5f; }
.drop-zone-active { border-color: #1d70b8; background: #eef4fb; }
.upload-progress { list-style: none; padding: 0; }
.upload-progress li { margin: 0.25rem 0; }
.upload-progress progress { width: 12rem; margin: 0 0.5rem; vertical-align: middle; }
.upload-refused .upload-state { color: #b3261e; font-weight: bold; }
`,
);
