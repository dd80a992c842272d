// Vensim files end lines with CR, LF or CRLF depending on the platform that saved them; the
// shared line index counts all three.
export { LineIndex as SourceMap } from '@sluice/ir';
