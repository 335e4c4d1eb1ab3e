import type { TemplateSource } from "../schema";

/** Seed 002: a concise technical design whose rigour follows a chosen quality level. */
export const technicalTemplate = {
  key: "technical-design",
  name: "Technical Design",
  description:
    "A compact technical design whose depth follows a quality level, from a throwaway experiment to a secure, audited system.",
  titlePattern: "Technical Design",
  sections: [
    {
      key: "overview",
      title: "Overview",
      depth: 1,
      hint: "Project basics: the problem, who has it, and what changes for them once this ships. A paragraph, not a spec.",
      starter: "[Problem, target users and intended outcome]",
    },
    {
      key: "goals_and_non_goals",
      title: "Goals and Non\u2011Goals",
      depth: 1,
      hint: "Goals you can measure, and what you deliberately leave out so the scope stays honest.",
      starter: ["- Goals:", "  - [Measurable objective]", "- Non-Goals:", "  - [Out of scope, and why]"].join("\n"),
    },
    {
      key: "architecture",
      title: "Architecture",
      depth: 1,
      hint: "Core technical: system boundaries, how data and control flow across them, where trust changes, and where it all runs.",
      starter: [
        "```mermaid",
        "flowchart LR",
        "    user[User] --> app[Application]",
        "    app --> store[(Data store)]",
        "    app --> external[External service]",
        "```",
        "",
        "- Deployment targets: [Where it runs]",
        "- Runtime assumptions: [What it relies on]",
      ].join("\n"),
    },
    {
      key: "quality",
      title: "Quality",
      depth: 1,
      hint: "Project basics: pick the quality level first — it decides how much of every later section you need.",
      fields: [
        {
          key: "quality_level",
          label: "Quality Level",
          type: "select",
          required: true,
          options: ["experiment", "prototype", "production", "secure"],
          guidance: {
            experiment:
              "Learning fast matters more than lasting code. Keep the design short, test only what you must, and say what would make you throw it away.",
            prototype:
              "Show that it works for real users: cover the main paths with smoke tests, handle the obvious errors, and list what must change before production.",
            production:
              "Built to stay up: state SLOs, monitoring and alerts, an automated pipeline with rollback, and who is on call before launch.",
            secure:
              "Everything production asks for, plus a written threat model, hardened defaults, least-privilege access, audit trails and the evidence compliance reviewers need.",
          },
        },
      ],
      starter: [
        "**Entry/Exit criteria**",
        "",
        "- Entry: [What must be true before work starts]",
        "- Exit: [Gates for the chosen level: tests, lint, coverage, reviews, security scans]",
      ].join("\n"),
    },
    {
      key: "components",
      title: "Components",
      depth: 1,
      hint: "Core technical: each major component, what it owns, and how it talks to the others.",
      starter: "- [Component]: [Purpose; inputs and outputs; key dependencies]",
    },
    {
      key: "data_model",
      title: "Data Model",
      depth: 1,
      hint: "Core technical: the main entities and their relationships, where they are stored and for how long.",
      starter: ["- Entities: [Names, schemas, relationships]", "- Storage and retention: [Engines and policies]"].join("\n"),
    },
    {
      key: "interfaces",
      title: "Interfaces",
      depth: 1,
      hint: "Core technical: the APIs, commands or screens others use, with their contracts; internal module boundaries if they matter.",
      starter: ["- External: [Endpoint or command]: [Contract]", "- Internal: [Module]: [Interface]"].join("\n"),
    },
    {
      key: "configuration",
      title: "Configuration",
      depth: 1,
      hint: "Production readiness: every setting and its default, how secrets are kept out of the repository, and how environments stay alike.",
      starter: [
        "- Settings: [Environment variables, files, flags and defaults]",
        "- Secrets: [Where they live]",
        "- **Infrastructure as Code:** [Tool, file location, state backend]",
        "- **Platform-specific config:** [Platform files and manifests]",
        "- **Environment parity:** [How dev, staging and production stay consistent]",
      ].join("\n"),
    },
    {
      key: "algorithms_processing",
      title: "Algorithms / Processing",
      depth: 1,
      hint: "Core technical: the main algorithms or pipelines step by step, and the alternatives you rejected.",
      starter: ["1. [Step]", "", "Alternatives considered: [Option and why not]"].join("\n"),
    },
    {
      key: "error_handling_resilience",
      title: "Error Handling & Resilience",
      depth: 1,
      hint: "Production readiness: what can fail, and how timeouts, retries, idempotency and fallbacks keep users safe.",
      starter: "- [Failure mode]: [Detection and response]",
    },
    {
      key: "performance_scalability",
      title: "Performance & Scalability",
      depth: 1,
      hint: "Core technical for production and secure levels, otherwise production readiness: load, targets, and how you will scale.",
      starter: ["- Expected load: [Requests, data volume]", "- Targets: [Latency, throughput]", "- Scaling: [Caching, indexing, parallelism]"].join("\n"),
    },
    {
      key: "security_privacy",
      title: "Security & Privacy",
      depth: 1,
      hint: "Production readiness, and compliance for secure designs: threats and mitigations, permissions, and how personal data is protected.",
      starter: ["- Threats: [Threat]: [Mitigation]", "- Access: [Permissions and least privilege]", "- Data protection: [Approach]"].join("\n"),
    },
    {
      key: "observability",
      title: "Observability",
      depth: 1,
      hint: "Production readiness: the logs, metrics, traces and run reports you will rely on.",
      starter: "- [Signal]: [What it tells you]",
    },
    {
      key: "testing_strategy",
      title: "Testing Strategy",
      depth: 1,
      hint: "Core technical: what unit, integration and end-to-end tests cover, and where their data comes from.",
      starter: ["- Unit: [Scope]", "- Integration: [Scope]", "- End-to-end: [Scope]", "- Test data: [Source]"].join("\n"),
    },
    {
      key: "rollout_migration",
      title: "Rollout & Migration",
      depth: 1,
      hint: "Production readiness: how this reaches users without downtime, what you watch while it does, and how you back out.",
      starter: [
        "- Plan: [Flags, migrations, compatibility, rollback]",
        "- **Deployment mechanism:** [Pipeline or manual steps]",
        "- **Health checks:** [Probes and smoke tests]",
        "- **Monitoring during rollout:** [Metrics, thresholds, rollback triggers]",
        "- **Zero-downtime strategy:** [Blue-green, canary or rolling]",
      ].join("\n"),
    },
    {
      key: "open_questions",
      title: "Open Questions",
      depth: 1,
      hint: "Decisions still to make and risks still open.",
      starter: "- [ ] [Question or risk]",
    },
  ],
  signoffRoles: [
    { key: "technical_review", name: "Technical Review", scope: [] },
    { key: "security_review", name: "Security Review", scope: ["security_privacy"] },
  ],
} satisfies TemplateSource;
