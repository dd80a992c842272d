import { EmbeddedActionsParser, type IToken } from 'chevrotain';
import { canonicalFunctionName, canonicalName, type Expr, type GraphicalFunction, type SourceLoc, type SubscriptIndex } from '@sluice/ir';
import * as t from './lexer.js';
import { buildExpression, type ExpressionItem } from './precedence.js';

/**
 * The grammar of one `.mdl` entry's equation: what it defines (a variable, a lookup, a
 * dimension) and the expression on its right. Expressions come out as the shared IR `Expr`,
 * every node with its location in the file.
 */

/** Vensim's `:NA:`, the value it uses for "not available". */
export const VENSIM_NA = -1.298074214633706907132624e33;

/** A name as written, with where it was written. */
export interface NameAst {
  raw: string;
  loc: SourceLoc;
}

export interface SubscriptAst extends NameAst {
  /** `a!`: the whole dimension, as in `SUM(x[a!])`. */
  bang: boolean;
}

export interface LhsAst {
  name: NameAst;
  subscripts: SubscriptAst[];
  /** `:EXCEPT: [a1], [a2]`: element tuples the equation does not cover. */
  except: SubscriptAst[][];
}

export type ElementDefAst =
  | { kind: 'name'; name: NameAst }
  | { kind: 'range'; from: NameAst; to: NameAst; loc: SourceLoc }
  /** `GET XLS SUBSCRIPT('file', 'sheet', 'A1', 'C1', 'prefix')`: elements read from a data file. */
  | { kind: 'file'; function: string; arguments: string[]; loc: SourceLoc };

export interface MappingAst {
  to: NameAst;
  elements?: NameAst[];
}

export type RhsAst =
  | { kind: 'expr'; expr: Expr }
  /** `1, 2; 3, 4;` or `TABBED ARRAY(1 2 \n 3 4)`: constants, rows separated by `;`. */
  | { kind: 'list'; rows: number[][]; notConstant?: SourceLoc };

export type EntryAst =
  /** `dataMethod`: `x :INTERPOLATE: := GET DIRECT DATA(...)`, a data equation that says how to fill gaps. */
  | { kind: 'equation'; lhs: LhsAst; op: '=' | '==' | ':='; rhs: RhsAst; dataMethod?: string }
  | { kind: 'lookup'; lhs: LhsAst; table: GraphicalFunction }
  /** `tbl[A]( GET XLS LOOKUPS('file.xls', ...) )`: a lookup whose points come from a data file. */
  | { kind: 'lookup-source'; lhs: LhsAst; source: Expr }
  | { kind: 'data'; lhs: LhsAst; method: string }
  | { kind: 'dimension'; name: NameAst; elements: ElementDefAst[]; mappings: MappingAst[] }
  | { kind: 'equivalence'; name: NameAst; other: NameAst }
  | { kind: 'bare'; lhs: LhsAst };

type Locate = (start: number, end?: number) => SourceLoc;

export class EquationParser extends EmbeddedActionsParser {
  private locate: Locate = (start) => ({ line: 1, column: start + 1 });
  /** String arguments met (`GET XLS DATA('file.xls', ...)`), keyed by the node standing for them. */
  strings = new Map<Expr, string>();
  /** Offsets (into the equation text) of each call argument, for the text of INTEG's rate and initial value. */
  spans = new Map<Expr, [number, number]>();
  /** Offset where the right-hand side of `=` starts. */
  rhsStart = 0;

  constructor() {
    super(t.allTokens, { recoveryEnabled: false, maxLookahead: 4 });
    this.performSelfAnalysis();
  }

  begin(tokens: IToken[], locate: Locate): void {
    this.input = tokens;
    this.locate = locate;
    this.strings = new Map();
    this.spans = new Map();
    this.rhsStart = 0;
  }

  private at(tok: IToken): SourceLoc {
    return this.locate(tok.startOffset, tok.startOffset + tok.image.length);
  }

  private nameOf(tok: IToken): NameAst {
    return { raw: unwrap(tok.image), loc: this.at(tok) };
  }

  entry = this.RULE('entry', (): EntryAst => {
    const nameTok = this.OR([{ ALT: () => this.CONSUME(t.Name) }, { ALT: () => this.CONSUME(t.QuotedName) }]);
    const name = this.ACTION(() => this.nameOf(nameTok));
    const subscripts = this.OPTION(() => this.SUBRULE(this.subscriptList)) ?? [];
    const except: SubscriptAst[][] = [];
    this.OPTION2(() => {
      this.CONSUME(t.Except);
      except.push(this.SUBRULE2(this.subscriptList));
      this.MANY(() => {
        this.CONSUME(t.Comma);
        except.push(this.SUBRULE3(this.subscriptList));
      });
    });
    const lhs: LhsAst = { name, subscripts, except };
    const result = this.OR2([
      { ALT: () => this.SUBRULE(this.dimensionRest, { ARGS: [name] }) },
      {
        ALT: () => {
          this.CONSUME(t.Equivalence);
          const other = this.OR3([{ ALT: () => this.CONSUME2(t.Name) }, { ALT: () => this.CONSUME2(t.QuotedName) }]);
          return this.ACTION((): EntryAst => ({ kind: 'equivalence', name, other: this.nameOf(other) }));
        },
      },
      {
        ALT: () => {
          const opTok = this.OR4([
            { ALT: () => this.CONSUME(t.Equals) },
            { ALT: () => this.CONSUME(t.EqualsEquals) },
            { ALT: () => this.CONSUME(t.ColonEquals) },
          ]);
          this.ACTION(() => {
            this.rhsStart = this.LA(1).startOffset;
          });
          const rhs = this.SUBRULE(this.rhs);
          const op = opTok.image === '==' ? '==' : opTok.image === ':=' ? ':=' : '=';
          return { kind: 'equation' as const, lhs, op, rhs } satisfies EntryAst;
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.LParen);
          const result = this.OR5([
            {
              ALT: () => {
                const source = this.SUBRULE(this.reference);
                return { kind: 'lookup-source' as const, lhs, source } satisfies EntryAst;
              },
            },
            { ALT: () => ({ kind: 'lookup' as const, lhs, table: this.SUBRULE(this.tableBody) }) satisfies EntryAst },
          ]);
          this.CONSUME(t.RParen);
          return result;
        },
      },
      {
        ALT: () => {
          const kw = this.CONSUME(t.DataKeyword);
          const method = this.ACTION(() => canonicalFunctionName(kw.image.slice(1, -1)));
          const rhs = this.OPTION3(() => {
            this.CONSUME2(t.ColonEquals);
            this.ACTION(() => {
              this.rhsStart = this.LA(1).startOffset;
            });
            return this.SUBRULE2(this.rhs);
          });
          return this.ACTION((): EntryAst => (rhs ? { kind: 'equation', lhs, op: ':=', rhs, dataMethod: method } : { kind: 'data', lhs, method }));
        },
      },
      { ALT: () => ({ kind: 'bare' as const, lhs }) satisfies EntryAst },
    ]);
    return result;
  });

  private dimensionRest = this.RULE('dimensionRest', (name: NameAst): EntryAst => {
    this.CONSUME(t.Colon);
    const elements = this.SUBRULE(this.elementList);
    const mappings: MappingAst[] = [];
    this.OPTION(() => {
      this.CONSUME(t.Arrow);
      mappings.push(this.SUBRULE(this.mapping));
      this.MANY(() => {
        this.CONSUME(t.Comma);
        mappings.push(this.SUBRULE2(this.mapping));
      });
    });
    return { kind: 'dimension', name, elements, mappings };
  });

  private elementList = this.RULE('elementList', (): ElementDefAst[] => {
    const out: ElementDefAst[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: t.Comma,
      DEF: () => out.push(this.SUBRULE(this.elementDef)),
    });
    return out;
  });

  private elementDef = this.RULE('elementDef', (): ElementDefAst => {
    return this.OR([
      {
        ALT: () => {
          const open = this.CONSUME(t.LParen);
          const from = this.SUBRULE(this.anyName);
          this.CONSUME(t.Minus);
          const to = this.SUBRULE2(this.anyName);
          this.CONSUME(t.RParen);
          return this.ACTION((): ElementDefAst => ({ kind: 'range', from, to, loc: this.at(open) }));
        },
      },
      {
        GATE: () => this.LA(2).tokenType === t.LParen,
        ALT: () => {
          const fn = this.CONSUME(t.Name);
          this.CONSUME2(t.LParen);
          const args: string[] = [];
          this.MANY_SEP({ SEP: t.Comma, DEF: () => args.push(this.CONSUME(t.StringLit).image.slice(1, -1)) });
          this.CONSUME2(t.RParen);
          return this.ACTION((): ElementDefAst => ({ kind: 'file', function: displayOf(fn.image), arguments: args, loc: this.at(fn) }));
        },
      },
      { ALT: () => ({ kind: 'name' as const, name: this.SUBRULE3(this.anyName) }) },
    ]);
  });

  private mapping = this.RULE('mapping', (): MappingAst => {
    return this.OR([
      {
        ALT: () => {
          this.CONSUME(t.LParen);
          const to = this.SUBRULE(this.anyName);
          this.CONSUME(t.Colon);
          const elements: NameAst[] = [];
          this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => elements.push(this.SUBRULE2(this.anyName)) });
          this.CONSUME(t.RParen);
          return { to, elements };
        },
      },
      { ALT: () => ({ to: this.SUBRULE3(this.anyName) }) },
    ]);
  });

  private anyName = this.RULE('anyName', (): NameAst => {
    const tok = this.OR([
      { ALT: () => this.CONSUME(t.Name) },
      { ALT: () => this.CONSUME(t.QuotedName) },
      { ALT: () => this.CONSUME(t.NumberTok) },
    ]);
    return this.ACTION(() => this.nameOf(tok));
  });

  private subscriptList = this.RULE('subscriptList', (): SubscriptAst[] => {
    const out: SubscriptAst[] = [];
    this.CONSUME(t.LBracket);
    this.AT_LEAST_ONE_SEP({
      SEP: t.Comma,
      DEF: () => {
        const name = this.SUBRULE(this.anyName);
        const bang = this.OPTION(() => this.CONSUME(t.Bang)) !== undefined;
        out.push({ ...name, bang });
      },
    });
    this.CONSUME(t.RBracket);
    return out;
  });

  private rhs = this.RULE('rhs', (): RhsAst => {
    return this.OR({ IGNORE_AMBIGUITIES: true, DEF: [
      {
        GATE: () => this.LA(1).tokenType === t.Name && canonicalFunctionName(this.LA(1).image) === 'TABBED_ARRAY',
        ALT: () => {
          this.CONSUME(t.Name);
          this.CONSUME(t.LParen);
          const values: number[] = [];
          this.MANY(() => values.push(this.SUBRULE(this.signedNumber)));
          this.CONSUME(t.RParen);
          return { kind: 'list' as const, rows: [values] };
        },
      },
      {
        ALT: () => {
          const first = this.SUBRULE(this.expression);
          const rows: number[][] = [];
          let row: number[] = [];
          let isList = false;
          this.MANY2(() => {
            const sep = this.OR2([{ ALT: () => this.CONSUME(t.Comma) }, { ALT: () => this.CONSUME(t.Semicolon) }]);
            isList = true;
            const value = this.OPTION(() => this.SUBRULE2(this.signedNumber));
            this.ACTION(() => {
              if (sep.tokenType === t.Semicolon) {
                rows.push(row);
                row = [];
              }
              if (value !== undefined) row.push(value);
            });
          });
          if (!isList) return { kind: 'expr' as const, expr: first };
          return this.ACTION((): RhsAst => {
            if (row.length > 0) rows.push(row);
            const head = constantValue(first);
            if (rows.length === 0) rows.push([]);
            rows[0]?.unshift(head ?? Number.NaN);
            const list: RhsAst = { kind: 'list', rows };
            if (head === undefined && first.loc) list.notConstant = first.loc;
            return list;
          });
        },
      },
    ] });
  });

  private signedNumber = this.RULE('signedNumber', (): number => {
    const neg = this.OPTION(() => this.OR([{ ALT: () => this.CONSUME(t.Minus) }, { ALT: () => this.CONSUME(t.Plus) }]));
    const n = this.CONSUME(t.NumberTok);
    return this.ACTION(() => (neg?.image === '-' ? -1 : 1) * Number(n.image));
  });

  /** `[(x0,y0)-(x1,y1), extra points] (x,y), ...` or bare x values followed by y values. */
  private tableBody = this.RULE('tableBody', (): GraphicalFunction => {
    let range: { x0: number; y0: number; x1: number; y1: number } | undefined;
    const points: [number, number][] = [];
    const bare: number[] = [];
    this.OPTION(() => {
      this.CONSUME(t.LBracket);
      const p0 = this.SUBRULE(this.point);
      this.CONSUME(t.Minus);
      const p1 = this.SUBRULE2(this.point);
      this.MANY(() => {
        this.CONSUME(t.Comma);
        this.SUBRULE3(this.point);
      });
      this.CONSUME(t.RBracket);
      this.ACTION(() => {
        range = { x0: p0[0], y0: p0[1], x1: p1[0], y1: p1[1] };
      });
      this.OPTION2(() => this.CONSUME2(t.Comma));
    });
    this.MANY_SEP({
      SEP: t.Comma,
      DEF: () => {
        this.OR([
          { ALT: () => points.push(this.SUBRULE4(this.point)) },
          { ALT: () => bare.push(this.SUBRULE(this.signedNumber)) },
        ]);
      },
    });
    return this.ACTION((): GraphicalFunction => {
      let xs = points.map((p) => p[0]);
      let ys = points.map((p) => p[1]);
      if (bare.length > 0) {
        const half = bare.length / 2;
        xs = xs.concat(bare.slice(0, half));
        ys = ys.concat(bare.slice(half));
      }
      const gf: GraphicalFunction = { type: 'continuous', xs, ys };
      if (range) {
        gf.xScale = { min: range.x0, max: range.x1 };
        gf.yScale = { min: range.y0, max: range.y1 };
      }
      return gf;
    });
  });

  private point = this.RULE('point', (): [number, number] => {
    this.CONSUME(t.LParen);
    const x = this.SUBRULE(this.signedNumber);
    this.CONSUME(t.Comma);
    const y = this.SUBRULE2(this.signedNumber);
    this.CONSUME(t.RParen);
    return [x, y];
  });

  /** Operands and operators in a flat run; `buildExpression` applies Vensim's precedence. */
  expression = this.RULE('expression', (): Expr => {
    const items: ExpressionItem[] = [];
    const operand = (): void => {
      this.MANY(() => {
        const tok = this.CONSUME(t.PrefixOp);
        items.push({ kind: 'prefix', tok });
      });
      const e = this.SUBRULE(this.primary);
      items.push({ kind: 'operand', expr: e });
    };
    operand();
    this.MANY2(() => {
      const tok = this.CONSUME(t.BinaryOp);
      items.push({ kind: 'binary', tok });
      this.MANY3(() => {
        const p = this.CONSUME2(t.PrefixOp);
        items.push({ kind: 'prefix', tok: p });
      });
      const e = this.SUBRULE2(this.primary);
      items.push({ kind: 'operand', expr: e });
    });
    return this.ACTION(() => buildExpression(items, (tok) => this.at(tok)));
  });

  private primary = this.RULE('primary', (): Expr => {
    return this.OR([
      {
        ALT: () => {
          const n = this.CONSUME(t.NumberTok);
          return this.ACTION((): Expr => ({ kind: 'number', value: Number(n.image), loc: this.at(n) }));
        },
      },
      {
        ALT: () => {
          const na = this.CONSUME(t.Na);
          return this.ACTION((): Expr => ({ kind: 'number', value: VENSIM_NA, loc: this.at(na) }));
        },
      },
      {
        ALT: () => {
          const s = this.CONSUME(t.StringLit);
          return this.ACTION((): Expr => {
            const node: Expr = { kind: 'number', value: Number.NaN, loc: this.at(s) };
            this.strings.set(node, s.image.slice(1, -1));
            return node;
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.LParen);
          const e = this.SUBRULE(this.expression);
          this.CONSUME(t.RParen);
          return e;
        },
      },
      { ALT: () => this.SUBRULE(this.reference) },
    ]);
  });

  /** A variable, `x[a, b!]`, a call `FN(args)` (`MACRO(args : outputs)`), or a subscripted lookup call `tbl[a](x)`. */
  private reference = this.RULE('reference', (): Expr => {
    const tok = this.OR([{ ALT: () => this.CONSUME(t.Name) }, { ALT: () => this.CONSUME(t.QuotedName) }]);
    const subs = this.OPTION(() => this.SUBRULE(this.subscriptList));
    const args = this.OPTION2(() => {
      this.CONSUME(t.LParen);
      const list: Expr[] = [];
      const withLookup = this.ACTION(() => canonicalFunctionName(tok.image) === 'WITH_LOOKUP');
      this.MANY_SEP({
        SEP: t.Comma,
        DEF: () => {
          this.OR2({ IGNORE_AMBIGUITIES: true, DEF: [
            {
              GATE: () => withLookup && list.length === 1,
              ALT: () => {
                const open = this.CONSUME2(t.LParen);
                const table = this.SUBRULE(this.tableBody);
                this.CONSUME2(t.RParen);
                this.ACTION(() => list.push({ kind: 'table', table, loc: this.at(open) }));
              },
            },
            {
              ALT: () => {
                const start = this.LA(1).startOffset;
                const arg = this.SUBRULE(this.expression);
                this.ACTION(() => {
                  const last = this.LA(0);
                  this.spans.set(arg, [start, last.startOffset + last.image.length]);
                  list.push(arg);
                });
              },
            },
          ] });
        },
      });
      // A macro's extra outputs, `NAME(a, b : y)`: lowering takes them as further arguments,
      // each naming the caller's variable the output defines.
      this.OPTION3(() => {
        this.CONSUME(t.Colon);
        this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => {
          const out = this.SUBRULE2(this.expression);
          this.ACTION(() => list.push(out));
        } });
      });
      this.CONSUME(t.RParen);
      return list;
    });
    return this.ACTION((): Expr => {
      const loc = this.at(tok);
      const ref: Expr = { kind: 'var', name: canonicalName(unwrap(tok.image)), display: displayOf(tok.image), loc };
      if (subs) ref.subscripts = subs.map((s) => subscriptIndex(s));
      if (args === undefined) return ref;
      if (subs) return { kind: 'call', fn: 'LOOKUP', display: displayOf(tok.image), args: [ref, ...args], loc };
      return { kind: 'call', fn: canonicalFunctionName(displayOf(tok.image)), display: displayOf(tok.image), args, loc };
    });
  });
}

function subscriptIndex(s: SubscriptAst): SubscriptIndex {
  if (s.bang) return { kind: 'wildcard', dimension: canonicalName(unwrap(s.raw)), loc: s.loc };
  return { kind: 'index', expr: { kind: 'var', name: canonicalName(unwrap(s.raw)), display: displayOf(s.raw), loc: s.loc }, loc: s.loc };
}

/** A name as people read it: quotes and their escapes removed, blanks folded. */
export function displayOf(raw: string): string {
  let s = unwrap(raw).trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1).replace(/\\(["\\])/g, '$1');
  return s.replace(/[ \t]+/g, ' ');
}

/** A name split over lines by backslash continuations, joined again. */
export function unwrap(raw: string): string {
  return raw.includes('\\') && !raw.startsWith('"') ? raw.replace(/\\[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' ') : raw;
}

function constantValue(e: Expr): number | undefined {
  if (e.kind === 'number') return e.value;
  if (e.kind === 'unary' && e.operand.kind === 'number') return e.op === '-' ? -e.operand.value : e.operand.value;
  return undefined;
}
