// A typed use of the API, compiled with tsc against the types openapi-typescript generates from the schema
// (build/schema.d.ts), then run against the quick-start server: node build/usage.js http://127.0.0.1:8000
import type { components, paths } from "./build/schema.js";

type ArticleFull = components["schemas"]["ArticleFull"];
type EntityFull = components["schemas"]["EntityFull"];
type Qualifier = components["schemas"]["QualifierEnum"];
type ClaimsPage = paths["/api/v1/claims/"]["get"]["responses"][200]["content"]["application/json"];
type ClaimsQuery = NonNullable<paths["/api/v1/claims/"]["get"]["parameters"]["query"]>;
type ValidationError = paths["/api/v1/claims/"]["get"]["responses"][400]["content"]["application/json"];

// Every field read here is required in the schema: no `?.`, no undefined to handle.
export function facilityFigures(article: ArticleFull): Array<[number | null, Qualifier | null]> {
  return article.claims
    .filter((claim) => claim.unit.endsWith("facility"))
    .map((claim) => [claim.value, claim.qualifier]);
}

export function measuresOf(entity: EntityFull): string[] {
  return entity.measures.map((measure) => `${measure.key} (${measure.claim_count})`).concat(
    [`${entity.claim_count} claims, ${entity.measure_count} measures`]);
}

function query(parameters: ClaimsQuery): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, String(item));
  }
  return search.toString();
}

async function get<T>(base: string, path: string): Promise<[number, T]> {
  const response = await fetch(base + path);
  return [response.status, (await response.json()) as T];
}

async function main(base: string): Promise<void> {
  const [, page] = await get<paths["/api/v1/articles/"]["get"]["responses"][200]["content"]["application/json"]>(
    base, "/api/v1/articles/");
  const first = page.results[0];
  if (first === undefined) throw new Error("no article");
  const [, article] = await get<ArticleFull>(base, `/api/v1/articles/${first.id}/`);
  const figures = facilityFigures(article).map(([value, qualifier]) => `${qualifier} ${value}`).sort();
  if (figures.join(", ") !== "exact 74, more_than 70") throw new Error(`facility figures: ${figures}`);

  const facilities: ClaimsQuery = { unit: ["facility"], predicate: ["destroyed"], count: true };
  const [, claims] = await get<ClaimsPage>(base, `/api/v1/claims/?${query(facilities)}`);
  if (claims.count !== 2 || claims.next !== null) throw new Error(`claims: ${JSON.stringify(claims).slice(0, 200)}`);

  const [status, error] = await get<ValidationError>(base, "/api/v1/claims/?page_size=0&claimant=nobody");
  const attrs = error.errors.map((item) => item.attr).sort().join(",");
  if (status !== 400 || attrs !== "claimant,page_size") throw new Error(`400: ${status} ${attrs}`);
  console.log(`typescript client check: ${figures.join(", ")}; ${claims.count} claims; 400 names ${attrs}`);
}

const base = process.argv[2];
if (base !== undefined) {
  main(base).catch((problem: unknown) => {
    console.error(problem);
    process.exit(1);
  });
}
