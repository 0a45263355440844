// jsdom ships no types and @types/jsdom is not installed; the report tests use this much of it, typed
// structurally because the Node tsconfig has no DOM lib.
declare module 'jsdom' {
  interface ParsedElement {
    readonly tagName: string
    readonly textContent: string | null
    readonly children: ArrayLike<ParsedElement>
    getAttribute(name: string): string | null
    getAttributeNames(): string[]
    querySelector(selector: string): ParsedElement | null
    querySelectorAll(selector: string): Iterable<ParsedElement> & ArrayLike<ParsedElement>
  }
  export class JSDOM {
    constructor(html: string)
    readonly window: { readonly document: ParsedElement }
  }
}
