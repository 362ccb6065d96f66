// V8 settings for the emulator's own process, applied by cli.ts once it is listening (the programmatic
// API never calls this, so a host test runner keeps its own settings).
// The young generation stays at its size instead of growing 16-fold under load: a test emulator
// idles most of its life and should stay small. Measured with bench/ (README, Performance): idle RSS
// 80-82 → 70-72 MB and RSS after load +7 instead of +22 MB, with no measurable CPU cost per token
// response (the live set per request is small, so small, frequent scavenges stay cheap).
// The old generation may grow by half its live size between full collections, instead of up to 4x
// by V8's own heuristics: under token load the old space filled with 25-30 MB of garbage before each
// full GC (RSS peaked at ~107 MB, +45 over idle, and "after 100k tokens" read +18 to +41 MB depending
// on where the measurement fell). With 1.5x the live set (~17 MB) the old space stays at 16-19 MB:
// peak ~83 MB, +18 to +26 MB after 100k across runs, throughput within run-to-run noise (bench/; README, Performance).
// Not before listening: start-up allocates many megabytes that mostly survive, and a young generation
// held at its initial size copied them through scavenge after scavenge (README, Performance). During
// start-up V8 grows it as it sees fit; its memory reducer shrinks it back once the process idles.

export function tuneHeapForServing(): void {
  // Not a static import: an ES module loads those before it runs, and nothing else needs node:v8 to start.
  const { setFlagsFromString } = process.getBuiltinModule('node:v8');
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=50');
}
