/**
 * Translates the FTS5 MATCH expressions the search port carries (src/search/query.ts toFtsMatch) into PostgreSQL
 * tsquery text: "quoted phrases", "prefix"*, barewords, AND / OR / NOT (FTS5 precedence NOT > AND > OR), parentheses.
 */
import { EngineError } from '../../core/errors.ts';
import { quoteLexeme, splitTerms } from './ts-vector.ts';

type Node =
  | { readonly kind: 'phrase'; readonly terms: readonly string[]; readonly prefix: boolean }
  | { readonly kind: 'and' | 'or' | 'not'; readonly left: Node; readonly right: Node };

type Token =
  | { readonly kind: '(' | ')' | '*' | 'AND' | 'OR' | 'NOT' }
  | { readonly kind: 'string'; readonly text: string };

/** FTS5 barewords: ASCII letters, digits, '_' and any non-ASCII character. */
const BAREWORD_RE = /[A-Za-z0-9_\u0080-\u{10FFFF}]+/uy;
const STRING_RE = /"(?<body>(?:[^"]|"")*)"/uy;
const SPACE_RE = /\s+/uy;
const KEYWORDS: ReadonlySet<string> = new Set(['AND', 'OR', 'NOT']);

function fail(reason: string): never {
  throw new EngineError('store/failed', `Search failed: ${reason}`);
}

function tokenize(match: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const sticky = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = at;
    return re.exec(match);
  };
  while (at < match.length) {
    const char = match[at]!;
    let found: RegExpExecArray | null;
    if ((found = sticky(SPACE_RE))) at += found[0].length;
    else if (char === '(' || char === ')' || char === '*') {
      tokens.push({ kind: char });
      at += 1;
    } else if ((found = sticky(STRING_RE))) {
      tokens.push({ kind: 'string', text: found.groups!.body!.replaceAll('""', '"') });
      at += found[0].length;
    } else if ((found = sticky(BAREWORD_RE))) {
      const word = found[0];
      tokens.push(KEYWORDS.has(word) ? { kind: word as 'AND' | 'OR' | 'NOT' } : { kind: 'string', text: word });
      at += word.length;
    } else {
      fail(char === '"' ? 'unterminated string in the query' : `unsupported syntax «${char}» in the query`);
    }
  }
  return tokens;
}

/** Recursive-descent parser over the token list. */
class Parser {
  private at = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  parse(): Node {
    const node = this.or();
    if (this.at < this.tokens.length) fail(`unexpected «${this.tokens[this.at]!.kind}» in the query`);
    return node;
  }
  private peek(): Token['kind'] | undefined {
    return this.tokens[this.at]?.kind;
  }
  private or(): Node {
    let node = this.and();
    while (this.peek() === 'OR') {
      this.at += 1;
      node = { kind: 'or', left: node, right: this.and() };
    }
    return node;
  }
  private and(): Node {
    let node = this.not();
    // FTS5 treats two adjacent phrases as an implicit AND.
    while (this.peek() === 'AND' || this.peek() === 'string' || this.peek() === '(') {
      if (this.peek() === 'AND') this.at += 1;
      node = { kind: 'and', left: node, right: this.not() };
    }
    return node;
  }
  private not(): Node {
    let node = this.primary();
    while (this.peek() === 'NOT') {
      this.at += 1;
      node = { kind: 'not', left: node, right: this.primary() };
    }
    return node;
  }
  private primary(): Node {
    const token = this.tokens[this.at];
    this.at += 1;
    if (token?.kind === '(') {
      const node = this.or();
      if (this.tokens[this.at]?.kind !== ')') fail('unbalanced parentheses in the query');
      this.at += 1;
      return node;
    }
    if (token?.kind !== 'string') fail(token ? `unexpected «${token.kind}» in the query` : 'the query ends too early');
    const terms = splitTerms(token.text);
    if (terms.length === 0) fail('a phrase without terms in the query');
    const prefix = this.peek() === '*';
    if (prefix) this.at += 1;
    return { kind: 'phrase', terms, prefix };
  }
}

function render(node: Node): string {
  switch (node.kind) {
    case 'phrase': {
      const last = node.terms.length - 1;
      const lexemes = node.terms.map((term, i) => `${quoteLexeme(term)}${node.prefix && i === last ? ':*' : ''}`);
      return lexemes.length === 1 ? lexemes[0]! : `(${lexemes.join(' <-> ')})`;
    }
    case 'and':
      return `(${render(node.left)} & ${render(node.right)})`;
    case 'or':
      return `(${render(node.left)} | ${render(node.right)})`;
    case 'not':
      return `(${render(node.left)} & !${render(node.right)})`;
  }
}

/** tsquery text for an FTS5 MATCH expression; throws a `store/failed` "Search failed" error for malformed input. */
export function ftsMatchToTsQuery(match: string): string {
  const tokens = tokenize(match);
  if (tokens.length === 0) fail('the query is empty');
  return render(new Parser(tokens).parse());
}
