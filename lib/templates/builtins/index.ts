import { TemplateDefinition } from "../schema";
import { enterpriseTemplate } from "./enterprise";
import { metadataTemplate } from "./metadata";
import { sddTemplate } from "./sdd";
import { technicalTemplate } from "./technical";
import { workflowTemplate } from "./workflow";

/**
 * The built-in templates, one per seed format in `../shared/seeds` (000–004, in that order),
 * with schema defaults filled in. Parsing here makes a broken definition fail at import time.
 */
export const BUILTIN_TEMPLATES: TemplateDefinition[] = [
  workflowTemplate,
  enterpriseTemplate,
  technicalTemplate,
  sddTemplate,
  metadataTemplate,
].map((source) => TemplateDefinition.parse(source));
