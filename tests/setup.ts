// Shared Vitest setup. jsdom-based component tests opt in per file with
// `// @vitest-environment jsdom`; xterm needs matchMedia there (STACK.md, pitfall 10).
if (typeof window !== 'undefined' && !window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
