import type { DiagramPoint } from '@sluice/ir';

/**
 * The object lines of a Vensim sketch, read field by field. Vensim writes one object a line:
 * `10,id,name,x,y,w,h,shape,bits,...` a variable (w and h are half sizes; shape bit 5 marks the
 * name of a flow, drawn at its valve; bit 0 of bits clear marks a shadow variable), `11,id,0,x,y,...`
 * a valve, `12,id,48,x,y,...` a cloud (name field 48) or else a comment, `1,id,from,to,shape,
 * hidden,polarity,...,n|(x,y)|...` an arrow, or a flow's pipe when it leaves a valve.
 */
export type SketchRecord =
  | { type: 'variable'; id: number; name: string; x: number; y: number; w: number; h: number; shape: number; bits: number }
  | { type: 'valve'; id: number; x: number; y: number }
  | { type: 'cloud'; id: number; x: number; y: number }
  | { type: 'comment'; id: number; text: string; x: number; y: number; w: number; h: number }
  | { type: 'arrow'; id: number; from: number; to: number; shape: number; polarity: number; points: DiagramPoint[] };

export interface SketchViewRecords {
  name: string;
  records: SketchRecord[];
}

/** Shape bit of a variable drawn as the name of a flow, beside its valve. */
export const ATTACHED_TO_VALVE = 1 << 5;

/** The name field of a cloud, a type-12 object otherwise holding a comment's text. */
const CLOUD_NAME = '48';

const VIEW_HEADER = /^\*(.*)$/;
const SKETCH_END = /^(\/\/\/---\\\\\\|:L<%\^E!@)/;
const POINT = /\((-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)\)/g;

/**
 * The views of the sketch text (from the `\\\---///` marker on) and the objects in each, in
 * file order. Lines that cannot be read are skipped: a diagram is never a reason to refuse a model.
 */
export function readSketchViews(sketch: string): SketchViewRecords[] {
  const views: SketchViewRecords[] = [];
  let view: SketchViewRecords | undefined;
  const lines = sketch.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (SKETCH_END.test(line)) {
      if (line.startsWith(':L<%')) break;
      view = undefined;
      continue;
    }
    const header = VIEW_HEADER.exec(line);
    if (header) {
      view = { name: header[1]!.trim(), records: [] };
      views.push(view);
      continue;
    }
    if (!view) continue;
    const fields = splitFields(line);
    const type = fields[0];
    const record = type === '12' && fields[2] === '0' ? commentWithTextBelow(fields, lines[i + 1]) : recordOf(fields, line);
    if (record?.type === 'comment' && fields[2] === '0') i++;
    if (record) view.records.push(record);
  }
  return views;
}

/** Comma-separated fields; a field in double quotes may hold commas (and `\"`). */
function splitFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '\\' && i + 1 < line.length) field += line[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** The numbers at `at`, or undefined if any is not a finite number. */
function numbers(fields: string[], at: number[]): number[] | undefined {
  const out: number[] = [];
  for (const k of at) {
    const text = fields[k];
    const n = text === undefined || text.trim() === '' ? NaN : Number(text);
    if (!Number.isFinite(n)) return undefined;
    out.push(n);
  }
  return out;
}

function recordOf(fields: string[], line: string): SketchRecord | undefined {
  switch (fields[0]) {
    case '10': {
      const n = numbers(fields, [1, 3, 4, 5, 6, 7, 8]);
      const name = fields[2]?.trim();
      if (!n || !name) return undefined;
      const [id, x, y, w, h, shape, bits] = n as [number, number, number, number, number, number, number];
      return { type: 'variable', id, name, x, y, w, h, shape, bits };
    }
    case '11': {
      const n = numbers(fields, [1, 3, 4]);
      return n ? { type: 'valve', id: n[0]!, x: n[1]!, y: n[2]! } : undefined;
    }
    case '12': {
      const n = numbers(fields, [1, 3, 4, 5, 6]);
      if (!n) return undefined;
      const [id, x, y, w, h] = n as [number, number, number, number, number];
      if (fields[2] === CLOUD_NAME) return { type: 'cloud', id, x, y };
      const text = fields[2]?.trim();
      return text ? { type: 'comment', id, text, x, y, w, h } : undefined;
    }
    case '1': {
      const n = numbers(fields, [1, 2, 3, 4, 6]);
      if (!n) return undefined;
      const [id, from, to, shape, polarity] = n as [number, number, number, number, number];
      const tail = line.slice(line.indexOf('|'));
      const points = line.includes('|') ? [...tail.matchAll(POINT)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) })) : [];
      return { type: 'arrow', id, from, to, shape, polarity, points };
    }
    default:
      return undefined;
  }
}

/** A comment whose name field is 0: Vensim writes its text on the next line. */
function commentWithTextBelow(fields: string[], next: string | undefined): SketchRecord | undefined {
  const n = numbers(fields, [1, 3, 4, 5, 6]);
  // Vensim writes a line break inside a comment as <<NL>>.
  const text = next?.trim().replace(/<<NL>>/g, '\n');
  if (!n || !text) return undefined;
  const [id, x, y, w, h] = n as [number, number, number, number, number];
  return { type: 'comment', id, text, x, y, w, h };
}
