// A headless front end for wagtail-casestudies: every page is built in the browser from the
// public API (/api/v2/...) and the submission endpoint. No framework, no build step.
//
// Routes, relative to the base (/frontend/):
//   ""                       the library: search, filters with facet counts, sort, pagination
//   "councils/"              councils that have case studies
//   "councils/<slug>/"       one council and its case studies
//   "submit/"                the submission form, built from the template's JSON Schema
//   "preview/?token=…"       an editor's unsaved draft (see frontend/preview.py)
//   anything else            a page by its path on the site: a case study or a hub

const config = JSON.parse(document.getElementById("frontend-config").textContent);
const main = document.getElementById("main");
const PAGE_SIZE = 10;
const FACETS = ["topic", "support_type", "council_type", "region", "year", "covid"];
const FACET_LABELS = {
  topic: "Topic",
  support_type: "Support programme",
  council_type: "Council type",
  region: "Region or nation",
  year: "Year published",
  covid: "COVID-19",
};
const LIST_FILTERS = [...FACETS, "council"];
const ORDERS = [
  ["-date", "Newest first"],
  ["date", "Oldest first"],
  ["title", "Title A to Z"],
  ["-title", "Title Z to A"],
];

// --- Languages -----------------------------------------------------------------------------------
// The API answers in the language asked for with ?locale= (topics, programmes, councils' names
// and the pages themselves). A listing carries its language in the address (?locale=cy; none is
// the site's default); a case study is in its own language and links to its translations.

const LANGUAGES = config.languages || [["en-gb", "English"]];
const DEFAULT_LANGUAGE = config.defaultLanguage || LANGUAGES[0][0];
let language = DEFAULT_LANGUAGE;
// The HTML lang and hreflang values (BCP 47 casing: en-GB).
const langTag = (code) => code.replace(/-(\w+)$/, (_, region) => `-${region.toUpperCase()}`);
const languageName = (code) => (LANGUAGES.find(([c]) => c === code) || [code, code])[1];

// The front end's own words in Welsh (English is the source); anything missing stays English.
const WELSH = {
  "Case studies": "Astudiaethau achos",
  "COVID-19 hub": "Hyb COVID-19",
  Councils: "Cynghorau",
  Council: "Cyngor",
  "Submit a case study": "Cyflwyno astudiaeth achos",
  Language: "Iaith",
  Themes: "Themâu",
  "Featured case studies": "Astudiaethau achos dan sylw",
  "Search case studies": "Chwilio'r astudiaethau achos",
  Search: "Chwilio",
  "Show filters": "Dangos yr hidlwyr",
  "Hide filters": "Cuddio'r hidlwyr",
  Filter: "Hidlo",
  "Loading filters…": "Yn llwytho'r hidlwyr…",
  Published: "Cyhoeddwyd",
  From: "O",
  To: "I",
  "Apply filters": "Rhoi'r hidlwyr ar waith",
  "Show results": "Dangos y canlyniadau",
  "Clear filters": "Clirio'r hidlwyr",
  "Searching…": "Yn chwilio…",
  "Sort by": "Trefnu yn ôl",
  "Newest first": "Y mwyaf diweddar yn gyntaf",
  "Oldest first": "Yr hynaf yn gyntaf",
  "Title A to Z": "Teitl A i Z",
  "Title Z to A": "Teitl Z i A",
  "Most relevant": "Y mwyaf perthnasol",
  Topic: "Pwnc",
  Topics: "Pynciau",
  "Support programme": "Rhaglen gymorth",
  "Council type": "Math o gyngor",
  "Region or nation": "Rhanbarth neu genedl",
  "Year published": "Blwyddyn cyhoeddi",
  Series: "Cyfres",
  "Part of the COVID-19 hub": "Rhan o'r hyb COVID-19",
  "Visit the COVID-19 case studies hub": "Ewch i hyb astudiaethau achos COVID-19",
  "case study template (Word)": "templed astudiaeth achos (Word)",
  "or download the": "neu lawrlwythwch y",
  "Partner organisations": "Sefydliadau partner",
  Keywords: "Allweddeiriau",
  "Related case studies": "Astudiaethau achos cysylltiedig",
  "(abolished)": "(diddymwyd)",
  Previous: "Blaenorol",
  Next: "Nesaf",
  "Your search could not be run": "Nid oedd modd cynnal eich chwiliad",
  "No case studies match. Try fewer filters or other words.":
    "Nid oes astudiaethau achos yn cyfateb. Rhowch gynnig ar lai o hidlwyr neu eiriau eraill.",
  "No case studies match these filters. Show the filters to change them, or try other words.":
    "Nid oes astudiaethau achos yn cyfateb i'r hidlwyr hyn. Dangoswch yr hidlwyr i'w newid, neu rhowch gynnig ar eiriau eraill.",
  "No case studies match. Try other words.":
    "Nid oes astudiaethau achos yn cyfateb. Rhowch gynnig ar eiriau eraill.",
  "Skip to main content": "Neidio i'r prif gynnwys",
  Main: "Prif",
  Breadcrumb: "Briwsion bara",
  Pagination: "Tudalennau",
  page: "tudalen",
  Page: "Tudalen",
  Entries: "Cofnodion",
  "More collections": "Rhagor o gasgliadau",
  "How to submit": "Sut i gyflwyno",
  various: "amrywiol",
  "Email:": "E-bost:",
  "Phone:": "Ffôn:",
  "Cost saving": "Arbediad cost",
  "Income generated": "Incwm a gynhyrchwyd",
  "Key points": "Pwyntiau allweddol",
  "Key figures": "Ffigurau allweddol",
  "Local context": "Cyd-destun lleol",
  "Action plan": "Cynllun gweithredu",
  "Priority area": "Maes blaenoriaeth",
  Action: "Cam gweithredu",
  Start: "Dechrau",
  Due: "Erbyn",
  Barriers: "Rhwystrau",
  Outcome: "Canlyniad",
  Table: "Tabl",
  Type: "Math",
  "ONS code": "Cod ONS",
  County: "Sir",
  Abolished: "Diddymwyd",
  "Took over from": "Wedi cymryd lle",
  Website: "Gwefan",
  "Page not found": "Heb ddod o hyd i'r dudalen",
  "We could not find that page.": "Nid oeddem yn gallu dod o hyd i'r dudalen honno.",
  "Browse all case studies": "Pori pob astudiaeth achos",
  "Something went wrong": "Aeth rhywbeth o'i le",
  "County councils": "Cynghorau sir",
  "District councils": "Cynghorau dosbarth",
  "Unitary authorities": "Awdurdodau unedol",
  "Metropolitan boroughs": "Bwrdeistrefi metropolitan",
  "London boroughs": "Bwrdeistrefi Llundain",
  "Welsh unitary authorities": "Awdurdodau unedol Cymru",
  "Scottish councils": "Cynghorau'r Alban",
  "Northern Irish district councils": "Cynghorau dosbarth Gogledd Iwerddon",
  "Combined authorities": "Awdurdodau cyfun",
  "Fire and rescue authorities": "Awdurdodau tân ac achub",
  "Town and parish councils": "Cynghorau tref a chymuned",
  "Other organisations": "Sefydliadau eraill",
  "Choose the lead council": "Dewiswch y cyngor arweiniol",
  "(optional)": "(dewisol)",
  Kind: "Math",
  "Send the case study": "Anfon yr astudiaeth achos",
  "There is a problem": "Mae problem",
  "Thank you": "Diolch",
  "An editor will be in touch before it is published.": "Bydd golygydd yn cysylltu cyn iddi gael ei chyhoeddi.",
  "Back to the case studies": "Yn ôl i'r astudiaethau achos",
  "template as a Word document": "templed fel dogfen Word",
  "submission form with attachments": "ffurflen gyflwyno gydag atodiadau",
};
const t = (text) => (language === "cy" && WELSH[text]) || text;

// The language a page of the front end's own (councils, submission) shows: the address's
// ?locale=, else the site's default, as a listing's.
function routeLanguage() {
  const code = new URLSearchParams(location.search).get("locale") || "";
  return LANGUAGES.some(([c]) => c === code) ? code : DEFAULT_LANGUAGE;
}
// ``href`` in a language: ?locale=<code> unless it is the default.
function inLanguage(href, code = language) {
  if (code === DEFAULT_LANGUAGE) return href;
  return `${href}${href.includes("?") ? "&" : "?"}locale=${encodeURIComponent(code)}`;
}
// A front-end page's address in every language.
const routeInEachLanguage = (route) =>
  Object.fromEntries(LANGUAGES.map(([code]) => [code, inLanguage(link(route), code)]));
// The template downloads in the page's language (the server builds them in the one named).
const templateDocxLink = () => `${config.templateDocx}?locale=${encodeURIComponent(language)}`;
// How a council is written in running text: its short name is English, so a Welsh page uses
// the name the API gives in Welsh (the council's Welsh name, where it has one).
const councilShortName = (council) =>
  language === "cy" ? council.name : council.short_name || council.name;

// Why a language has no link on a case study, in the page's language.
function noTranslation(code) {
  return language === "cy"
    ? `Nid oes fersiwn ${code === "cy" ? "Gymraeg" : "Saesneg"} o'r astudiaeth achos hon.`
    : `This case study has not been translated into ${code === "cy" ? "Welsh" : "English"}.`;
}

// The page's language: <html lang>, the main navigation's words and the switcher. ``links``
// maps each language code to the address of this page in it (none: not available).
function setLanguage(code, links = null) {
  language = code;
  document.documentElement.lang = langTag(code);
  for (const anchor of document.querySelectorAll("#site-nav [data-nav]")) {
    if (!anchor.dataset.english) anchor.dataset.english = anchor.textContent;
    anchor.textContent = t(anchor.dataset.english);
    if (anchor.dataset.nav === "library") anchor.href = libraryLink({});
    if (anchor.dataset.nav === "hub") anchor.href = hubLink();
    if (anchor.dataset.nav === "councils") anchor.href = inLanguage(link("councils/"));
    if (anchor.dataset.nav === "submit") anchor.href = inLanguage(link("submit/"));
  }
  document.getElementById("site-nav").setAttribute("aria-label", t("Main"));
  const skip = document.querySelector(".skip-link");
  if (skip) skip.textContent = t("Skip to main content");
  const holder = document.getElementById("language-switcher");
  if (!holder) return;
  if (!links || LANGUAGES.length < 2) {
    holder.innerHTML = "";
    return;
  }
  holder.innerHTML = fragment(html`<nav class="language-switcher" aria-label="${t("Language")}"><ul>
    ${LANGUAGES.map(([other, name]) => {
      const tag = langTag(other);
      if (other === code) {
        return html`<li><a href="${links[other]}" lang="${tag}" hreflang="${tag}" aria-current="true">${name}</a></li>`;
      }
      if (!links[other]) {
        const id = `no-translation-${other}`;
        return html`<li><span class="language-switcher__unavailable" lang="${tag}" aria-describedby="${id}">${name}</span>
          <span class="language-switcher__why" id="${id}">${noTranslation(other)}</span></li>`;
      }
      return html`<li><a href="${links[other]}" lang="${tag}" hreflang="${tag}">${name}</a></li>`;
    })}
  </ul></nav>`);
}

// --- HTML with escaping ----------------------------------------------------------------------

class Raw {
  constructor(value) {
    this.value = value;
  }
}
const raw = (value) => new Raw(value ?? "");
const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escape = (value) => String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
function fragment(value) {
  if (value instanceof Raw) return value.value;
  if (Array.isArray(value)) return value.map(fragment).join("");
  if (value === null || value === undefined || value === false) return "";
  return escape(value);
}
function html(strings, ...values) {
  let out = strings[0];
  values.forEach((value, i) => {
    out += fragment(value) + strings[i + 1];
  });
  return raw(out);
}

// --- Fetching ----------------------------------------------------------------------------------

class NotFound extends Error {}

async function api(path, params) {
  const url = new URL(config.api + path, location.origin);
  if (params) {
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
    }
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (response.status === 404) throw new NotFound(url.pathname);
  const data = await response.json();
  if (!response.ok) throw new Error(data.message || `The API answered ${response.status}`);
  return data;
}

const pathOf = (url) => (url ? new URL(url, location.origin).pathname : "");
const link = (route) => config.base + route.replace(/^\//, "");
const pageLink = (path) => link(path || "");
const councilLink = (council) => link(`councils/${council.slug}/`);
// The library with these parameters, in the current language unless ``params`` names one.
const libraryLink = (params) => {
  const query = new URLSearchParams(params);
  if (!query.has("locale") && language !== DEFAULT_LANGUAGE) query.set("locale", language);
  if (query.get("locale") === DEFAULT_LANGUAGE) query.delete("locale");
  const text = query.toString();
  return config.base + (text ? `?${text}` : "");
};
// The COVID-19 hub in the current language (its translation sits below /<code>/).
const hubLink = () => link(`${language === DEFAULT_LANGUAGE ? "" : `${language}/`}covid-19/`);
// Month names for a language the browser's Intl may not carry: Chromium's own ICU data has no
// Welsh, and its Intl.DateTimeFormat("cy") writes "February 19, 2023".
const MONTHS = {
  cy: ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi",
    "Hydref", "Tachwedd", "Rhagfyr"],
};
// A date in the language the page shows (not the browser's): "19 Chwefror 2023" on a Welsh
// page. The API's dates are calendar days: read and written in UTC, so no time zone moves them.
function formatDate(iso) {
  if (!iso) return "";
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const format = new Intl.DateTimeFormat(langTag(language), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const served = format.resolvedOptions().locale.split("-")[0] === language.split("-")[0];
  if (served || !MONTHS[language]) return format.format(date);
  return `${date.getUTCDate()} ${MONTHS[language][date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
const pounds = (amount) =>
  Number(amount).toLocaleString("en-GB", {
    style: "currency",
    currency: "GBP",
    maximumFractionDigits: 0,
  });
const plural = (count, one, many) => `${count} ${count === 1 ? one : many}`;
const labelled = (label, text) => (/[?.!:]$/.test(label) ? `${label} ${text}` : `${label}: ${text}`);

function setTitle(title) {
  document.title = `${title} – ${config.siteName}`;
}

function render(content) {
  main.innerHTML = fragment(content);
}

function focusHeading() {
  const heading = main.querySelector("h1");
  if (heading) {
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  }
}

// --- Shared pieces -------------------------------------------------------------------------------

function breadcrumbs(items) {
  return html`<nav class="breadcrumbs" aria-label="${t("Breadcrumb")}"><ol>
    ${items.map(([label, href]) =>
      href ? html`<li><a href="${href}">${label}</a></li>` : html`<li aria-current="page">${label}</li>`,
    )}
  </ol></nav>`;
}

function picture(image, { className = "", sizes = "100vw", alt = null } = {}) {
  if (!image) return "";
  const src = image.url || (image.renditions && image.renditions.length
    ? image.renditions[Math.min(1, image.renditions.length - 1)].url
    : "");
  return html`<img class="${className}" src="${src}" srcset="${image.srcset}" sizes="${sizes}"
    alt="${alt ?? image.alt ?? ""}" width="${image.width}" height="${image.height}" loading="lazy">`;
}

function card(item, { headingLevel = 3 } = {}) {
  const h = `h${headingLevel}`;
  const council = item.lead_council;
  return html`<li class="card">
    ${item.hero_thumbnail
      ? picture(item.hero_thumbnail, { className: "card__image", sizes: "160px", alt: "" })
      : ""}
    <div class="card__body">
      ${raw(`<${h} class="card__title">`)}<a href="${pageLink(item.path)}">${item.title}</a>${raw(`</${h}>`)}
      <p class="card__meta">
        ${council ? html`<span>${council.name}</span>` : ""}
        ${item.date ? html`<span><time datetime="${item.date}">${formatDate(item.date)}</time></span>` : ""}
        ${item.is_covid19 ? html`<span class="tag">COVID-19</span>` : ""}
      </p>
      <p class="card__summary">${item.summary}</p>
      ${item.main_topic
        ? html`<p class="card__topic"><a href="${libraryLink({ topic: item.main_topic.slug })}">${language === "cy"
            ? html`Gweld pob erthygl ar ${item.main_topic.name}`
            : html`View all ${item.main_topic.name} articles`}</a></p>`
        : ""}
    </div>
  </li>`;
}

function cardList(items, options) {
  return html`<ul class="cards">${items.map((item) => card(item, options))}</ul>`;
}

function notFound(message = t("We could not find that page.")) {
  setTitle(t("Page not found"));
  render(html`<h1>${t("Page not found")}</h1><p>${message}</p>
    <p><a href="${libraryLink({})}">${t("Browse all case studies")}</a></p>`);
}

function failure(error) {
  setTitle(t("Something went wrong"));
  render(html`<h1>${t("Something went wrong")}</h1><p class="error">${error.message}</p>`);
}

// --- The library ---------------------------------------------------------------------------------

function libraryState() {
  const params = new URLSearchParams(location.search);
  const state = { page: Math.max(1, parseInt(params.get("page") || "1", 10) || 1) };
  for (const name of LIST_FILTERS) state[name] = params.getAll(name).flatMap((v) => v.split(",")).filter(Boolean);
  for (const name of ["search", "order", "date_from", "date_to"]) state[name] = params.get(name) || "";
  const locale = params.get("locale") || "";
  state.locale = LANGUAGES.some(([code]) => code === locale) && locale !== DEFAULT_LANGUAGE ? locale : "";
  return state;
}

function stateToQuery(state) {
  const params = new URLSearchParams();
  if (state.search) params.set("search", state.search);
  for (const name of LIST_FILTERS) for (const value of state[name]) params.append(name, value);
  for (const name of ["date_from", "date_to", "order"]) if (state[name]) params.set(name, state[name]);
  if (state.locale) params.set("locale", state.locale);
  if (state.page > 1) params.set("page", state.page);
  return params;
}

function apiParams(state) {
  const params = {
    limit: PAGE_SIZE,
    offset: (state.page - 1) * PAGE_SIZE,
    facets: FACETS.join(","),
    search: state.search,
    order: state.order,
    date_from: state.date_from,
    date_to: state.date_to,
    locale: state.locale || DEFAULT_LANGUAGE,
  };
  for (const name of LIST_FILTERS) if (state[name].length) params[name] = state[name].join(",");
  return params;
}

function facetFieldset(name, values, state) {
  const selected = new Set(state[name]);
  const shown = values.filter((option) => option.count > 0 || selected.has(String(option.value)));
  if (!shown.length) return "";
  return html`<fieldset class="facet">
    <legend>${t(FACET_LABELS[name])}</legend>
    ${shown.map((option, i) => {
      const id = `f-${name}-${i}`;
      return html`<div class="checkbox">
        <input type="checkbox" id="${id}" name="${name}" value="${String(option.value)}"
          ${selected.has(String(option.value)) ? raw("checked") : ""}>
        <label for="${id}">${option.label} <span class="count">(${option.count})</span></label>
      </div>`;
    })}
  </fieldset>`;
}

function pagination(state, total) {
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return "";
  const href = (page) => {
    const query = stateToQuery({ ...state, page }).toString();
    return config.base + (query ? `?${query}` : "");
  };
  const numbers = [];
  for (let page = 1; page <= pages; page += 1) {
    if (page === 1 || page === pages || Math.abs(page - state.page) <= 2) numbers.push(page);
    else if (numbers[numbers.length - 1] !== "…") numbers.push("…");
  }
  return html`<nav class="pagination" aria-label="${t("Pagination")}"><ul>
    ${state.page > 1 ? html`<li><a href="${href(state.page - 1)}" rel="prev">${t("Previous")}<span class="visually-hidden"> ${t("page")}</span></a></li>` : ""}
    ${numbers.map((page) =>
      page === "…"
        ? html`<li class="pagination__gap">…</li>`
        : page === state.page
          ? html`<li><a href="${href(page)}" aria-current="page"><span class="visually-hidden">${t("Page")} </span>${page}</a></li>`
          : html`<li><a href="${href(page)}"><span class="visually-hidden">${t("Page")} </span>${page}</a></li>`,
    )}
    ${state.page < pages ? html`<li><a href="${href(state.page + 1)}" rel="next">${t("Next")}<span class="visually-hidden"> ${t("page")}</span></a></li>` : ""}
  </ul></nav>`;
}

function resultsSummary(total) {
  if (language === "cy") return `Canlyniadau eich chwiliad: ${total}`;
  return `Your search returned ${total} ${total === 1 ? "result" : "results"}`;
}

// The library in each language: this listing's filters, search and sort, the first page.
function libraryInEachLanguage(state) {
  return Object.fromEntries(LANGUAGES.map(([code]) => {
    const query = stateToQuery({ ...state, page: 1, locale: code === DEFAULT_LANGUAGE ? "" : code });
    return [code, config.base + (query.toString() ? `?${query}` : "")];
  }));
}

async function library({ focus = false } = {}) {
  const state = libraryState();
  setLanguage(state.locale || DEFAULT_LANGUAGE, libraryInEachLanguage(state));
  let index = null;
  try {
    index = await api("pages/", {
      type: "wagtail_casestudies.CaseStudyIndexPage",
      locale: state.locale || DEFAULT_LANGUAGE,
      fields: "introduction,submission_guidance,covid_hub,covid_promo_heading,covid_promo_text",
      limit: 1,
    }).then((data) => data.items[0] || null);
  } catch (error) {
    index = null;
  }
  const title = index ? index.title : t("Case studies");
  setTitle(title);
  const orders = (state.search ? [["relevance", "Most relevant"], ...ORDERS] : ORDERS).map(
    ([value, label]) => [value, t(label)],
  );
  render(html`
    <h1>${title}</h1>
    ${index ? html`<div class="intro rich-text">${raw(index.introduction)}</div>` : ""}
    ${index && index.covid_hub
      ? html`<aside class="promo" aria-labelledby="covid-promo">
          <h2 id="covid-promo">${index.covid_promo_heading}</h2>
          <p>${index.covid_promo_text}</p>
          <p><a href="${hubLink()}">${t("Visit the COVID-19 case studies hub")}</a></p>
        </aside>`
      : ""}
    <form class="search" role="search" id="search-form">
      <label for="search">${t("Search case studies")}</label>
      <div class="search__row">
        <input type="search" id="search" name="search" value="${state.search}">
        <button type="submit">${t("Search")}</button>
      </div>
    </form>
    <div class="library">
      <button type="button" class="filters-toggle" id="filters-toggle" aria-expanded="false"
        aria-controls="filters">${t("Show filters")}</button>
      <form class="filters" id="filters" aria-labelledby="filters-heading">
        <h2 id="filters-heading">${t("Filter")}</h2>
        <p class="filters__count" id="filters-count" aria-hidden="true"></p>
        <div id="facets"><p>${t("Loading filters…")}</p></div>
        <fieldset class="facet">
          <legend>${t("Published")}</legend>
          <label for="date_from">${t("From")}</label>
          <input type="date" id="date_from" name="date_from" value="${state.date_from}">
          <label for="date_to">${t("To")}</label>
          <input type="date" id="date_to" name="date_to" value="${state.date_to}">
        </fieldset>
        <button type="submit">${t("Apply filters")}</button>
        <button type="button" class="filters__done" id="filters-done">${t("Show results")}</button>
        <p><a href="${libraryLink({})}" id="clear-filters">${t("Clear filters")}</a></p>
      </form>
      <section class="results" aria-labelledby="results-heading">
        <div class="results__bar">
          <h2 id="results-heading" class="results__count" aria-live="polite">${t("Searching…")}</h2>
          <div class="sort">
            <label for="order">${t("Sort by")}</label>
            <select id="order" name="order" form="filters">
              ${orders.map(([value, label]) =>
                html`<option value="${value}" ${(state.order || (state.search ? "relevance" : "-date")) === value ? raw("selected") : ""}>${label}</option>`,
              )}
            </select>
          </div>
        </div>
        <div id="results"></div>
      </section>
    </div>
    ${index && index.submission_guidance
      ? html`<section class="submit-promo" aria-labelledby="submit-heading">
          <h2 id="submit-heading">${t("Submit a case study")}</h2>
          <div class="rich-text">${raw(index.submission_guidance)}</div>
          <p><a href="${inLanguage(link("submit/"))}">${t("Submit a case study")}</a> ${t("or download the")}
            <a href="${templateDocxLink()}">${t("case study template (Word)")}</a>.</p>
        </section>`
      : ""}
  `);
  document.getElementById("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    updateLibrary({ search: document.getElementById("search").value.trim(), order: "", page: 1 });
  });
  const filters = document.getElementById("filters");
  filters.addEventListener("change", () => updateLibrary(readFilters(filters)));
  // The sort control belongs to the form (form="filters") but sits outside it in the page.
  document.getElementById("order").addEventListener("change", () => updateLibrary(readFilters(filters)));
  filters.addEventListener("submit", (event) => {
    event.preventDefault();
    updateLibrary(readFilters(filters));
  });
  setUpFilterToggle();
  document.getElementById("clear-filters").addEventListener("click", (event) => {
    event.preventDefault();
    const search = document.getElementById("search").value.trim();
    history.pushState(null, "", libraryLink(search ? { search } : {}));
    library({ focus: true });
  });
  await loadResults(state);
  if (focus) focusHeading();
}

// Below this width the filters fold behind a button (frontend.css uses the same width).
const NARROW = window.matchMedia("(max-width: 50rem)");

function setUpFilterToggle() {
  const toggle = document.getElementById("filters-toggle");
  const filters = document.getElementById("filters");
  const show = (open) => {
    toggle.setAttribute("aria-expanded", String(open));
    toggle.textContent = open ? t("Hide filters") : t("Show filters");
    filters.classList.toggle("filters--open", open);
  };
  show(false);
  toggle.addEventListener("click", () => show(toggle.getAttribute("aria-expanded") !== "true"));
  document.getElementById("filters-done").addEventListener("click", () => {
    show(false);
    const heading = document.getElementById("results-heading");
    heading.setAttribute("tabindex", "-1");
    heading.focus();
    heading.scrollIntoView({ block: "start" });
  });
}

function filtersHidden() {
  const toggle = document.getElementById("filters-toggle");
  return NARROW.matches && toggle && toggle.getAttribute("aria-expanded") !== "true";
}

function hasFilters(state) {
  return LIST_FILTERS.some((name) => state[name].length) || Boolean(state.date_from || state.date_to);
}

function readFilters(form) {
  const data = new FormData(form);
  // Not the search: updateLibrary keeps it, and redraws only the results when it is unchanged.
  const state = { page: 1 };
  for (const name of LIST_FILTERS) state[name] = data.getAll(name).map(String);
  state.council = libraryState().council;
  for (const name of ["date_from", "date_to", "order"]) state[name] = data.get(name) || "";
  const searching = Boolean(libraryState().search);
  if (state.order === "relevance" || (!searching && state.order === "-date")) state.order = "";
  return state;
}

function updateLibrary(changes) {
  const state = { ...libraryState(), ...changes };
  const query = stateToQuery(state).toString();
  history.pushState(null, "", config.base + (query ? `?${query}` : ""));
  if ("search" in changes) {
    library();
  } else {
    loadResults(state);
  }
}

async function loadResults(state) {
  const results = document.getElementById("results");
  const count = document.getElementById("results-heading");
  results.setAttribute("aria-busy", "true");
  let data;
  try {
    data = await api("case-studies/", apiParams(state));
  } catch (error) {
    count.textContent = t("Your search could not be run");
    results.innerHTML = fragment(html`<p class="error">${error.message}</p>`);
    results.removeAttribute("aria-busy");
    return;
  }
  const total = data.meta.total_count;
  count.textContent = resultsSummary(total);
  // On a phone the filters cover the results: the count travels with them.
  const filterCount = document.getElementById("filters-count");
  if (filterCount) filterCount.textContent = resultsSummary(total);
  const emptyMessage = t(hasFilters(state) && !filtersHidden()
    ? "No case studies match. Try fewer filters or other words."
    : hasFilters(state)
      ? "No case studies match these filters. Show the filters to change them, or try other words."
      : "No case studies match. Try other words.");
  results.innerHTML = fragment(html`
    ${data.items.length ? cardList(data.items) : html`<p>${emptyMessage}</p>`}
    ${pagination(state, total)}
  `);
  results.removeAttribute("aria-busy");
  const facets = document.getElementById("facets");
  const active = document.activeElement && document.activeElement.id;
  facets.innerHTML = fragment(FACETS.map((name) => facetFieldset(name, data.meta.facets[name] || [], state)));
  if (active && active.startsWith("f-")) {
    // The facet list was redrawn: keep the keyboard where it was.
    const again = document.getElementById(active);
    if (again) again.focus();
  }
  for (const anchor of results.querySelectorAll(".pagination a")) {
    anchor.addEventListener("click", (event) => {
      event.preventDefault();
      history.pushState(null, "", anchor.href);
      loadResults(libraryState()).then(() => {
        document.getElementById("results-heading").setAttribute("tabindex", "-1");
        document.getElementById("results-heading").focus();
      });
    });
  }
}

// --- A case study --------------------------------------------------------------------------------

function section(heading, content, className = "") {
  return html`<section class="block ${className}"><h2>${heading}</h2>${content}</section>`;
}

const BLOCKS = {
  challenge: (v) => section(v.heading, html`<div class="rich-text">${raw(v.text)}</div>`, "block--challenge"),
  solution: (v) => section(v.heading, html`<div class="rich-text">${raw(v.text)}</div>`, "block--solution"),
  sustainability: (v) => section(v.heading, html`<div class="rich-text">${raw(v.text)}</div>`),
  lessons_learned: (v) => section(v.heading, html`<div class="rich-text">${raw(v.text)}</div>`),
  impact: (v) =>
    section(
      v.heading,
      html`<div class="rich-text">${raw(v.text)}</div>
        ${v.cost_saving || v.income_generated
          ? html`<dl class="money">
              ${v.cost_saving ? html`<div><dt>${t("Cost saving")}</dt><dd>${pounds(v.cost_saving)}</dd></div>` : ""}
              ${v.income_generated ? html`<div><dt>${t("Income generated")}</dt><dd>${pounds(v.income_generated)}</dd></div>` : ""}
            </dl>
            ${v.figures_note ? html`<p class="note">${v.figures_note}</p>` : ""}`
          : ""}`,
      "block--impact",
    ),
  contact: (v) =>
    section(
      v.heading,
      html`<address class="contact">
        <strong>${v.name}</strong>${v.job_title ? html`<br>${v.job_title}` : ""}
        ${v.council ? html`<br><a href="${inLanguage(councilLink(v.council))}">${v.council.name}</a>` : ""}
        ${v.organisation ? html`<br>${v.organisation}` : ""}
        ${v.email ? html`<br>${t("Email:")} <a href="mailto:${v.email}">${v.email}</a>` : ""}
        ${v.phone ? html`<br>${t("Phone:")} ${v.phone}` : ""}
      </address>`,
      "block--contact",
    ),
  quote: (v) => html`<figure class="block quote"><blockquote><p>${v.text}</p></blockquote>
    ${v.name ? html`<figcaption>${v.name}${v.role ? html`, <span>${v.role}</span>` : ""}</figcaption>` : ""}</figure>`,
  key_points: (v) => section(v.heading || t("Key points"), html`<ul>${v.points.map((p) => html`<li>${p}</li>`)}</ul>`, "block--key-points"),
  key_figures: (v) =>
    section(
      v.heading || t("Key figures"),
      html`<dl class="figures">${v.figures.map((f) => html`<div><dt>${f.label}</dt><dd>${f.value}</dd></div>`)}</dl>`,
      "block--key-figures",
    ),
  local_context: (v) => section(t("Local context"), html`<div class="rich-text">${raw(v.text)}</div>`, "block--local-context"),
  image: (v) => html`<figure class="block image">
    ${picture(v.image, { sizes: "(min-width: 60em) 45em, 100vw" })}
    ${v.caption || v.credit ? html`<figcaption>${v.caption}${v.credit ? html` <span class="credit">${v.credit}</span>` : ""}</figcaption>` : ""}
  </figure>`,
  embed: (v) => (v ? html`<figure class="block embed">
    ${v.html ? html`<div class="embed__frame">${raw(v.html)}</div>` : html`<p><a href="${v.url}">${v.title || v.url}</a></p>`}
    ${v.title ? html`<figcaption>${v.title}${v.provider_name ? ` (${v.provider_name})` : ""}</figcaption>` : ""}
  </figure>` : ""),
  document: (v) =>
    v.document
      ? html`<div class="block document">
          <p><a href="${v.document.url}">${v.title}</a>
          <span class="document__meta">(${(v.document.file_type || "file").toUpperCase()}${v.document.file_size ? `, ${Math.max(1, Math.round(v.document.file_size / 1024))} KB` : ""})</span></p>
          ${v.description ? html`<p>${v.description}</p>` : ""}
        </div>`
      : "",
  action_plan: (v, id) => html`<div class="block action-plan" role="region" tabindex="0"
    aria-labelledby="action-plan-${id}"><table>
    <caption id="action-plan-${id}">${v.title || t("Action plan")}</caption>
    <thead><tr><th scope="col">${t("Priority area")}</th><th scope="col">${t("Action")}</th><th scope="col">${t("Start")}</th>
      <th scope="col">${t("Due")}</th><th scope="col">${t("Barriers")}</th><th scope="col">${t("Outcome")}</th></tr></thead>
    <tbody>${v.rows.map((row) => html`<tr><th scope="row">${row.priority_area}</th><td>${row.action}</td>
      <td>${formatDate(row.start)}</td><td>${formatDate(row.due)}</td><td>${row.barriers}</td><td>${row.outcome}</td></tr>`)}</tbody>
  </table></div>`,
  table: (v) => {
    const [first, ...rest] = v.rows;
    const head = v.header_row && first ? first : null;
    const rows = head ? rest : v.rows;
    return html`<div class="block table" role="region" aria-label="${v.caption || t("Table")}" tabindex="0"><table>
      ${v.caption ? html`<caption>${v.caption}</caption>` : ""}
      ${head ? html`<thead><tr>${head.map((cell) => html`<th scope="col">${cell}</th>`)}</tr></thead>` : ""}
      <tbody>${rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody>
    </table></div>`;
  },
  heading: (v) => html`<h2 class="block">${v}</h2>`,
  paragraph: (v) => html`<div class="block rich-text">${raw(v)}</div>`,
};

function body(blocks) {
  return blocks.map((block) => {
    const renderBlock = BLOCKS[block.type];
    return renderBlock ? html`<div data-block="${block.type}">${renderBlock(block.value, block.id)}</div>` : "";
  });
}

// A case study in each language: itself and its visible translations (none for the others).
function caseStudyInEachLanguage(item) {
  const meta = item.meta || {};
  const links = { [meta.locale || DEFAULT_LANGUAGE]: pageLink(item.path || pathOf(meta.html_url)) };
  for (const translation of meta.translations || []) links[translation.locale] = pageLink(translation.path);
  return links;
}

function caseStudy(item, { preview = false } = {}) {
  const meta = item.meta || {};
  setLanguage(meta.locale || DEFAULT_LANGUAGE, preview ? null : caseStudyInEachLanguage(item));
  setTitle(item.title);
  const councils = item.councils || (item.lead_council ? [item.lead_council] : []);
  render(html`
    ${preview
      ? html`<div class="preview-banner" role="note"><strong>Preview.</strong> This is an unsaved
          draft, shown only to you. It is not published and not in the API.</div>`
      : ""}
    ${breadcrumbs([[t("Case studies"), libraryLink({})], [item.title, null]])}
    <article class="case-study">
      <h1>${item.title}</h1>
      <p class="lead">${item.summary}</p>
      <dl class="facts">
        ${councils.length
          ? html`<div><dt>${t(councils.length === 1 ? "Council" : "Councils")}</dt><dd>${councils.map(
              (c, i) => html`${i ? ", " : ""}<a href="${inLanguage(councilLink(c))}">${c.name}</a>${c.is_active ? "" : ` ${t("(abolished)")}`}`,
            )}</dd></div>`
          : ""}
        ${item.date ? html`<div><dt>${t("Published")}</dt><dd><time datetime="${item.date}">${formatDate(item.date)}</time></dd></div>` : ""}
        ${item.topics && item.topics.length
          ? html`<div><dt>${t("Topics")}</dt><dd>${item.topics.map(
              (t, i) => html`${i ? ", " : ""}<a href="${libraryLink({ topic: t.slug })}">${t.name}</a>`,
            )}</dd></div>`
          : ""}
        ${item.support_type
          ? html`<div><dt>${t("Support programme")}</dt><dd><a href="${libraryLink({ support_type: item.support_type.slug })}">${item.support_type.name}</a></dd></div>`
          : ""}
        ${item.series ? html`<div><dt>${t("Series")}</dt><dd>${item.series}</dd></div>` : ""}
        ${item.is_covid19 ? html`<div><dt>COVID-19</dt><dd><a href="${hubLink()}">${t("Part of the COVID-19 hub")}</a></dd></div>` : ""}
      </dl>
      ${item.hero_image
        ? html`<figure class="hero">${picture(item.hero_image, {
            sizes: "(min-width: 60em) 60em, 100vw",
            // The image's own description; never the title again (the heading above says it).
            alt: item.hero_image.alt && item.hero_image.alt !== item.title ? item.hero_image.alt : "",
          })}</figure>`
        : ""}
      <div class="body">${body(item.body || [])}</div>
      ${item.partners && item.partners.length
        ? section(t("Partner organisations"), html`<ul>${item.partners.map(
            (p) => html`<li>${p.website ? html`<a href="${p.website}">${p.name}</a>` : p.name} <span class="muted">(${p.kind_label})</span></li>`,
          )}</ul>`, "block--partners")
        : ""}
      ${item.tags && item.tags.length
        ? html`<p class="keywords">${t("Keywords")}: ${item.tags.map((tag, i) => html`${i ? ", " : ""}${tag}`)}</p>`
        : ""}
    </article>
    ${item.related && item.related.length
      ? html`<section class="related" aria-labelledby="related-heading">
          <h2 id="related-heading">${t("Related case studies")}</h2>${cardList(item.related)}</section>`
      : ""}
  `);
}

// --- The COVID-19 hub ----------------------------------------------------------------------------

// A hub copied for translation may still name the source language's case studies: each is
// shown as its translation in the hub's language where there is one (``cardsById`` holds the
// cards of the hub's language by id, from the listing the hub reads anyway).
function entryInLanguage(card, cardsById) {
  if (!card.meta || card.meta.locale === language) return card;
  const translation = (card.meta.translations || []).find((other) => other.locale === language);
  if (!translation) return card;
  return cardsById.get(translation.id) || { ...card, path: translation.path };
}

function hubEntry(entry, cardsById) {
  if (entry.type === "case_study") {
    const v = entryInLanguage(entry.value, cardsById);
    const council = v.lead_council ? councilShortName(v.lead_council) : t("various");
    return html`<li class="hub-entry"><h4><a href="${pageLink(v.path)}">${v.title}</a> <span class="muted">(${council})</span></h4>
      <p>${v.summary}</p></li>`;
  }
  const v = entry.value;
  return html`<li class="hub-entry"><h4><a href="${v.link}">${v.title}</a> <span class="muted">(${v.council})</span></h4>
    <p>${v.summary}</p></li>`;
}

// The hub in each language: itself and its published translations (none for the others).
async function hubInEachLanguage(page) {
  const links = { [page.meta.locale || DEFAULT_LANGUAGE]: pageLink(pathOf(page.meta.html_url)) };
  if (LANGUAGES.length < 2) return links;
  try {
    const translations = await api("pages/", { translation_of: page.id });
    for (const other of translations.items) links[other.meta.locale] = pageLink(pathOf(other.meta.html_url));
  } catch (error) {
    // A site without i18n has no translations to offer.
  }
  return links;
}

async function hub(page) {
  const [collections, all, links] = await Promise.all([
    api("pages/", { child_of: page.id, type: "wagtail_casestudies.CovidHubPage", fields: "title" }),
    api("case-studies/", { covid: "true", limit: 100, locale: page.meta.locale || DEFAULT_LANGUAGE }),
    hubInEachLanguage(page),
  ]);
  setLanguage(page.meta.locale || DEFAULT_LANGUAGE, links);
  setTitle(page.title);
  const parent = page.meta.parent;
  const themes = page.themes || [];
  const cardsById = new Map(all.items.map((card) => [card.id, card]));
  render(html`
    ${breadcrumbs([
      [t("Case studies"), libraryLink({})],
      ...(parent && parent.meta.type === "wagtail_casestudies.CovidHubPage"
        ? [[parent.title, pageLink(pathOf(parent.meta.html_url))]]
        : []),
      [page.title, null],
    ])}
    <h1>${page.title}</h1>
    <div class="intro rich-text">${raw(page.introduction)}</div>
    ${themes.length > 1
      ? html`<nav class="contents" aria-labelledby="contents-heading"><h2 id="contents-heading">${t("Themes")}</h2><ol>
          ${themes.map((theme, i) => html`<li><a href="#theme-${i + 1}">${theme.value.heading}</a></li>`)}
        </ol></nav>`
      : ""}
    ${page.featured_case_studies && page.featured_case_studies.length
      ? html`<section aria-labelledby="featured-heading"><h2 id="featured-heading">${t("Featured case studies")}</h2>
          ${cardList(page.featured_case_studies)}</section>`
      : ""}
    ${themes.map(
      (theme, i) => html`<section class="theme" id="theme-${i + 1}" aria-labelledby="theme-${i + 1}-heading">
        <h2 id="theme-${i + 1}-heading">${theme.value.heading}</h2>
        ${theme.value.introduction ? html`<div class="rich-text">${raw(theme.value.introduction)}</div>` : ""}
        <h3 class="visually-hidden">${t("Entries")}</h3>
        <ul class="hub-entries">${theme.value.entries.map((entry) => hubEntry(entry, cardsById))}</ul>
      </section>`,
    )}
    ${collections.items.length
      ? html`<section aria-labelledby="collections-heading"><h2 id="collections-heading">${t("More collections")}</h2><ul>
          ${collections.items.map((child) => html`<li><a href="${pageLink(pathOf(child.meta.html_url))}">${child.title}</a></li>`)}
        </ul></section>`
      : ""}
    <p class="all-link"><a href="${libraryLink({ covid: "true" })}">${language === "cy"
      ? `Gweld pob astudiaeth achos COVID-19 (${all.meta.total_count})`
      : `See all ${plural(all.meta.total_count, "COVID-19 case study", "COVID-19 case studies")}`}</a></p>
    ${page.how_to_submit
      ? html`<section aria-labelledby="how-heading"><h2 id="how-heading">${t("How to submit")}</h2>
          <div class="rich-text">${raw(page.how_to_submit)}</div>
          <p><a href="${inLanguage(link("submit/"))}">${t("Submit a case study")}</a> ${t("or download the")}
            <a href="${templateDocxLink()}">${t("case study template (Word)")}</a>.</p></section>`
      : ""}
  `);
}

// --- Councils --------------------------------------------------------------------------------

// The council types in the order the councils page lists them, with their group headings.
const COUNCIL_GROUPS = [
  ["county", "County councils"],
  ["district", "District councils"],
  ["unitary", "Unitary authorities"],
  ["metropolitan_borough", "Metropolitan boroughs"],
  ["london_borough", "London boroughs"],
  ["welsh_unitary", "Welsh unitary authorities"],
  ["scottish_council", "Scottish councils"],
  ["northern_irish_district", "Northern Irish district councils"],
  ["combined_authority", "Combined authorities"],
  ["fire_and_rescue", "Fire and rescue authorities"],
  ["town_or_parish", "Town and parish councils"],
  ["other", "Other organisations"],
];

async function councils() {
  setLanguage(routeLanguage(), routeInEachLanguage("councils/"));
  setTitle(t("Councils"));
  const data = await api("councils/", { has_case_studies: "true", limit: 100, locale: language });
  const byType = new Map(COUNCIL_GROUPS.map(([type, heading]) => [type, { type, heading: t(heading), items: [] }]));
  for (const council of data.items) {
    if (!byType.has(council.council_type)) {
      byType.set(council.council_type, { type: council.council_type, heading: council.council_type_label, items: [] });
    }
    byType.get(council.council_type).items.push(council);
  }
  const groups = [...byType.values()].filter((group) => group.items.length);
  render(html`
    ${breadcrumbs([[t("Case studies"), libraryLink({})], [t("Councils"), null]])}
    <h1>${t("Councils")}</h1>
    <p>${language === "cy"
      ? `Cynghorau sydd wedi cyhoeddi astudiaethau achos: ${data.meta.total_count}.`
      : `${plural(data.meta.total_count, "council has", "councils have")} published case studies.`}</p>
    ${groups.map(
      (group) => html`<section aria-labelledby="group-${group.type}"><h2 id="group-${group.type}">${group.heading}</h2><ul class="columns">
        ${group.items.map((c) => html`<li><a href="${inLanguage(councilLink(c))}">${c.name}</a> <span class="muted">(${c.case_study_count})</span></li>`)}
      </ul></section>`,
    )}
  `);
}

async function council(slug) {
  const params = new URLSearchParams(location.search);
  const page = Math.max(1, parseInt(params.get("page") || "1", 10) || 1);
  setLanguage(routeLanguage(), routeInEachLanguage(`councils/${slug}/`));
  const item = await api("councils/find/", { slug, locale: language });
  const listing = await api("case-studies/", {
    council: item.slug,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    locale: language,
  });
  setTitle(item.name);
  const total = listing.meta.total_count;
  const pages = Math.ceil(total / PAGE_SIZE);
  const councilHref = (c) => inLanguage(councilLink(c));
  const pageHref = (n) => inLanguage(`${councilLink(item)}${n > 1 ? `?page=${n}` : ""}`);
  const shortName = councilShortName(item);
  render(html`
    ${breadcrumbs([[t("Case studies"), libraryLink({})], [t("Councils"), inLanguage(link("councils/"))], [item.name, null]])}
    <h1>${item.name}</h1>
    <dl class="facts">
      <div><dt>${t("Type")}</dt><dd>${item.council_type_label}</dd></div>
      ${item.region_label ? html`<div><dt>${t("Region or nation")}</dt><dd>${item.region_label}</dd></div>` : ""}
      ${item.gss_code ? html`<div><dt>${t("ONS code")}</dt><dd>${item.gss_code}</dd></div>` : ""}
      ${item.parent ? html`<div><dt>${t("County")}</dt><dd><a href="${councilHref(item.parent)}">${item.parent.name}</a></dd></div>` : ""}
      ${item.valid_to
        ? html`<div><dt>${t("Abolished")}</dt><dd>${formatDate(item.valid_to)}${item.successor
            ? html`; ${language === "cy" ? "olynydd:" : "succeeded by"} <a href="${councilHref(item.successor)}">${item.successor.name}</a>`
            : ""}</dd></div>`
        : ""}
      ${item.predecessors && item.predecessors.length
        ? html`<div><dt>${t("Took over from")}</dt><dd>${item.predecessors.map((c, i) => html`${i ? ", " : ""}<a href="${councilHref(c)}">${c.name}</a>`)}</dd></div>`
        : ""}
      ${item.website ? html`<div><dt>${t("Website")}</dt><dd><a href="${item.website}">${item.website}</a></dd></div>` : ""}
    </dl>
    <h2>${t("Case studies")}</h2>
    <p class="results__count">${language === "cy"
      ? `Astudiaethau achos sy'n enwi ${shortName}: ${total}.`
      : `${plural(total, "case study names", "case studies name")} ${shortName}.`}</p>
    ${cardList(listing.items)}
    ${pages > 1
      ? html`<nav class="pagination" aria-label="${t("Pagination")}"><ul>
          ${page > 1 ? html`<li><a href="${pageHref(page - 1)}" rel="prev">${t("Previous")}</a></li>` : ""}
          <li>${language === "cy" ? `Tudalen ${page} o ${pages}` : `Page ${page} of ${pages}`}</li>
          ${page < pages ? html`<li><a href="${pageHref(page + 1)}" rel="next">${t("Next")}</a></li>` : ""}
        </ul></nav>`
      : ""}
    ${item.children && item.children.length
      ? html`<p>${language === "cy"
          ? html`Mae <a href="${libraryLink({ council: item.slug })}">astudiaethau achos gan ${shortName} a'i ddosbarthau</a> yn y llyfrgell.`
          : html`<a href="${libraryLink({ council: item.slug })}">Case studies from ${shortName} and its districts</a> are in the library.`}</p>`
      : ""}
  `);
}

// --- The submission form ---------------------------------------------------------------------

const LONG_TEXT = 1000;

function fieldControl(name, schema, required, options, group) {
  const id = `field-${name}`;
  // The group's legend already shows the heading of its main field: say it to screen readers only
  // (not when the field's label says more, as "Other councils in the register" under "Councils").
  const labelClass = name === group.key && schema.title === group.title ? "visually-hidden" : "";
  const hint = schema.description ? html`<p class="hint" id="${id}-hint">${schema.description}</p>` : "";
  const describedBy = raw(`aria-describedby="${id}-error${schema.description ? ` ${id}-hint` : ""}"`);
  const error = html`<p class="field-error" id="${id}-error" hidden></p>`;
  const req = required ? raw("required") : "";
  const label = html`<label for="${id}" class="${labelClass}">${schema.title}${required ? "" : html` <span class="muted">${t("(optional)")}</span>`}</label>`;
  if (name === "lead_council") {
    // The lead council on its own: a multiple select would send the councils in list order.
    return html`<div class="field">${label}${hint}${error}
      <select id="${id}" name="${name}" ${describedBy}>
        <option value="">${t("Choose the lead council")}</option>
        ${options.councils.map((c) => html`<option value="${c.id}">${c.name}</option>`)}
      </select></div>`;
  }
  if (name === "councils") {
    return html`<div class="field">${label}${hint}${error}
      <select id="${id}" name="${name}" multiple size="8" ${describedBy}>
        ${options.councils.map((c) => html`<option value="${c.id}">${c.name}</option>`)}
      </select></div>`;
  }
  if (name === "topics") {
    return html`<fieldset class="field"><legend>${schema.title} <span class="muted">${t("(optional)")}</span></legend>${error}
      ${options.topics.map((t) => html`<div class="checkbox"><input type="checkbox" id="${id}-${t.id}" name="topics" value="${t.id}">
        <label for="${id}-${t.id}">${t.name}</label></div>`)}
    </fieldset>`;
  }
  if (name === "partners") {
    const kinds = schema.items.properties.kind.enum;
    const kindLabels = schema.items.properties.kind["x-enumNames"] || kinds;
    return html`<fieldset class="field"><legend>${schema.title} <span class="muted">${t("(optional)")}</span></legend>${error}
      ${[0, 1, 2].map((i) => html`<div class="partner-row">
        <div><label for="partner-${i}-name">${language === "cy" ? `Enw partner ${i + 1}` : `Partner ${i + 1} name`}</label><input id="partner-${i}-name" data-partner="${i}" data-key="name"></div>
        <div><label for="partner-${i}-kind">${t("Kind")}</label><select id="partner-${i}-kind" data-partner="${i}" data-key="kind">
          ${kinds.map((kind, k) => html`<option value="${kind}" ${kind === "other" ? raw("selected") : ""}>${kindLabels[k]}</option>`)}
        </select></div>
        <div><label for="partner-${i}-website">${t("Website")}</label><input id="partner-${i}-website" type="url" data-partner="${i}" data-key="website"></div>
      </div>`)}
    </fieldset>`;
  }
  if (schema.type === "boolean") {
    return html`<div class="field checkbox">${error}<input type="checkbox" id="${id}" name="${name}" ${req} ${describedBy}>${label}</div>`;
  }
  if (schema.type === "array") {
    return html`<div class="field">${label}${hint}${error}<textarea id="${id}" name="${name}" rows="3" data-lines ${describedBy}></textarea></div>`;
  }
  if (Array.isArray(schema.type) && schema.type.includes("number")) {
    return html`<div class="field">${label}${hint}${error}<input id="${id}" name="${name}" inputmode="decimal" ${describedBy}></div>`;
  }
  const type = schema.format === "email" ? "email" : "text";
  if ((schema.maxLength || 0) > LONG_TEXT) {
    return html`<div class="field">${label}${hint}${error}<textarea id="${id}" name="${name}" rows="6" ${req} ${describedBy}></textarea></div>`;
  }
  return html`<div class="field">${label}${hint}${error}<input type="${type}" id="${id}" name="${name}" maxlength="${schema.maxLength || ""}" ${req} ${describedBy}></div>`;
}

async function allCouncils() {
  const items = [];
  for (let offset = 0; ; offset += 100) {
    const data = await api("councils/", { active: "true", limit: 100, offset, locale: language });
    items.push(...data.items);
    if (items.length >= data.meta.total_count || !data.items.length) return items;
  }
}

async function submitPage() {
  setLanguage(routeLanguage(), routeInEachLanguage("submit/"));
  setTitle(t("Submit a case study"));
  // The form's words come with the schema, in the language asked for.
  const [schema, councilsList, topics] = await Promise.all([
    fetch(`${config.schema}?locale=${encodeURIComponent(language)}`).then((r) => r.json()),
    allCouncils(),
    api("topics/", { limit: 100, locale: language }),
  ]);
  const options = { councils: councilsList, topics: topics.items };
  const required = new Set(schema.required);
  const groups = schema["x-groups"].filter((group) => group.key !== "attachments");
  render(html`
    ${breadcrumbs([[t("Case studies"), libraryLink({})], [t("Submit a case study"), null]])}
    <h1>${t("Submit a case study")}</h1>
    <p>${language === "cy"
      ? html`Dywedwch wrth gynghorau eraill beth wnaethoch chi, gan ddilyn y templed astudiaeth
        achos. Mae golygydd yn adolygu pob cyflwyniad cyn iddo gael ei gyhoeddi. Gallwch hefyd
        lawrlwytho'r <a href="${templateDocxLink()}">${t("template as a Word document")}</a>.`
      : html`Tell other councils what you did, following the case study template. An editor reviews
        every submission before it is published. You can also download the
        <a href="${templateDocxLink()}">${t("template as a Word document")}</a>.`}</p>
    <div id="form-status"></div>
    <form id="submission" novalidate>
      ${groups.map((group) => html`<fieldset class="group">
        <legend><h2>${group.title}</h2></legend>
        ${group.description && !group.fields.includes(group.key) ? html`<p class="hint">${group.description}</p>` : ""}
        ${group.fields.map((name) => fieldControl(name, schema.properties[name], required.has(name), options, group))}
      </fieldset>`)}
      ${config.submitPage
        ? html`<p class="hint">${language === "cy"
            ? "I anfon adroddiadau neu luniau gyda'ch astudiaeth achos, defnyddiwch y"
            : "To send reports or photos with your case study, use the"}
            <a href="${config.submitPage}">${t("submission form with attachments")}</a>.</p>`
        : ""}
      <button type="submit">${t("Send the case study")}</button>
    </form>
  `);
  const form = document.getElementById("submission");
  const key = crypto.randomUUID ? crypto.randomUUID() : String(Date.now());
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const payload = {};
    for (const [name, property] of Object.entries(schema.properties)) {
      const control = form.elements.namedItem(name);
      if (name === "topics") {
        payload.topics = [...form.querySelectorAll('input[name="topics"]:checked')].map((c) => Number(c.value));
      } else if (name === "partners") {
        payload.partners = [0, 1, 2]
          .map((i) => ({
            name: document.getElementById(`partner-${i}-name`).value.trim(),
            kind: document.getElementById(`partner-${i}-kind`).value,
            website: document.getElementById(`partner-${i}-website`).value.trim(),
          }))
          .filter((p) => p.name);
      } else if (!control) {
        continue;
      } else if (name === "councils") {
        payload.councils = [...control.selectedOptions].map((o) => Number(o.value));
      } else if (name === "lead_council") {
        payload.lead_council = control.value ? Number(control.value) : null;
      } else if (property.type === "boolean") {
        payload[name] = control.checked;
      } else if (control.dataset.lines !== undefined) {
        payload[name] = control.value.split("\n").map((line) => line.trim()).filter(Boolean);
      } else if (control.value.trim() !== "") {
        payload[name] = control.value.trim();
      }
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    const response = await fetch(config.submit, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", "Idempotency-Key": key },
      body: JSON.stringify(payload),
    });
    button.disabled = false;
    const status = document.getElementById("form-status");
    for (const message of form.querySelectorAll(".field-error")) message.hidden = true;
    const data = await response.json().catch(() => ({}));
    if (response.ok) {
      render(html`<div class="panel" role="status"><h1>${t("Thank you")}</h1>
        <p>${language === "cy"
          ? html`Mae eich astudiaeth achos wedi dod i law. Eich cyfeirnod yw <strong class="reference">${data.reference}</strong>.`
          : html`Your case study has been received. Your reference is <strong class="reference">${data.reference}</strong>.`}</p>
        <p>${t("An editor will be in touch before it is published.")}</p></div>
        <p><a href="${libraryLink({})}">${t("Back to the case studies")}</a></p>`);
      setTitle(t("Thank you"));
      focusHeading();
      return;
    }
    const errors = data.errors || { __all__: [{ message: `${language === "cy" ? "Atebodd y gweinydd" : "The server answered"} ${response.status}.` }] };
    const items = [];
    for (const [name, list] of Object.entries(errors)) {
      const text = list.map((e) => e.message).join(" ");
      const target = document.getElementById(`field-${name}-error`);
      if (target) {
        target.textContent = text;
        target.hidden = false;
        items.push(html`<li><a href="#field-${name}">${labelled(schema.properties[name] ? schema.properties[name].title : name, text)}</a></li>`);
      } else {
        items.push(html`<li>${text}</li>`);
      }
    }
    status.innerHTML = fragment(html`<div class="error-summary" role="alert" tabindex="-1">
      <h2>${t("There is a problem")}</h2><ul>${items}</ul></div>`);
    status.firstElementChild.focus();
  });
}

// --- Preview and routing ---------------------------------------------------------------------

async function preview() {
  const token = new URLSearchParams(location.search).get("token") || "";
  // The token is the only credential: the data may be on the CMS's origin, and the editor's
  // cookies for it are neither needed nor sent.
  const response = await fetch(`${config.previewData}?${new URLSearchParams({ token })}`, {
    credentials: "omit",
  });
  if (!response.ok) {
    notFound("This preview has expired. Press Preview in the editor again.");
    return;
  }
  const data = await response.json();
  caseStudy(data.data, { preview: true });
}

async function pageByPath(path) {
  try {
    const item = await api("case-studies/find/", { html_path: path });
    caseStudy(item);
    return;
  } catch (error) {
    if (!(error instanceof NotFound)) throw error;
  }
  // Hubs by path: the pages listing gives each page's URL; fetch the one whose path matches.
  // (Relative requests only: the pages API writes absolute URLs with the Site's host name.)
  const slug = path.split("/").filter(Boolean).pop();
  const hubs = await api("pages/", { type: "wagtail_casestudies.CovidHubPage", slug });
  const match = hubs.items.find((item) => pathOf(item.meta.html_url) === path);
  if (!match) throw new NotFound(path);
  await hub(await api(`pages/${match.id}/`));
}

async function route({ focus = false } = {}) {
  // Slugs may be Unicode ("café"): the API wants the path as characters, not %-escapes.
  const pathname = decodeURIComponent(location.pathname);
  const path = pathname.startsWith(config.base) ? pathname.slice(config.base.length) : "";
  // Until a page says which language it is in (a listing, a councils or submission page by its
  // ?locale=, a case study or a hub by its own), the address's language.
  setLanguage(routeLanguage());
  try {
    if (path === "") {
      await library({ focus });
      return;
    } else if (path === "preview/") {
      await preview();
    } else if (path === "submit/") {
      await submitPage();
    } else if (path === "councils/") {
      await councils();
    } else if (/^councils\/[^/]+\/$/.test(path)) {
      await council(path.split("/")[1]);
    } else {
      await pageByPath(`/${path}`);
    }
  } catch (error) {
    if (error instanceof NotFound) notFound();
    else failure(error);
  }
  if (focus) focusHeading();
}

window.addEventListener("popstate", () => route({ focus: true }));
route();
