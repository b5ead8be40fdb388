import type { Attachment, ImageDerivative } from '../domain/attachment.js';

export type NewAttachment = Omit<Attachment, 'id' | 'position'> & { position?: number };

/** The texts staff write about an attachment after upload. */
export interface AttachmentText {
  caption: string;
  credit: string;
  altText: string;
}

/** Write-side access to an edition's attached files and the WebP copies made of images. */
export interface AttachmentRepo {
  addAttachment(input: NewAttachment): Promise<Attachment>;
  attachmentsOf(editionId: number): Promise<Attachment[]>;
  getAttachment(id: number): Promise<Attachment | null>;
  /** Replaces caption, credit and alt text; returns the updated row, or null when it is gone. */
  updateAttachment(id: number, text: AttachmentText): Promise<Attachment | null>;
  /** Removes the attachment row; the stored bytes stay (other editions may share them). */
  removeAttachment(id: number): Promise<void>;
  /** Numbers the edition's attachments 1..n in the given order of ids. */
  setAttachmentOrder(editionId: number, orderedIds: readonly number[]): Promise<void>;
  /** Copies attachment rows (same stored bytes) into a new edition, keeping their order. */
  copyAttachments(fromEditionId: number, toEditionId: number): Promise<void>;
  /** Records a WebP copy of an original; a second record for the same original and width is ignored. */
  addImageDerivative(derivative: ImageDerivative, at: Date): Promise<void>;
  /** The copies made of these originals, narrowest first. */
  imageDerivativesOf(sourceSha256s: readonly string[]): Promise<ImageDerivative[]>;
}
