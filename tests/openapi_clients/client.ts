// A front end's use of the case-study API, typed only by what openapi-typescript generates from
// the package's OpenAPI documents (generated/v2.ts and generated/v3.ts, written by
// tests/test_openapi_tools.py). `tsc --strict` must accept it with no casts and no `any`: if a
// document loses a parameter, a filter's values, a facet or a detail's translations, this
// program stops compiling.
import type { paths as V2 } from "./generated/v2";
import type { paths as V3 } from "./generated/v3";

type Json<Operation> = Operation extends {
  responses: { 200: { content: { "application/json": infer Body } } };
}
  ? Body
  : never;

// --- v2 ---------------------------------------------------------------------------------------

type V2Listing = V2["/api/v2/case-studies/"]["get"];
type V2ListingQuery = NonNullable<V2Listing["parameters"]["query"]>;
type V2ListingBody = Json<V2Listing>;
type V2Detail = V2["/api/v2/case-studies/{id}/"]["get"];
type V2DetailBody = Json<V2Detail>;

// Whatever client sends the requests (fetch, openapi-fetch, a test double) answers with the
// documented body of the operation.
export type Get<Body> = (path: string, query: URLSearchParams) => Promise<Body>;

/** The query string, as the documents describe it: lists comma-separated (form, explode false). */
export function queryString(query: V2ListingQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    params.set(name, Array.isArray(value) ? value.join(",") : String(value));
  }
  return params;
}

/** Welsh district councils' COVID-19 case studies in Wales, with topic and region facets. */
export const welshCovidDistricts: V2ListingQuery = {
  region: ["wales"],
  council_type: ["unitary", "district"],
  covid: true,
  topic: ["public-health"],
  year: [2021, 2022],
  facets: ["topic", "region"],
  order: "-date",
  limit: 10,
  offset: 0,
};

export async function listTitles(get: Get<V2ListingBody>): Promise<string[]> {
  const listing = await get("/api/v2/case-studies/", queryString(welshCovidDistricts));
  const total: number = listing.meta.total_count;
  return listing.items.map(
    (item) => `${item.id} of ${total}: ${item.title ?? ""} (${item.meta.locale})`,
  );
}

/** Each facet value with its count, e.g. "region wales: 3". */
export function facetLines(listing: V2ListingBody): string[] {
  const facets = listing.meta.facets;
  if (facets === undefined) return [];
  const lines: string[] = [];
  for (const option of facets.topic ?? []) {
    lines.push(`topic ${option.value}: ${option.count}${option.selected ? " (selected)" : ""}`);
  }
  for (const option of facets.region ?? []) {
    lines.push(`region ${option.label}: ${option.count}`);
  }
  for (const option of facets.year ?? []) {
    const year: number = option.value;
    lines.push(`year ${year}: ${option.count}`);
  }
  for (const option of facets.covid ?? []) {
    const covid: boolean = option.value;
    lines.push(`covid ${covid}: ${option.count}`);
  }
  return lines;
}

/** The languages a case study can be read in, with the links to them. */
export function languageLinks(detail: V2DetailBody): { locale: string; href: string }[] {
  const here = { locale: detail.meta.locale, href: detail.meta.html_url ?? "" };
  const others = detail.meta.translations.map((translation) => ({
    locale: translation.locale,
    href: translation.url ?? "",
  }));
  return [here, ...others];
}

export function detailSummary(detail: V2DetailBody): string {
  const council = detail.lead_council?.name ?? "";
  const related = (detail.related ?? []).map((card) => card.title).join(", ");
  return `${detail.title ?? ""} (${council}); related: ${related}`;
}

// --- v3 ---------------------------------------------------------------------------------------

type V3Listing = V3["/api/v3/case-studies/"]["get"];
type V3ListingQuery = NonNullable<V3Listing["parameters"]["query"]>;
type V3ListingBody = Json<V3Listing>;
type V3Detail = V3["/api/v3/case-studies/{pk}/"]["get"];
type V3DetailPath = V3Detail["parameters"]["path"];
type V3DetailBody = Json<V3Detail>;
type V3Problem = V3Listing["responses"][400]["content"]["application/problem+json"];

export const v3Query: V3ListingQuery = {
  council: ["E06000052", "devon-county-council"],
  include_districts: true,
  support_type: ["one-public-estate"],
  facets: ["council_type", "support_type", "year", "covid"],
  search: "bins",
  search_operator: "or",
};

export async function v3Titles(get: Get<V3ListingBody>): Promise<string[]> {
  const page = await get("/api/v3/case-studies/", new URLSearchParams());
  const councilTypes = (page.facets?.council_type ?? []).map((o) => `${o.value}=${o.count}`);
  return [`${page.count}`, ...councilTypes, ...page.items.map((item) => item.title ?? "")];
}

export function v3Translations(detail: V3DetailBody): string[] {
  return detail.meta.translations.map((t) => `${t.locale}: ${t.path ?? ""}`);
}

export function v3DetailPath(pk: number): V3DetailPath {
  return { pk };
}

/** The parameter a 400 names. */
export function problemParameter(problem: V3Problem): string | undefined {
  const first = problem.errors?.[0];
  return first?.loc[1];
}
