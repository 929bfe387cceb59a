import { register } from "node:module";

/**
 * Server modules start with `import "server-only"`, a marker that throws unless resolved with
 * the "react-server" condition, as Next.js does for server code (vitest aliases it to its empty
 * module). `tsx --conditions=react-server` would do that for every package and break React and
 * next-intl, so this hook gives the condition to that one specifier only. Import this module
 * first, and load server code afterwards with dynamic imports: static imports are resolved
 * before any module runs.
 */
register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      if (specifier !== "server-only") return next(specifier, context);
      return next(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
    }`)}`,
  import.meta.url,
);
