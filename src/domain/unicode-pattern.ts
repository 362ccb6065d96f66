// Cognito's name and text patterns use Unicode property classes (`[\p{L}\p{M}\p{S}\p{N}\p{P}]`). V8
// builds each such class when the RegExp is created, ~0.3 ms apiece: as module-level constants they
// were built at every start, by modules start-up loads but does not run. Built on first use instead.
export function unicodePattern(source: string): () => RegExp {
  let re: RegExp | undefined;
  return () => {
    re ??= new RegExp(source, 'u');
    return re;
  };
}
