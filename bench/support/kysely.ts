/**
 * Kysely is a dependency of the server package, not of the repository root: the bench reaches
 * the server's own copy (the same module instance the server imports, after symlinks).
 */
export {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from '../../packages/server/node_modules/kysely/dist/esm/index.js';
