import { autosaveScript } from './autosave-script.js';
import { editorCss } from './editor-css.js';
import { editorScript } from './editor-script.js';
import { turndownScript } from './turndown-asset.js';
import { uploadScript } from './upload-script.js';
import type { MessageKey, Translate } from '../../i18n/messages.js';

const EDITOR_KEYS: MessageKey[] = ['adminEditorBold', 'adminEditorItalic', 'adminEditorHeading', 'adminEditorBulletedlist', 'adminEditorNumberedlist', 'adminEditorLink', 'adminEditorQuote', 'adminEditorBoldText', 'adminEditorItalicText', 'adminEditorFormatting', 'adminEditorLivePreview', 'adminEditorNothingYet', 'adminEditorPreviewDown'];
const UPLOAD_KEYS: MessageKey[] = ['adminUploadDrop', 'adminUploadRefused', 'adminUploadDone', 'adminUploadNotAttached', 'adminUploadConnection', 'adminUploadingOne', 'adminUploadingMany', 'adminUploadOf', 'adminUploadWaiting', 'adminUploadUploading', 'adminUploadAllDone', 'adminUploadSomeFailed', 'adminUploadShowAttached'];

/**
 * The scripts' words in the staff member's language, as raw templates ({count}, {name}: the script
 * fills them in). The scripts keep English fallbacks, so a stale cached page still works.
 */
function scriptMessages(t: Translate, keys: MessageKey[]): string {
  const raw = new Proxy({}, { get: (_target, name) => `{${String(name)}}` }) as Record<string, string>;
  return JSON.stringify(Object.fromEntries(keys.map((key) => [key, t(key, raw)])));
}

/** The body field's enhancements (toolbar, live preview, paste clean-up); turndown loads first. */
export function EditorScripts(props: { t: Translate }) {
  return (
    <>
      <script src={turndownScript.href} defer />
      <script src={editorScript.href} defer data-preview="/admin/preview" data-css={editorCss.href} data-messages={scriptMessages(props.t, EDITOR_KEYS)} />
    </>
  );
}

/** The upload form's enhancements (drop zone, a progress bar per file). */
export function UploadScript(props: { t: Translate }) {
  return <script src={uploadScript.href} defer data-css={editorCss.href} data-messages={scriptMessages(props.t, UPLOAD_KEYS)} />;
}

const AUTOSAVE_KEYS: MessageKey[] = ['adminAutosaveSavedAt', 'adminAutosaveSaving', 'adminAutosaveUnsaved', 'adminAutosaveFailed', 'adminAutosaveOffline', 'adminAutosaveConflict', 'adminAutosaveHint', 'adminLeaveWarning'];

/** The draft editor's autosave and leave warning (#16); the form names its endpoint in data-autosave. */
export function AutosaveScript(props: { t: Translate }) {
  return <script src={autosaveScript.href} defer data-messages={scriptMessages(props.t, AUTOSAVE_KEYS)} />;
}
