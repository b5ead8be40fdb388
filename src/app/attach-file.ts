import { Readable } from 'node:stream';
import { isExtractable } from '../domain/attachment-text.js';
import { attachmentKind, DERIVATIVE_WIDTHS, safeFileName, type Attachment, type ImageDerivative } from '../domain/attachment.js';
import { InvalidStateError, NotFoundError, StorageUnavailableError, UnsupportedFileError } from '../domain/errors.js';
import type { Clock } from '../ports/clock.js';
import type { FileInspector } from '../ports/file-inspector.js';
import type { FileStore, StagedFile, StoredFile } from '../ports/file-store.js';
import type { ImageProcessor, ImageSize } from '../ports/image-processor.js';
import type { TxRepos, UnitOfWork } from '../ports/unit-of-work.js';
import { attachmentTextSchema } from './edit-attachments.js';
import { validate } from './validate.js';
import { checkUpload, DEFAULT_ALLOWED_TYPES, DEFAULT_UPLOAD_MAX_BYTES, tooLarge } from './upload-checks.js';
import { SYSTEM_ACTOR, type StaffActor } from './workflow/actor.js';
import { auditRelease, loadForAction } from './workflow/load-for-action.js';

export { DEFAULT_ALLOWED_TYPES, DEFAULT_UPLOAD_MAX_BYTES } from './upload-checks.js';

const SYSTEM_IMPORT: StaffActor = { ...SYSTEM_ACTOR, label: 'system:import' };

interface AttachFileCommon {
  editionId: number;
  fileName: string;
  caption?: string;
  credit?: string;
  altText?: string;
  /** Who attaches it, for the permission check and the audit trail; a system import when absent. */
  actor?: StaffActor;
  /** A lower limit for this call (the web server's configured upload limit); never raises the composed one. */
  maxBytes?: number;
}

/** The bytes in hand (demo data, tests), or a stream of them (an upload in flight, never held whole). */
export type AttachFileInput = AttachFileCommon & ({ bytes: Uint8Array; stream?: never } | { stream: Readable; bytes?: never });

export interface AttachFileDeps {
  uow: UnitOfWork;
  clock: Clock;
  files: FileStore;
  inspector: FileInspector;
  images: ImageProcessor;
  allowedTypes?: readonly string[];
  /** Largest accepted file in bytes. */
  maxBytes?: number;
}

/** The draft edition that may take files: the latest edition of its release, editable by the actor. */
async function editableEdition(tx: TxRepos, editionId: number, actor: StaffActor) {
  const edition = await tx.editions.getEdition(editionId);
  if (!edition) throw new NotFoundError(`No edition ${editionId}`);
  const loaded = await loadForAction(tx, edition.releaseId, 'edit', actor);
  if (loaded.edition.id !== edition.id) throw new InvalidStateError('Only the latest edition takes files', [{ code: 'not_latest_edition', message: 'Attach files to the current draft' }]);
  return loaded;
}

/** Counts the bytes as they pass and fails the stream as soon as there are more than `max`. */
async function* limited(source: AsyncIterable<Uint8Array>, max: number, fileName: string): AsyncGenerator<Uint8Array> {
  let size = 0;
  for await (const chunk of source) {
    size += chunk.byteLength;
    if (size > max) throw tooLarge(fileName, max);
    yield chunk;
  }
}

/**
 * Stores a file and attaches it to a draft edition. The upload streams to the store's temporary
 * area (counted; over the limit it is aborted and nothing is left), its type is decided by its
 * bytes, not its name, and only then is it kept: a document as it is, a photo re-encoded without
 * its metadata (so no GPS position survives) plus WebP copies for the page. A refused file leaves
 * nothing behind. One command for the admin upload, the demo seed and tests.
 */
export function makeAttachFile(deps: AttachFileDeps) {
  const allowed = new Set(deps.allowedTypes ?? DEFAULT_ALLOWED_TYPES);
  const composedMax = deps.maxBytes ?? DEFAULT_UPLOAD_MAX_BYTES;

  async function keepImage(staged: StagedFile, mimeType: string, fileName: string): Promise<{ stored: StoredFile; size: ImageSize; derivatives: ImageDerivative[] }> {
    try {
      const original = deps.images.sanitise(staged.read(), mimeType);
      const stored = await deps.files.put(original.stream);
      const size = original.size();
      if (!size) throw new Error('no image size');
      const derivatives: ImageDerivative[] = [];
      for (const width of DERIVATIVE_WIDTHS.filter((w) => w < size.width)) {
        const copy = deps.images.webp(deps.files.read(stored.sha256), mimeType, width);
        const kept = await deps.files.put(copy.stream);
        const copySize = copy.size() ?? { width, height: Math.round((size.height * width) / size.width) };
        derivatives.push({ sourceSha256: stored.sha256, sha256: kept.sha256, mimeType: 'image/webp', width: copySize.width, height: copySize.height, byteSize: kept.byteSize });
      }
      return { stored, size, derivatives };
    } catch (error) {
      // The store refusing the bytes (disk full, bucket unreachable) is not a damaged image.
      if (error instanceof UnsupportedFileError || error instanceof StorageUnavailableError) throw error;
      throw new UnsupportedFileError(`"${fileName}" could not be read as an image`, [{ code: 'image_unreadable', message: 'The file looks like an image but is damaged or incomplete', field: 'files' }]);
    }
  }

  return async function attachFile(input: AttachFileInput): Promise<Attachment> {
    const actor = input.actor ?? SYSTEM_IMPORT;
    const maxBytes = Math.min(composedMax, input.maxBytes ?? composedMax);
    const typedName = safeFileName(input.fileName);
    const text = validate(attachmentTextSchema, { caption: input.caption, credit: input.credit, altText: input.altText });
    // Refuse before reading a byte when the edition cannot take files.
    await deps.uow.run((tx) => editableEdition(tx, input.editionId, actor));
    if (input.bytes && input.bytes.byteLength > maxBytes) throw tooLarge(typedName, maxBytes);
    const source = input.bytes ? Readable.from([Buffer.from(input.bytes)]) : Readable.from(limited(input.stream!, maxBytes, typedName));
    const staged = await deps.files.stage(source);
    try {
      const inspected = await deps.inspector.inspect((range) => staged.read(range));
      const { mimeType, fileName } = checkUpload({ fileName: typedName, byteSize: staged.byteSize, inspected, allowed });
      const isImage = attachmentKind(mimeType) === 'image';
      const kept = isImage ? await keepImage(staged, mimeType, fileName) : { stored: await staged.commit(), size: null, derivatives: [] };
      return await deps.uow.run(async (tx) => {
        const now = deps.clock.now();
        const { release, edition } = await editableEdition(tx, input.editionId, actor);
        for (const d of kept.derivatives) await tx.attachments.addImageDerivative(d, now);
        const attachment = await tx.attachments.addAttachment({
          editionId: edition.id,
          sha256: kept.stored.sha256,
          fileName,
          mimeType,
          byteSize: kept.stored.byteSize,
          ...text,
          width: kept.size?.width ?? null,
          height: kept.size?.height ?? null,
        });
        // Its text view is read later by the extraction worker, never in the request (#19).
        if (isExtractable(mimeType)) await tx.attachmentTexts.queue(attachment.sha256, mimeType, now);
        await auditRelease(tx, actor, 'attachment.added', release.id, now, { attachmentId: attachment.id, fileName, mimeType, byteSize: attachment.byteSize, sha256: attachment.sha256 });
        return attachment;
      });
    } finally {
      await staged.discard();
    }
  };
}
export type AttachFile = ReturnType<typeof makeAttachFile>;
