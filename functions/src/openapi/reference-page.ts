import { createHash } from 'node:crypto';

/**
 * The API reference as one static HTML page, rendered from the OpenAPI document at build time: no
 * script at all (the platform holds personal data, and its CSP forbids third-party code), one inline
 * style whose hash the page's own CSP names (`docsContentSecurityPolicy`), and a link to the document.
 */

type Json = Record<string, unknown>;
type Doc = Json & {
  info: { title: string; description?: string };
  paths: Record<string, Record<string, Json>>;
};

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:62rem;margin:0 auto;padding:1rem;color:#1a1a1a}
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2.5rem;border-bottom:2px solid #1e3a5f}
h3{font-size:1.05rem;margin:1.8rem 0 .3rem;font-family:ui-monospace,monospace;overflow-wrap:anywhere}
.m{display:inline-block;min-width:3.8rem;padding:0 .3rem;margin-right:.4rem;border-radius:3px;color:#fff;background:#1e3a5f;text-align:center}
table{border-collapse:collapse;width:100%;margin:.4rem 0;font-size:.93rem}th,td{border:1px solid #bbb;padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#eef2f6}code{font-family:ui-monospace,monospace;font-size:.92em;overflow-wrap:anywhere}a{color:#0b4f8a}
td:first-child code{white-space:nowrap}nav ul{columns:2 20rem}`;

/** The hash of the inline style, for the page's CSP (`style-src 'sha256-…'`). */
export const referenceStyleHash = `sha256-${createHash('sha256').update(STYLE).digest('base64')}`;

const esc = (s: unknown) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** Backticks in the document's descriptions become code. */
const prose = (s: unknown) => esc(s ?? '').replace(/`([^`]+)`/g, '<code>$1</code>');

const anchor = (method: string, path: string) => `${method}${path}`.replace(/[^A-Za-z0-9]+/g, '-');

function resolve(doc: Doc, schema: Json): Json {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/components/schemas/', '');
  return ((doc.components as Json)?.schemas as Record<string, Json>)?.[name] ?? schema;
}

/** A schema's type and rules in a few words: `string, 2–40 characters, pattern …`. */
function summary(doc: Doc, raw: Json): string {
  const s = resolve(doc, raw);
  const parts: string[] = [];
  if (Array.isArray(s.enum)) parts.push(`one of ${s.enum.map((v) => `<code>${esc(v)}</code>`).join(', ')}`);
  else if (s.const !== undefined) parts.push(`<code>${esc(JSON.stringify(s.const))}</code>`);
  else if (s.type) parts.push(esc(Array.isArray(s.type) ? s.type.join(' or ') : s.type));
  else if (Array.isArray(s.anyOf) || Array.isArray(s.oneOf))
    parts.push(((s.anyOf ?? s.oneOf) as Json[]).map((x) => summary(doc, x)).join(' <em>or</em> '));
  else parts.push('any JSON');
  if (s.format) parts.push(esc(s.format));
  const range = (lo: unknown, hi: unknown, unit: string) =>
    lo !== undefined || hi !== undefined ? `${lo ?? 0}–${hi ?? '∞'}${unit}` : undefined;
  for (const r of [
    range(s.minLength, s.maxLength, ' characters'),
    range(s.minimum, s.maximum, ''),
    range(s.minItems, s.maxItems, ' items'),
  ])
    if (r) parts.push(esc(r));
  if (s.pattern) parts.push(`pattern <code>${esc(s.pattern)}</code>`);
  if (s.description) parts.push(prose(s.description));
  return parts.join(', ');
}

/** An object's fields as a table, nested objects and arrays of objects within their row. */
function fields(doc: Doc, raw: Json): string {
  const s = resolve(doc, raw);
  const items = s.type === 'array' ? resolve(doc, (s.items as Json) ?? {}) : undefined;
  if (items?.type === 'object') return `array of:${fields(doc, items)}`;
  const props = s.properties as Record<string, Json> | undefined;
  if (s.type !== 'object' || !props) return summary(doc, s);
  const required = new Set((s.required as string[] | undefined) ?? []);
  const rows = Object.entries(props).map(
    ([name, p]) =>
      `<tr><td><code>${esc(name)}</code></td><td>${required.has(name) ? 'yes' : 'no'}</td><td>${fields(doc, p)}</td></tr>`,
  );
  const closed = s.additionalProperties === false ? '<p>No other fields.</p>' : '';
  return `<table><tr><th>field</th><th>required</th><th>type and rules</th></tr>${rows.join('')}</table>${closed}`;
}

function operationSection(doc: Doc, path: string, method: string, op: Json): string {
  const params = (op.parameters as Json[] | undefined) ?? [];
  const paramRows = params.map(
    (p) =>
      `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td>${summary(doc, (p.schema as Json) ?? {})}</td></tr>`,
  );
  const body = ((op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined)?.[
    'application/json'
  ]?.schema as Json | undefined;
  const responses = Object.entries((op.responses as Record<string, Json>) ?? {}).map(
    ([status, r]) => `<tr><td>${esc(status)}</td><td>${prose(r.description)}</td></tr>`,
  );
  return [
    `<section aria-labelledby="${anchor(method, path)}">`,
    `<h3 id="${anchor(method, path)}"><span class="m">${esc(method.toUpperCase())}</span>${esc(path)}</h3>`,
    `<p>${prose(op.description)}</p>`,
    params.length
      ? `<table><caption>Parameters</caption><tr><th>name</th><th>in</th><th>required</th><th>type and rules</th></tr>${paramRows.join('')}</table>`
      : '',
    body ? `<h4>Body (application/json)</h4>${fields(doc, body)}` : '',
    `<table><caption>Answers</caption><tr><th>status</th><th>when</th></tr>${responses.join('')}</table>`,
    '</section>',
  ].join('\n');
}

export function referencePage(doc: Doc, documentHref: string): string {
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );
  const tags = (doc.tags as { name: string; description?: string }[] | undefined) ?? [];
  const errorSchema = ((doc.components as Json)?.schemas as Record<string, Json>)?.Error;
  const sections = tags.map(({ name, description }) => {
    const mine = operations.filter((o) => (o.op.tags as string[] | undefined)?.includes(name));
    return `<h2 id="tag-${esc(name)}">${esc(name)}</h2><p>${prose(description)}</p>${mine
      .map((o) => operationSection(doc, o.path, o.method, o.op))
      .join('\n')}`;
  });
  const toc = operations
    .map(
      (o) =>
        `<li><a href="#${anchor(o.method, o.path)}">${esc(o.method.toUpperCase())} ${esc(o.path)}</a></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)}: reference</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${esc(doc.info.title)}</h1>
<p>${prose(doc.info.description)}</p>
<p>The machine-readable document: <a href="${esc(documentHref)}">OpenAPI 3.1 (JSON)</a>.</p>
<p>Every request sends <code>Authorization: Bearer &lt;access token&gt;</code>. Every POST sends an <code>Idempotency-Key</code>.</p>
<h2 id="errors">Errors</h2>
${errorSchema ? fields(doc, errorSchema) : ''}
<nav aria-label="Routes"><h2>Routes</h2><ul>${toc}</ul></nav>
${sections.join('\n')}
</main>
</body>
</html>
`;
}
