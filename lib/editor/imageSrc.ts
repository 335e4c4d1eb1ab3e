/** How long an image's alt text may be (the collaboration rules' limit for labels). */
export const IMAGE_ALT_MAX = 1000;

export { safeImageSrc } from "./documentUrls";
