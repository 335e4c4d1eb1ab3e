// Preloaded into the Prisma CLI only. Its WebAssembly schema engine leaves a 10 s timer
// running after `migrate deploy` has finished, which keeps the process alive for 10 s.
// Long timers are unref'd so the CLI exits when its real work (sockets, pipes) is done.
const originalSetTimeout = global.setTimeout;
global.setTimeout = function setTimeoutUnrefLong(callback, ms, ...args) {
  const timer = originalSetTimeout(callback, ms, ...args);
  if (typeof ms === "number" && ms >= 5000 && typeof timer.unref === "function") timer.unref();
  return timer;
};
