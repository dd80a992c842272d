import { sluiceTokens } from '@sluice/language';
import type { VariableInfo } from '../engine/model-index.js';
import { formatValue } from '../charts/results-view.js';
import { builtinMarkdown, builtinNamed, builtins, signatureOf } from './builtins.js';
import type { LanguageState } from './language-state.js';
import type { monaco as Monaco } from './setup.js';
import { tokenizeLine, type LineState } from './sluice-tokens.js';
import { enclosingCall } from './enclosing-call.js';

type M = typeof Monaco;

export const SLUICE = 'sluice';

class TokenState implements Monaco.languages.IState {
  constructor(readonly line: LineState) {}
  clone(): TokenState {
    return new TokenState({ ...this.line });
  }
  equals(other: Monaco.languages.IState): boolean {
    return other instanceof TokenState && other.line.formulaDepth === this.line.formulaDepth && other.line.inComment === this.line.inComment;
  }
}

/** Register the Sluice language: highlighting, and for every language id given, the model-aware features. */
export function registerSluice(monaco: M, state: LanguageState, languages: string[]): void {
  monaco.languages.register({ id: SLUICE, extensions: ['.sluice'], aliases: ['Sluice'] });
  monaco.languages.setLanguageConfiguration(SLUICE, {
    comments: { lineComment: sluiceTokens.lineComment },
    brackets: [['(', ')'], ['[', ']'], ['{', '}']],
    autoClosingPairs: [{ open: '(', close: ')' }, { open: '[', close: ']' }, { open: '"', close: '"', notIn: ['string', 'comment'] }],
    wordPattern: /[\p{L}_$][\p{L}\p{N}_$]*|-?\d*\.?\d+(?:[eE][-+]?\d+)?/u,
  });
  const isBuiltin = (name: string) => builtinNamed(name) !== undefined;
  monaco.languages.setTokensProvider(SLUICE, {
    getInitialState: () => new TokenState({ formulaDepth: null, inComment: false }),
    tokenize: (line, s) => {
      const out = tokenizeLine(line, (s as TokenState).line, isBuiltin);
      return { tokens: out.tokens.map((t) => ({ startIndex: t.start, scopes: t.type })), endState: new TokenState(out.state) };
    },
  });

  for (const language of languages) {
    monaco.languages.registerCompletionItemProvider(language, completion(monaco, state, language === SLUICE));
    monaco.languages.registerHoverProvider(language, hover(state));
    monaco.languages.registerSignatureHelpProvider(language, signatureHelp());
    monaco.languages.registerDefinitionProvider(language, {
      provideDefinition: (model, position) => {
        const v = state.variableAt(position.lineNumber, position.column, model.getWordAtPosition(position)?.word);
        if (!v?.loc) return null;
        return { uri: model.uri, range: rangeOf(monaco, v.loc, v.name.length) };
      },
    });
    monaco.languages.registerReferenceProvider(language, {
      provideReferences: (model, position, context) => {
        const v = state.variableAt(position.lineNumber, position.column, model.getWordAtPosition(position)?.word);
        if (!v || !state.index) return [];
        return state.index
          .sitesOf(v.ident)
          .filter((s) => context.includeDeclaration || !s.definition)
          .map((s) => ({ uri: model.uri, range: rangeOf(monaco, s.loc, s.definition ? v.name.length : 1) }));
      },
    });
  }
}

function completion(monaco: M, state: LanguageState, sluice: boolean): Monaco.languages.CompletionItemProvider {
  const Kind = monaco.languages.CompletionItemKind;
  return {
    triggerCharacters: ['(', ' '],
    provideCompletionItems: (model, position) => {
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      const before = model.getLineContent(position.lineNumber).slice(0, word.startColumn - 1);
      // After `units`, offer the units the model already uses.
      if (sluice && /^\s*units\s/.test(before)) {
        return { suggestions: state.units().map((u) => ({ label: u, kind: Kind.Unit, insertText: u, range })) };
      }
      const suggestions: Monaco.languages.CompletionItem[] = [];
      if (sluice && /^\s*$/.test(before)) {
        for (const k of [...sluiceTokens.statementKeywords, ...sluiceTokens.attributeKeywords]) {
          suggestions.push({ label: k, kind: Kind.Keyword, insertText: k, range, sortText: `2${k}` });
        }
      }
      for (const v of state.index?.variables.values() ?? []) {
        const needsQuotes = !/^[\p{L}_][\p{L}\p{N}_]*$/u.test(v.name);
        suggestions.push({
          label: v.name,
          kind: v.kind === 'stock' ? Kind.Variable : v.kind === 'flow' ? Kind.Event : v.constant !== undefined ? Kind.Constant : Kind.Field,
          detail: [v.kind, v.units].filter(Boolean).join(' · '),
          documentation: variableMarkdown(v, state),
          insertText: needsQuotes ? `"${v.name}"` : v.name,
          range,
          sortText: `0${v.name.toLowerCase()}`,
        });
      }
      for (const b of builtins) {
        const sig = signatureOf(b);
        suggestions.push({
          label: b.name,
          kind: Kind.Function,
          detail: sig.label,
          documentation: { value: builtinMarkdown(b) },
          insertText: b.bare && b.params.length === 0 ? b.name : `${b.name}($0)`,
          insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
          range,
          sortText: `1${b.name}`,
        });
      }
      return { suggestions };
    },
  };
}

function hover(state: LanguageState): Monaco.languages.HoverProvider {
  return {
    provideHover: (model, position) => {
      const word = model.getWordAtPosition(position);
      const v = state.variableAt(position.lineNumber, position.column, word?.word);
      const range = word ? { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: word.startColumn, endColumn: word.endColumn } : undefined;
      if (v) return { contents: [{ value: variableMarkdown(v, state) }], ...(range ? { range } : {}) };
      const b = word ? builtinNamed(word.word) : undefined;
      if (b) return { contents: [{ value: builtinMarkdown(b) }], ...(range ? { range } : {}) };
      return null;
    },
  };
}

/** A variable's card: kind, equation, units, documentation, and its value in the current run. */
export function variableMarkdown(v: VariableInfo, state: LanguageState): string {
  const lines = [`**${escapeMd(v.name)}** *${v.kind}*`];
  if (v.equation !== undefined) lines.push(`\`\`\`\n${v.kind === 'stock' ? 'initial ' : ''}= ${v.equation}\n\`\`\``);
  if (v.kind === 'stock' && (v.inflows?.length || v.outflows?.length)) {
    lines.push(`rate: ${[...(v.inflows ?? []).map((f) => `+ ${f}`), ...(v.outflows ?? []).map((f) => `− ${f}`)].join(' ')}`);
  }
  if (v.units) lines.push(`units: ${escapeMd(v.units)}`);
  if (v.doc) lines.push(escapeMd(v.doc));
  const values = state.values(v.ident);
  if (values) {
    lines.push(
      values.first === values.last
        ? `value: **${formatValue(values.last)}**`
        : `value: ${formatValue(values.first)} at t=${values.startTime} → **${formatValue(values.last)}** at t=${values.endTime}`,
    );
  }
  return lines.join('\n\n');
}

function signatureHelp(): Monaco.languages.SignatureHelpProvider {
  return {
    signatureHelpTriggerCharacters: ['(', ','],
    signatureHelpRetriggerCharacters: [','],
    provideSignatureHelp: (model, position) => {
      const text = model.getValueInRange({ startLineNumber: Math.max(1, position.lineNumber - 20), startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
      const call = enclosingCall(text);
      const b = call ? builtinNamed(call.name) : undefined;
      if (!call || !b) return null;
      const sig = signatureOf(b);
      const active = b.params.some((p) => p.repeats) ? Math.min(call.argument, sig.params.length - 1) : call.argument;
      return {
        value: {
          signatures: [{ label: sig.label, documentation: { value: b.summary }, parameters: sig.params.map((p) => ({ label: p })) }],
          activeSignature: 0,
          activeParameter: active,
        },
        dispose: () => {},
      };
    },
  };
}

function rangeOf(monaco: M, loc: { line: number; column: number; endLine?: number; endColumn?: number }, length: number): Monaco.IRange {
  return new monaco.Range(loc.line, loc.column, loc.endLine ?? loc.line, loc.endColumn ?? loc.column + length);
}

function escapeMd(s: string): string {
  return s.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}
