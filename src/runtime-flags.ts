// V8 settings for the emulator's own process (main.ts imports this module first, so it runs before
// the rest is loaded; the programmatic API never imports it, so a host test runner keeps its own).
// A test emulator idles most of its life and should stay small:
// - the young generation stays at its initial size instead of growing 16-fold under load; the live
//   set of a request is small, so small, frequent scavenges stay cheap;
// - the old generation may grow by half its live size between full collections instead of up to 4x
//   by V8's own heuristics, which under token load let it fill with garbage before each full GC.
// The measured effect on RSS and throughput is in the README, Performance ("Memory").
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=1');
setFlagsFromString('--heap-growing-percent=50');
