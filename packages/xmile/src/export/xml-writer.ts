/** Escape text content: `&`, `<` and `>`, and a carriage return, which XML reading would turn into a line feed. */
export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Escape an attribute value (double-quoted); a line break survives as `&#10;`. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export type Attrs = Record<string, string | number | boolean | undefined>;

function attrText(attrs: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    out += ` ${k}="${escapeAttr(String(v))}"`;
  }
  return out;
}

/** Builds an indented XML document line by line. */
export class XmlWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  /** `<name attrs/>`, or `<name attrs>text</name>` when text is given. */
  leaf(name: string, attrs: Attrs = {}, text?: string): void {
    this.line(text === undefined ? `<${name}${attrText(attrs)}/>` : `<${name}${attrText(attrs)}>${escapeText(text)}</${name}>`);
  }

  /** An element with children written by `body`. */
  node(name: string, attrs: Attrs, body: () => void): void {
    this.line(`<${name}${attrText(attrs)}>`);
    this.depth++;
    body();
    this.depth--;
    this.line(`</${name}>`);
  }

  /** Markup kept from the imported file, written back as it was (its first line indented). */
  raw(markup: string): void {
    this.line(markup);
  }

  line(text: string): void {
    this.lines.push('\t'.repeat(this.depth) + text);
  }

  toString(): string {
    return this.lines.join('\n') + '\n';
  }
}

/** Shortest text that reads back as the same double. */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'INF' : '-INF';
  // String(-0) is "0": a negative zero (a lookup point, say) would come back positive.
  return Object.is(n, -0) ? '-0' : String(n);
}
