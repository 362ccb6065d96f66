// V8 settings for the emulator's own process, applied by cli.ts once it listens (the programmatic API
// never calls this, so a host test runner keeps its own).
// A test emulator idles most of its life and should stay small:
// - the young generation stays at its size instead of growing 16-fold under load; the live set of a
//   request is small, so small, frequent scavenges stay cheap;
// - the old generation may grow by half its live size between full collections instead of up to 4x
//   by V8's own heuristics, which under token load let it fill with garbage before each full GC.
// Not before listening: start-up allocates megabytes that mostly survive, and a young generation held
// at its initial size copied them through scavenge after scavenge. While starting, V8 grows it as it
// sees fit; its memory reducer shrinks it back once the process idles.
// The measured effect on RSS, throughput and start-up is in the README, Performance.

export function tuneHeapForServing(): void {
  // Not a static import: an ES module loads those before it runs, and nothing else needs node:v8 to start.
  const { setFlagsFromString } = process.getBuiltinModule('node:v8');
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=50');
}
