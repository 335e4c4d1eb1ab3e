export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (/\/lib\/db\/index\.ts$/.test(resolved.url)) throw new Error(`the database module was loaded (${specifier} from ${context.parentURL})`);
  return resolved;
}
