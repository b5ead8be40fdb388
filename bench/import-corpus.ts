// Writes a Pressroom export directory of N generated releases (docs/export-format.md) for
// `npm run bench:import`: three boards, five staff accounts, English and Korean releases, one in
// twenty corrected (two editions with a change note), a PDF on 30% and a photo (with its WebP
// copies) on 10%, and a revision and an audit entry per edition. Written straight to NDJSON through
// the export adapter: building 100,000 releases through the editorial commands would take hours.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { makeDemoAssets } from '../src/adapters/demo/demo-assets.js';
import { makeDirectoryArchiveWriter } from '../src/adapters/transfer/directory-archive.js';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  STREAMS,
  STREAM_NAMES,
  streamFile,
  type AttachmentRecord,
  type EditionRecord,
  type Manifest,
  type ReleaseRecord,
  type StreamName,
} from '../src/app/transfer/export-format.js';
import type { Language } from '../src/domain/language.js';
import { body, DEPARTMENTS, pick, seededRandom, subtitle, tags, title } from './text.js';

const BOARDS = ['press-releases', 'news', 'statements'] as const;
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const iso = (ms: number) => new Date(ms).toISOString();

export async function writeImportCorpus(dir: string, total: number): Promise<void> {
  const rnd = seededRandom(20261128 + total);
  const assets = makeDemoAssets();
  const archive = makeDirectoryArchiveWriter(dir);
  await archive.prepare();
  const pdfs = await Promise.all([1, 2, 3, 4].map((n) => assets.pdf({ heading: `Import bench document ${n}`, lines: [`Background ${n}.`] })));
  const photos = await Promise.all([30, 150, 270].map((hue) => assets.photo({ label: `Import bench ${hue}`, hue, width: 1600, height: 1000 })));
  // Stand-ins for the WebP copies: any bytes will do, the import only checks they match their address.
  const copies = photos.map((p, i) => [480, 960, 1600].map((w) => Buffer.from(`webp ${i} ${w} ${sha(p)}`)));
  let fileBytes = 0;
  for (const bytes of [...pdfs, ...photos, ...copies.flat()]) fileBytes += await archive.putFile(sha(bytes), Readable.from([Buffer.from(bytes)]));

  const streams = {} as Manifest['streams'];
  const write = async (stream: StreamName, records: Iterable<unknown>) => {
    const out = archive.openStream(streamFile(stream));
    let count = 0;
    for (const record of records) {
      await out.write(JSON.stringify(STREAMS[stream].parse(record)));
      count += 1;
    }
    const { sha256 } = await out.close();
    streams[stream] = { file: streamFile(stream), count, sha256 };
  };

  const start = Date.UTC(2023, 0, 1);
  const step = (3 * 365 * 86_400_000) / total;
  await write(
    'boards',
    BOARDS.map((slug, i) => ({ id: i + 1, slug, kind: ['press_release', 'news', 'statement'][i], name_ko: slug, name_en: slug, position: i, created_at: iso(start) })),
  );
  await write(
    'users',
    ['admin', 'editor', 'writer', 'writer2', 'viewer'].map((name, i) => ({
      id: i + 1,
      email: `${name}@bench.example`,
      name,
      role: (['admin', 'editor', 'writer', 'writer', 'viewer'] as const)[i],
      disabled_at: null,
      created_at: iso(start),
      updated_at: iso(start),
    })),
  );

  const counters = new Map<string, number>();
  let editionId = 0;
  let attachmentId = 0;
  let auditId = 0;
  const audit: string[] = [];
  function* releases(): Iterable<ReleaseRecord> {
    for (let id = 1; id <= total; id++) {
      const language: Language = rnd() < 0.7 ? 'en' : 'ko';
      const boardId = rnd() < 0.8 ? 1 : rnd() < 0.5 ? 2 : 3;
      const key = `${boardId}:${language}`;
      const number = (counters.get(key) ?? 0) + 1;
      counters.set(key, number);
      const at = Math.round(start + id * step);
      const attachments: AttachmentRecord[] = [];
      if (rnd() < 0.1) {
        const p = Math.floor(rnd() * photos.length);
        attachments.push({ id: ++attachmentId, position: 0, sha256: sha(photos[p]!), file_name: `photo-${id}.jpg`, mime_type: 'image/jpeg', byte_size: photos[p]!.length, caption: 'At the event', credit: 'Ministry', alt_text: 'Officials at the event', width: 1600, height: 1000 });
      }
      if (rnd() < 0.3) {
        const d = pick(rnd, pdfs);
        attachments.push({ id: ++attachmentId, position: attachments.length, sha256: sha(d), file_name: `release-${id}.pdf`, mime_type: 'application/pdf', byte_size: d.length, caption: '', credit: '', alt_text: '', width: null, height: null });
      }
      const corrected = rnd() < 0.05;
      const content = { title: title(rnd, language, id), subtitle: subtitle(rnd, language), bodyMarkdown: body(rnd, language), department: pick(rnd, DEPARTMENTS[language]), contact: null, tags: tags(rnd, language) };
      const edition = (no: number, state: EditionRecord['state'], changeNote: string | null, when: number): EditionRecord => {
        const eid = ++editionId;
        audit.push(JSON.stringify({ id: ++auditId, at: iso(when), actor_id: 2, actor_label: 'editor@bench.example', ip: null, action: 'release.published', subject_type: 'release', subject_id: String(id), details: { editionNo: no } }));
        return {
          id: eid, edition_no: no, state, title: content.title, subtitle: content.subtitle, body_markdown: content.bodyMarkdown, department: content.department,
          contact_name: null, contact_phone: null, contact_email: null, tags: content.tags, change_note: changeNote, is_minor_change: no > 1 ? false : null,
          review_comment: null, embargo_until: null, scheduled_at: null, published_at: iso(when), created_at: iso(when - 3_600_000), updated_at: iso(when),
          lock_version: 1, created_by: 3, submitted_by: 3, approved_by: 2, reviewer_id: null,
          attachments: attachments.map((a) => ({ ...a, id: no === 1 ? a.id : ++attachmentId })),
          revisions: [{ id: eid, revision_no: 1, content, author_id: 3, author_label: 'writer@bench.example', created_at: iso(when - 3_600_000) }],
        };
      };
      const editions = corrected ? [edition(1, 'superseded', null, at), edition(2, 'published', 'Corrected a figure.', at + 86_400_000)] : [edition(1, 'published', null, at)];
      yield {
        id, board_id: boardId, language, number, status: 'published', live_edition_id: editions[editions.length - 1]!.id, translation_group: null,
        is_authoritative: false, translation_needed: false, first_published_at: iso(at), public_at: iso(at), embargo_until: null,
        public_updated_at: iso(at + (corrected ? 86_400_000 : 0)), withdrawn_at: null, withdrawal_reason: null, content_removed_at: null, view_count: Math.floor(rnd() * 500), created_at: iso(at - 3_600_000),
        editions,
      };
    }
  }
  // Audit lines are produced while releases are written; flush them to disk as they pile up.
  const auditOut = archive.openStream(streamFile('audit_log'));
  const releasesOut = archive.openStream(streamFile('releases'));
  let releaseCount = 0;
  let auditCount = 0;
  for (const record of releases()) {
    await releasesOut.write(JSON.stringify(STREAMS.releases.parse(record)));
    releaseCount += 1;
    for (const line of audit.splice(0)) {
      await auditOut.write(line);
      auditCount += 1;
    }
  }
  streams.releases = { file: streamFile('releases'), count: releaseCount, ...(await releasesOut.close()) } as Manifest['streams']['releases'];
  streams.audit_log = { file: streamFile('audit_log'), count: auditCount, ...(await auditOut.close()) } as Manifest['streams']['audit_log'];
  for (const s of [streams.releases, streams.audit_log]) delete (s as { bytes?: number }).bytes;

  await write('board_counters', [...counters].sort().map(([key, last]) => ({ board_id: Number(key.split(':')[0]), language: key.split(':')[1], last_number: last })));
  await write(
    'image_derivatives',
    photos.flatMap((p, i) => [480, 960, 1600].map((w, j) => ({ source_sha256: sha(p), width: w, height: Math.round((w * 1000) / 1600), sha256: sha(copies[i]![j]!), mime_type: 'image/webp', byte_size: copies[i]![j]!.length, created_at: iso(start) }))),
  );
  await write('jobs', []);
  await write('preview_links', []);
  await write('import_sources', []);
  const manifest: Manifest = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    created_at: new Date().toISOString(),
    generator: 'bench/import-corpus.ts',
    streams: Object.fromEntries(STREAM_NAMES.map((s) => [s, streams[s]])) as Manifest['streams'],
    files: { count: pdfs.length + photos.length + copies.flat().length, bytes: fileBytes },
  };
  await archive.writeManifest(`${JSON.stringify(manifest, null, 2)}\n`);
}
