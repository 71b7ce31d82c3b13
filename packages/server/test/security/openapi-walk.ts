import type { App } from '../../src/app.js';
import { ROLES, type Role } from '../../src/schemas/common.js';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

interface Operation {
  'x-roles'?: unknown;
  security?: Record<string, string[]>[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface ApiOperation {
  method: string;
  path: string;
  /** `METHOD /path` as in the document. */
  key: string;
  roles: Role[] | undefined;
  body: JsonSchema | undefined;
  /** Answers with a never-ending `text/event-stream`: callers read the status, then cancel. */
  streams: boolean;
}

export { ROLES, type Role };

export async function openApiDocument(app: App): Promise<OpenApiDoc> {
  return (await (await app.request('/openapi.json')).json()) as OpenApiDoc;
}

/** Every /v1 operation of the document, with its declared roles and JSON body schema. */
export function operations(doc: OpenApiDoc): ApiOperation[] {
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/v1/'))
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => {
        const roles = Array.isArray(op['x-roles']) ? (op['x-roles'] as Role[]) : undefined;
        return {
          method: method.toUpperCase(),
          path,
          key: `${method.toUpperCase()} ${path}`,
          roles,
          body: op.requestBody?.content?.['application/json']?.schema,
          streams: Object.values(op.responses ?? {}).some((r) => r.content?.['text/event-stream']),
        };
      }),
    );
}

export function resolve(doc: OpenApiDoc, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = doc.components?.schemas?.[name];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  return resolve(doc, target);
}

/** Object schemas that accept keys they do not declare, as JSON paths ("" = the body itself). */
export function openObjects(
  doc: OpenApiDoc,
  schema: JsonSchema,
  at = 'body',
  seen = new Set<JsonSchema>(),
): string[] {
  const s = resolve(doc, schema);
  if (seen.has(s)) return [];
  seen.add(s);
  const out: string[] = [];
  if (s.properties) {
    if (s.additionalProperties !== false) out.push(at);
    for (const [name, child] of Object.entries(s.properties))
      out.push(...openObjects(doc, child, `${at}.${name}`, seen));
  }
  if (s.items) out.push(...openObjects(doc, s.items, `${at}[]`, seen));
  for (const list of [s.anyOf, s.oneOf, s.allOf])
    for (const child of list ?? []) out.push(...openObjects(doc, child, at, seen));
  return out;
}

/** The top-level property names a body schema declares. */
export function declaredFields(doc: OpenApiDoc, schema: JsonSchema): Set<string> {
  const s = resolve(doc, schema);
  const names = new Set(Object.keys(s.properties ?? {}));
  for (const list of [s.anyOf, s.oneOf, s.allOf])
    for (const child of list ?? []) for (const n of declaredFields(doc, child)) names.add(n);
  return names;
}

/** A path with every `{param}` filled: ids with a valid but unknown uuid. */
export function fillPath(path: string, id = '5b0c3a9e-0000-4000-8000-000000000000'): string {
  return path.replace(/\{(?:id|[a-z]+Id)\}/g, id).replace(/\{dataset\}/g, 'requests.csv');
}
