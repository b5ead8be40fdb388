/** Events are resource + past tense, the same words as in logs and the audit trail. */
/** `release.translations_changed`: paired, unpaired or a new authoritative version (public links change). */
/** `release.attachment_text_ready`: an attachment's text view was stored (#19: "Read online" appears, search follows). */
/** `release.contact_changed`: the directory entry its live edition names was edited or deleted (#16: the page shows the new details). */
export type DomainEvent = {
  type: 'release.published' | 'release.corrected' | 'release.withdrawn' | 'release.translations_changed' | 'release.attachment_text_ready' | 'release.contact_changed';
  releaseId: number;
  at: Date;
};

/** Side effects (cache purge, search index, mail) subscribe here and run after commit. */
export interface EventBus {
  publish(event: DomainEvent): void;
  subscribe(listener: (event: DomainEvent) => void): () => void;
}
