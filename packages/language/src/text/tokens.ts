import { createToken, Lexer, type TokenType } from 'chevrotain';
import { scanFormula, scanUnits } from './scan.js';
import { nameStartHints } from '../start-chars.js';

/**
 * The tokens of the Sluice text language (see grammar/sluice.md). Line breaks are white
 * space except where they end a formula (`= ...`) or a units text (`units ...`), which are
 * single tokens so that their text reaches the formula parser untouched.
 */

const lineTerminatorsPattern = /\n|\r\n?/g;
const lineBreakChars = ['\n', '\r'];

/** Every keyword is also a name where a name is expected (`aux start = 3`). */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA });

/**
 * Keywords that do not start a declaration: these may also be names (`aux start = 3`). Words
 * that start one (`stock`, `group`, ...) must be quoted as names, or a list of names could run
 * on into the next declaration.
 */
export const NameKeyword = createToken({ name: 'NameKeyword', pattern: Lexer.NA });

/**
 * Tokens that cannot start a declaration: where a declaration should start, the parser takes
 * one as a stray (reported once per run) and goes on. A category keeps that one alternative.
 */
export const Stray = createToken({ name: 'Stray', pattern: Lexer.NA });

/** Words that start a declaration, and `end`, which closes one: never strays. */
const declarationWords = new Set(['title', 'sim', 'dimension', 'unit', 'stock', 'flow', 'aux', 'const', 'data', 'module', 'loop', 'group', 'model', 'macro', 'end']);

/** No `u` flag: it would hide the pattern from chevrotain's first-character analysis (`\s` is the same set without it). */
export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[\s\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

export const Comment = createToken({ name: 'Comment', pattern: /#[^\n\r]*/, group: 'comments' });

/** `= formula`: the `=` and the formula's text, to the end of the line (or of its brackets). */
export const Formula = createToken({
  name: 'Formula', categories: [Stray],
  label: "'= formula'",
  pattern: {
    exec: (text: string, offset: number): RegExpExecArray | null => {
      if (text.charAt(offset) !== '=') return null;
      return matched(text.slice(offset, scanFormula(text, offset + 1)));
    },
  },
  start_chars_hint: ['='],
  line_breaks: true,
});

const nameChar = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_$]/u;

/** `units text`: the keyword and the rest of the line. */
export const Units = createToken({
  name: 'Units', categories: [Stray],
  label: "'units ...'",
  pattern: {
    exec: (text: string, offset: number): RegExpExecArray | null => {
      if (!text.startsWith('units', offset) || nameChar.test(text.charAt(offset + 5))) return null;
      return matched(text.slice(offset, scanUnits(text, offset + 5)));
    },
  },
  start_chars_hint: ['u'],
  line_breaks: false,
});

function matched(image: string): RegExpExecArray {
  const result = [image] as unknown as RegExpExecArray;
  return result;
}

const nameStart = /[\p{L}\p{Nl}_]/u;
const namePattern = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_]*/uy;

/** An unquoted name; a custom matcher because Unicode classes defeat chevrotain's first-character analysis, hence the hint. */
export const Identifier = createToken({
  name: 'Identifier', categories: [Stray],
  label: 'a name',
  pattern: {
    exec: (text: string, offset: number): RegExpExecArray | null => {
      const first = text.codePointAt(offset);
      if (first === undefined || !nameStart.test(String.fromCodePoint(first))) return null;
      namePattern.lastIndex = offset;
      return namePattern.exec(text);
    },
  },
  start_chars_hint: nameStartHints(nameStart),
  line_breaks: false,
});

/** A quoted name or a documentation string: its place in the grammar decides which. */
export const Quoted = createToken({
  name: 'Quoted', categories: [Stray],
  label: 'a quoted text',
  pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*"/,
});

export const NumberToken = createToken({
  name: 'Number', categories: [Stray],
  label: 'a number',
  pattern: /-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/,
});

const keywords: TokenType[] = [];
function keyword(word: string): TokenType {
  const t = createToken({
    name: `Kw_${word}`,
    label: `'${word}'`,
    pattern: new RegExp(word),
    longer_alt: Identifier,
    categories: declarationWords.has(word) ? [Keyword] : [Keyword, NameKeyword, Stray],
  });
  keywords.push(t);
  return t;
}

export const Title = keyword('title');
export const Sim = keyword('sim');
export const Start = keyword('start');
export const Stop = keyword('stop');
export const SaveStep = keyword('save_step');
export const Dt = keyword('dt');
export const Method = keyword('method');
export const DialectKw = keyword('dialect');
export const DimensionKw = keyword('dimension');
export const SubrangeOf = keyword('subrange_of');
export const MapsTo = keyword('maps_to');
export const AliasOf = keyword('alias_of');
export const UnitKw = keyword('unit');
export const Alias = keyword('alias');
export const StockKw = keyword('stock');
export const FlowKw = keyword('flow');
export const AuxKw = keyword('aux');
export const Const = keyword('const');
export const DataKw = keyword('data');
export const SourceKw = keyword('source');
// Before `inflow`, which would otherwise take its first six letters.
export const InflowLimit = keyword('inflow_limit');
export const Inflow = keyword('inflow');
export const Outflow = keyword('outflow');
export const NonNegative = keyword('non_negative');
export const Uniflow = keyword('uniflow');
export const Queue = keyword('queue');
export const Hidden = keyword('hidden');
export const Access = keyword('access');
export const Init = keyword('init');
export const NetFlow = keyword('net_flow');
export const ConveyorKw = keyword('conveyor');
export const Capacity = keyword('capacity');
export const Arrest = keyword('arrest');
export const Leak = keyword('leak');
export const Zone = keyword('zone');
export const Doc = keyword('doc');
export const Graph = keyword('graph');
export const XScale = keyword('xscale');
export const YScale = keyword('yscale');
export const To = keyword('to');
export const ModuleKw = keyword('module');
export const Connect = keyword('connect');
export const Loop = keyword('loop');
export const Group = keyword('group');
export const ModelKw = keyword('model');
export const MacroKw = keyword('macro');
export const Outputs = keyword('outputs');
export const End = keyword('end');

export const Arrow = createToken({ name: 'Arrow', categories: [Stray], label: "'->'", pattern: /->/ });
export const BackArrow = createToken({ name: 'BackArrow', categories: [Stray], label: "'<-'", pattern: /<-/ });
export const Colon = createToken({ name: 'Colon', categories: [Stray], label: "':'", pattern: /:/ });
export const Comma = createToken({ name: 'Comma', categories: [Stray], label: "','", pattern: /,/ });
export const Dot = createToken({ name: 'Dot', categories: [Stray], label: "'.'", pattern: /\./ });
export const Slash = createToken({ name: 'Slash', categories: [Stray], label: "'/'", pattern: /\// });
export const LParen = createToken({ name: 'LParen', categories: [Stray], label: "'('", pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', categories: [Stray], label: "')'", pattern: /\)/ });
export const LBracket = createToken({ name: 'LBracket', categories: [Stray], label: "'['", pattern: /\[/ });
export const RBracket = createToken({ name: 'RBracket', categories: [Stray], label: "']'", pattern: /\]/ });

/** Order matters: `units` before keywords and names, keywords before names, numbers before `.`. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  Formula,
  Units,
  NumberToken,
  Arrow,
  BackArrow,
  Keyword,
  NameKeyword,
  Stray,
  ...keywords,
  Identifier,
  Quoted,
  Colon,
  Comma,
  Dot,
  Slash,
  LParen,
  RParen,
  LBracket,
  RBracket,
];

export const sluiceLexer = new Lexer(allTokens, {
  positionTracking: 'full',
  lineTerminatorsPattern,
  lineTerminatorCharacters: lineBreakChars,
  ensureOptimizations: true,
});

/** The words of the language, for syntax highlighting and completion. */
export const sluiceTokens = {
  /** Words that start a declaration. */
  statementKeywords: ['title', 'sim', 'dimension', 'unit', 'stock', 'flow', 'aux', 'const', 'data', 'module', 'loop', 'group', 'model', 'macro', 'end'],
  /** Words that start an attribute line under a declaration. */
  attributeKeywords: [
    'doc', 'units', 'inflow', 'outflow', 'non_negative', 'uniflow', 'queue', 'hidden', 'access', 'init', 'net_flow',
    'conveyor', 'capacity', 'inflow_limit', 'arrest', 'leak', 'zone', 'graph', 'xscale', 'yscale', 'to', 'connect', 'subrange_of', 'maps_to', 'alias_of', 'alias', 'outputs', 'source',
  ],
  /** Words of the `sim` line (`method` is also a data variable's attribute). */
  simKeywords: ['start', 'stop', 'dt', 'save_step', 'method', 'dialect'],
  /** Names with a meaning in one place (integration methods, graph types, port access). */
  values: ['euler', 'rk2', 'rk4', 'xmile', 'vensim', 'continuous', 'extrapolate', 'discrete', 'linear', 'input', 'output', 'interpolate', 'hold_backward', 'look_forward', 'raw'],
  operators: ['=', ':', ',', '(', ')', '[', ']', '->', '<-', '.', '/'],
  /** `#` to the end of the line. */
  lineComment: '#',
  /** Quoted names and documentation strings. */
  quote: '"',
} as const;

/** Every keyword, for the printer: a name spelled like one is printed quoted, which is always safe. */
export const keywordWords: ReadonlySet<string> = new Set([
  ...sluiceTokens.statementKeywords,
  ...sluiceTokens.attributeKeywords,
  ...sluiceTokens.simKeywords,
]);
