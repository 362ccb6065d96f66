// V8 settings for the emulator's own process (main.ts imports this module first, so it runs before
// the rest is loaded; the programmatic API never imports it, so a host test runner keeps its own).
// The young generation stays at its initial size instead of growing 16-fold under load: a test
// emulator idles most of its life and should stay small. Measured with bench/ (issue 6): idle RSS
// 80-82 → 70-72 MB and RSS after load +7 instead of +22 MB, with no measurable CPU cost per token
// response (the live set per request is small, so small, frequent scavenges stay cheap).
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--semi-space-growth-factor=1');
