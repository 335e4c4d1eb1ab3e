import pino from "pino";
import { mapBuiltFrames } from "./mapStack";

const globalForLog = globalThis as unknown as { specwrightLogger?: pino.Logger };

/** The process-wide JSON logger. LOG_LEVEL sets the level (default info; silent in tests). */
export function getLogger(): pino.Logger {
  globalForLog.specwrightLogger ??= pino({
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
    base: { service: "specwright" },
    timestamp: pino.stdTimeFunctions.isoTime,
    // an error's stack names the sources of built code (loaded without its maps: mapStack.ts)
    serializers: {
      err: (error: Error) => {
        const serialized = pino.stdSerializers.err(error);
        if (typeof serialized.stack === "string") serialized.stack = mapBuiltFrames(serialized.stack);
        return serialized;
      },
    },
    redact: { paths: ["password", "*.password", "passwordHash", "*.passwordHash", "req.headers.cookie", "req.headers.authorization", "secret", "*.secret"], remove: true },
  });
  return globalForLog.specwrightLogger;
}

/** A logger whose every line carries the request id. */
export function requestLogger(requestId: string | undefined): pino.Logger {
  return requestId ? getLogger().child({ requestId }) : getLogger();
}
