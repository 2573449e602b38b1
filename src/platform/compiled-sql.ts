// Statements run on every comment are compiled once: Kysely builds and compiles a query anew
// on each call, which cost about what SQLite's own work on a small statement does.
import type { Compilable } from 'kysely';

/** The query's SQL, to run again with other values, once its placeholders are known to take
 * `parameters` in that order (a Kysely upgrade that changed the order would fail here, loudly). */
export function compileWithParameters(query: Compilable, parameters: readonly unknown[]): string {
  const compiled = query.compile();
  if (compiled.parameters.length !== parameters.length || compiled.parameters.some((p, i) => p !== parameters[i])) {
    throw new Error(`placeholders not in the expected order: ${compiled.sql}`);
  }
  return compiled.sql;
}
