import { readFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import type { Language } from '../../domain/language.js';
import { characters } from '../../domain/release.js';
import { candidate, type CandidateAuthor, type CandidateFile, type ImportCandidate, type ImportFlag, type ParsedSource, type SourceDate } from '../../app/import/import-item.js';
import { bodyOrRefusal } from './html-depth.js';
import { htmlToMarkdown, htmlToText } from './html-to-markdown.js';
import { attrOf, listOf, MalformedSourceError, parseXml, textOf, type XmlNode } from './xml.js';

/** WordPress writes this instead of a date for posts never published. */
const NO_DATE = /^0000-00-00/;

function gmtDate(text: string): SourceDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m || NO_DATE.test(text)) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  return Number.isNaN(ms) ? null : { instant: new Date(ms), text: `${text.trim()} UTC` };
}

function metaOf(item: XmlNode, key: string): string {
  const meta = listOf(item['wp:postmeta']).find((m) => textOf((m as XmlNode)['wp:meta_key']) === key) as XmlNode | undefined;
  return meta ? textOf(meta['wp:meta_value']).trim() : '';
}

/** A file beside the export (uploads/2023/07/a.jpg, wp-content/uploads/..., or just its name); never outside it. */
function findBeside(baseDir: string, relative: string[]): string | null {
  const root = resolve(baseDir);
  for (const rel of relative) {
    if (!rel) continue;
    for (const path of [join(root, 'uploads', rel), join(root, 'wp-content', 'uploads', rel), join(root, rel), join(root, basename(rel))]) {
      const full = resolve(path);
      if (!full.startsWith(root + sep)) continue;
      if (existsSync(full) && statSync(full).isFile()) return full;
    }
  }
  return null;
}

function uploadsPath(url: string): string {
  try {
    const path = decodeURIComponent(new URL(url).pathname);
    const at = path.indexOf('/uploads/');
    return at >= 0 ? path.slice(at + '/uploads/'.length) : basename(path);
  } catch {
    return '';
  }
}

function attachmentFile(item: XmlNode, baseDir: string | null): { file: CandidateFile; found: boolean } {
  const url = textOf(item['wp:attachment_url']).trim();
  const attached = metaOf(item, '_wp_attached_file');
  const rel = attached || uploadsPath(url);
  const path = baseDir ? findBeside(baseDir, [attached, uploadsPath(url)]) : null;
  const caption = htmlToText(textOf(item['excerpt:encoded']));
  const file: CandidateFile = {
    fileName: basename(rel || url || 'file'),
    origin: url || rel,
    caption: characters(caption).slice(0, 500).join(''),
    altText: metaOf(item, '_wp_attachment_image_alt'),
    ...(path ? { read: async () => new Uint8Array(await readFile(path)) } : {}),
  };
  return { file, found: path !== null };
}

/**
 * Reads a WordPress export (WXR 1.1/1.2): posts become candidates, their first category the board
 * and the rest with their tags the tags; attachments are matched to their posts, with the bytes
 * when the file lies beside the export; authors are listed for staff accounts.
 */
export function parseWxr(text: string, label: string, baseDir: string | null): ParsedSource {
  const doc = parseXml(text, label);
  const channel = listOf((doc.rss as XmlNode | undefined)?.channel)[0] as XmlNode | undefined;
  if (!channel) throw new MalformedSourceError(`${label} is not a WordPress export: no <rss><channel>`);
  // The channel's language is one site-wide setting; bilingual sites mix posts, so each post's
  // language is read from its text instead (unless --language says otherwise).
  const language: Language | null = null;
  const site = textOf(channel['wp:base_site_url']) || textOf(channel.link);

  const termIds = new Map<string, string>();
  for (const c of listOf(channel['wp:category'])) {
    termIds.set(textOf((c as XmlNode)['wp:category_nicename']), textOf((c as XmlNode)['wp:term_id']));
  }
  const authors: CandidateAuthor[] = listOf(channel['wp:author']).map((a) => {
    const node = a as XmlNode;
    const login = textOf(node['wp:author_login']).trim();
    const name = textOf(node['wp:author_display_name']).trim() || [textOf(node['wp:author_first_name']), textOf(node['wp:author_last_name'])].join(' ').trim() || login;
    return { login, name, email: textOf(node['wp:author_email']).trim() };
  });

  const items = listOf(channel.item) as XmlNode[];
  const filesByParent = new Map<string, { file: CandidateFile; found: boolean }[]>();
  for (const item of items) {
    if (textOf(item['wp:post_type']) !== 'attachment') continue;
    const parent = textOf(item['wp:post_parent']);
    if (!parent || parent === '0') continue;
    filesByParent.set(parent, [...(filesByParent.get(parent) ?? []), attachmentFile(item, baseDir)]);
  }

  const candidates: ImportCandidate[] = [];
  for (const item of items) {
    const type = textOf(item['wp:post_type']) || 'post';
    if (type !== 'post' && type !== 'page') continue;
    const flags: ImportFlag[] = [];
    const postId = textOf(item['wp:post_id']);
    const status = textOf(item['wp:status']) || 'publish';
    const title = htmlToText(textOf(item.title));
    let images = 0;
    const { markdown, refusal: bodyRefusal } = bodyOrRefusal(() => {
      const converted = htmlToMarkdown(textOf(item['content:encoded']));
      images = converted.images;
      return converted.markdown;
    });
    const excerpt = htmlToText(textOf(item['excerpt:encoded']));
    const categories = listOf(item.category).map((c) => ({ domain: attrOf(c, 'domain'), nicename: attrOf(c, 'nicename'), name: textOf(c).trim() }));
    const cats = categories.filter((c) => c.domain === 'category' && c.nicename !== 'uncategorized');
    const tags = [...new Set([...cats.slice(1).map((c) => c.name), ...categories.filter((c) => c.domain === 'post_tag').map((c) => c.name)].filter(Boolean))];
    let board: ImportCandidate['board'] = null;
    if (cats[0]) {
      let nicename = cats[0].nicename;
      try {
        nicename = decodeURIComponent(nicename);
      } catch {
        /* keep it as written */
      }
      const termId = termIds.get(cats[0].nicename);
      const slug = /^[a-z0-9-]+$/.test(nicename) ? nicename : termId ? `category-${termId}` : undefined;
      board = { name: cats[0].name, ...(slug ? { slug } : {}) };
    }
    if (images > 0) flags.push({ code: 'inline_images_dropped', message: `${images} image${images === 1 ? '' : 's'} in the post body ${images === 1 ? 'is' : 'are'} not part of the body; attachments beside the export are attached` });
    const files: CandidateFile[] = [];
    for (const { file, found } of filesByParent.get(postId) ?? []) {
      if (found) files.push(file);
      else flags.push({ code: 'attachment_missing', message: `The attachment "${file.fileName}" (${file.origin}) is not beside the export: only its metadata is known, nothing was attached` });
    }
    let date = gmtDate(textOf(item['wp:post_date_gmt']));
    if (!date && status === 'publish') {
      const pub = textOf(item.pubDate);
      const ms = Date.parse(pub);
      if (pub && !Number.isNaN(ms) && !pub.includes('-0001')) date = { instant: new Date(ms), text: pub };
    }
    if (status === 'future') flags.push({ code: 'scheduled_in_source', message: 'The post was scheduled in WordPress, not yet published: imported as a draft' });
    const guid = textOf(item.guid).trim();
    const link = textOf(item.link).trim();
    candidates.push(
      candidate({
        format: 'wxr',
        sourceKey: guid || link || `wxr:${site}#${postId}`,
        content: { title, subtitle: excerpt && characters(excerpt).length <= 300 ? [excerpt] : [], bodyMarkdown: markdown, department: '', tags },
        language,
        board,
        date,
        isDraftInSource: status !== 'publish',
        authorLogin: textOf(item['dc:creator']).trim() || null,
        files,
        flags,
        refusal:
          type === 'page'
            ? 'a WordPress page, not a post'
            : status === 'trash'
              ? 'the post is in the WordPress trash'
              : !title
                ? 'the post has no title'
                : bodyRefusal,
      }),
    );
  }
  return { format: 'wxr', items: candidates, authors };
}
