import { editorCss } from './editor-css.js';
import { editorScript } from './editor-script.js';
import { turndownScript } from './turndown-asset.js';
import { uploadScript } from './upload-script.js';

/** The body field's enhancements (toolbar, live preview, paste clean-up); turndown loads first. */
export function EditorScripts() {
  return (
    <>
      <script src={turndownScript.href} defer />
      <script src={editorScript.href} defer data-preview="/admin/preview" data-css={editorCss.href} />
    </>
  );
}

/** The upload form's enhancements (drop zone, a progress bar per file). */
export function UploadScript() {
  return <script src={uploadScript.href} defer data-css={editorCss.href} />;
}
