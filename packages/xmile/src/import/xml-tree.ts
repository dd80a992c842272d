import { XMLParser } from 'fast-xml-parser';
import type { ScannedElement } from './xml-scan.js';
import { decodeXml, decodeXmlText, type MappedText, type SourceText } from './source-text.js';

/** One XML element with its position in the file. */
export interface XNode {
  /** The name as written, with any namespace prefix: `isee:prefs`. */
  name: string;
  /** The name without its prefix: `prefs`. */
  local: string;
  prefix?: string;
  /** Attribute values, decoded; keys as written (`isee:save_interval`). */
  attrs: Record<string, string>;
  children: XNode[];
  start: number;
  contentStart: number;
  contentEnd: number;
  end: number;
}

type Ordered = Record<string, unknown>;

/**
 * Parse with fast-xml-parser (entities off, order kept) and attach positions from the scan.
 * Returns null when the parser's elements and the scan disagree, which only a parser quirk
 * could cause; the caller reports it.
 */
export function buildTree(text: string, scanned: ScannedElement[]): XNode[] | null {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    processEntities: false,
    htmlEntities: false,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  const items = parser.parse(text) as unknown;
  if (!Array.isArray(items)) return null;
  const cursor = { i: 0 };
  try {
    return build(items, scanned, cursor);
  } catch {
    return null;
  }
}

function build(items: unknown[], scanned: ScannedElement[], cursor: { i: number }): XNode[] {
  const out: XNode[] = [];
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const record = item as Ordered;
    const key = Object.keys(record).find((k) => k !== ':@');
    if (key === undefined || key.startsWith('#') || key.startsWith('?')) continue;
    const el = scanned[cursor.i++];
    if (!el || el.name !== key) throw new Error('position index out of step');
    const rawAttrs = (record[':@'] ?? {}) as Record<string, unknown>;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(rawAttrs)) attrs[k] = decodeXml(String(v));
    const colon = key.indexOf(':');
    const node: XNode = {
      name: key,
      local: colon >= 0 ? key.slice(colon + 1) : key,
      attrs,
      children: [],
      start: el.start,
      contentStart: el.contentStart,
      contentEnd: el.contentEnd,
      end: el.end,
    };
    if (colon >= 0) node.prefix = key.slice(0, colon);
    const inner = record[key];
    if (Array.isArray(inner)) node.children = build(inner, scanned, cursor);
    out.push(node);
  }
  return out;
}

/** An attribute by its local name, with or without a namespace prefix (`isee:save_interval`). */
export function attr(node: XNode, local: string): string | undefined {
  if (node.attrs[local] !== undefined) return node.attrs[local];
  for (const [k, v] of Object.entries(node.attrs)) {
    if (k.endsWith(':' + local)) return v;
  }
  return undefined;
}

export function child(node: XNode, local: string): XNode | undefined {
  return node.children.find((c) => c.local === local);
}

export function childrenNamed(node: XNode, local: string): XNode[] {
  return node.children.filter((c) => c.local === local);
}

/**
 * The element's text, decoded, with the file offset of each character. CDATA sections are taken
 * literally, comments and child elements are left out.
 */
export function textOf(node: XNode, src: SourceText): MappedText {
  const raw = src.text;
  let value = '';
  const offsets: number[] = [];
  const append = (t: MappedText): void => {
    value += t.value;
    offsets.push(...t.offsets.slice(0, t.value.length));
  };
  let i = node.contentStart;
  while (i < node.contentEnd) {
    let lt = raw.indexOf('<', i);
    if (lt < 0 || lt > node.contentEnd) lt = node.contentEnd;
    if (lt > i) append(decodeXmlText(raw.slice(i, lt), i));
    if (lt >= node.contentEnd) break;
    if (raw.startsWith('<!--', lt)) {
      i = raw.indexOf('-->', lt) + 3;
    } else if (raw.startsWith('<![CDATA[', lt)) {
      const close = raw.indexOf(']]>', lt);
      for (let k = lt + 9; k < close; k++) {
        value += raw[k];
        offsets.push(k);
      }
      i = close + 3;
    } else if (raw.startsWith('<?', lt)) {
      i = raw.indexOf('?>', lt) + 2;
    } else {
      const nested = node.children.find((c) => c.start === lt);
      i = nested ? nested.end : node.contentEnd;
    }
  }
  offsets.push(i);
  return { value, offsets };
}

/** The markup between the start and end tags, exactly as in the file. */
export function innerXml(node: XNode, src: SourceText): string {
  return src.text.slice(node.contentStart, node.contentEnd);
}

/** The element with its tags, exactly as in the file. */
export function outerXml(node: XNode, src: SourceText): string {
  return src.text.slice(node.start, node.end);
}
