// The Explore page: full-text search over the statements with filters by official, country, year
// and theme, sorted by date, on the Pagefind index the build writes to <site>/pagefind/.
// A large archive's index comes in parts, each covering a stretch of dates, newest first
// (<site>/pagefind/archive-parts.json lists their folders): every part is searched, and the results
// are put together in date order (or merged by score when sorted by relevance).
// Everything is loaded from this site; nothing from elsewhere. Result text is inserted as text.

const PAGE = 10;
const FACETS = ["official", "country", "year", "theme"];
const root = new URL("../", import.meta.url); // this file is <site>/assets/explore.js

const box = document.getElementById("aa-explore");
const form = box.querySelector("form");
const status = box.querySelector(".aa-explore__status");
const list = box.querySelector(".aa-explore__results");
const more = box.querySelector(".aa-explore__more");

let parts = null; // one Pagefind instance per part of the index, newest part first
let current = []; // the results of the latest search
let shown = 0;
let generation = 0; // a newer search makes the answers of older ones stale

function longDate(iso) {
  if (!iso) return "Undated";
  const day = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return iso;
  return day.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

// Pagefind marks the matched words in an excerpt with <mark>; the rest is the page's text.
function excerptNodes(excerpt) {
  const nodes = [];
  const parts = String(excerpt || "").split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === "<mark>") marked = true;
    else if (part === "</mark>") marked = false;
    else if (part) {
      const text = document.createTextNode(decode(part));
      if (marked) {
        const mark = document.createElement("mark");
        mark.append(text);
        nodes.push(mark);
      } else nodes.push(text);
    }
  }
  return nodes;
}

const decoder = document.createElement("textarea");
function decode(text) {
  decoder.innerHTML = text; // a <textarea> never runs or renders markup: this only decodes entities
  return decoder.value;
}

function fillSelect(select, counts, facet) {
  const values = Object.keys(counts || {});
  values.sort(facet === "year" ? (a, b) => b.localeCompare(a) : (a, b) => a.localeCompare(b));
  for (const value of values) {
    const option = document.createElement("option");
    option.value = value;
    option.textContent = `${value} (${counts[value]})`;
    select.append(option);
  }
}

function state() {
  const data = new FormData(form);
  const filters = {};
  for (const facet of FACETS) {
    const value = data.get(facet);
    if (value) filters[facet] = value;
  }
  return { q: String(data.get("words") || "").trim(), filters, sort: String(data.get("sort") || "newest") };
}

function remember({ q, filters, sort }) {
  const params = new URLSearchParams();
  if (q) params.set("words", q); // not "q": Material's header search opens itself on ?q=
  for (const [facet, value] of Object.entries(filters)) params.set(facet, value);
  if (sort !== "newest") params.set("sort", sort);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

function restore() {
  const params = new URLSearchParams(location.search);
  for (const name of ["words", ...FACETS, "sort"]) {
    const value = params.get(name);
    const field = form.elements.namedItem(name);
    if (value === null || !field) continue;
    if (field.tagName === "SELECT" && ![...field.options].some((o) => o.value === value)) continue;
    field.value = value;
  }
}

async function showMore(mine) {
  const batch = current.slice(shown, shown + PAGE);
  const pages = await Promise.all(batch.map((result) => result.data()));
  if (mine !== generation) return;
  for (const page of pages) {
    const item = document.createElement("li");
    item.className = "aa-explore__result";
    const heading = document.createElement("h3");
    const link = document.createElement("a");
    link.href = page.url;
    link.textContent = (page.meta && page.meta.title) || page.url;
    heading.append(link);
    const meta = document.createElement("p");
    meta.className = "aa-explore__meta";
    const speakers = page.meta && page.meta.speakers;
    meta.textContent = longDate(page.meta && page.meta.date) + (speakers ? ` · ${speakers}` : "");
    const excerpt = document.createElement("p");
    excerpt.className = "aa-explore__excerpt";
    excerpt.append(...excerptNodes(page.excerpt));
    item.append(heading, meta, excerpt);
    list.append(item);
  }
  shown += batch.length;
  more.hidden = shown >= current.length;
}

async function update() {
  if (!parts) return;
  const mine = ++generation;
  const wanted = state();
  remember(wanted);
  const sort =
    wanted.sort === "oldest" ? { date: "asc" } : wanted.sort === "relevance" && wanted.q ? undefined : { date: "desc" };
  const options = { filters: wanted.filters };
  if (sort) options.sort = sort;
  const searches = await oneAtATime(parts, (part) => part.search(wanted.q || null, options));
  if (mine !== generation || searches.some((search) => !search)) return;
  current = together(searches, sort);
  shown = 0;
  list.replaceChildren();
  const n = current.length;
  const what = wanted.q ? ` matching “${wanted.q}”` : "";
  status.textContent = n === 0 ? `No statement${what}.` : `${n} statement${n === 1 ? "" : "s"}${what}.`;
  await showMore(mine);
}

// the parts' results as one list: each part is in order already, and the parts follow one another
// in time (newest part first); by relevance, merged by score as Pagefind merges indexes
function together(searches, sort) {
  const lists = searches.map((search) => search.results);
  if (!sort) return lists.flat().sort((a, b) => b.score - a.score);
  return (sort.date === "asc" ? lists.reverse() : lists).flat();
}

// the parts are asked one after another, and a search waits for the one before it (a reader typing
// fast): Pagefind's instances share one WebAssembly module
let queue = Promise.resolve();
function oneAtATime(items, call) {
  const asked = queue.then(async () => {
    const answers = [];
    for (const item of items) answers.push(await call(item));
    return answers;
  });
  queue = asked.catch(() => {});
  return asked;
}

function addCounts(total, counts) {
  for (const [facet, values] of Object.entries(counts || {})) {
    total[facet] = total[facet] || {};
    for (const [value, n] of Object.entries(values)) total[facet][value] = (total[facet][value] || 0) + n;
  }
  return total;
}

// Every part of the index, opened one after another: a part is ready before the next one starts,
// since they share the WebAssembly module the first one loads. Returns the parts and the filters'
// counts over all of them (from the list of parts; from Pagefind where an index has no such list).
async function openIndex() {
  let listing = { parts: [{ path: "pagefind/" }] };
  const answer = await fetch(new URL("pagefind/archive-parts.json", root));
  if (answer.ok) listing = await answer.json();
  const pagefind = await import(new URL("pagefind/pagefind.js", root).href);
  const opened = [];
  const counts = listing.filters || {};
  for (const { path } of listing.parts) {
    // in this page's thread: Pagefind's shared web worker names the results of two instances alike
    const part = pagefind.createInstance({ basePath: new URL(path, root).pathname, noWorker: true });
    await part.options({ baseUrl: root.pathname, excerptLength: 30 });
    await part.init();
    // an empty search returns once the part is loaded
    if (listing.filters) await part.search("");
    else addCounts(counts, await part.filters());
    opened.push(part);
  }
  return [opened, counts];
}

let timer = 0;
form.addEventListener("input", (event) => {
  clearTimeout(timer);
  timer = setTimeout(update, event.target.name === "words" ? 250 : 0);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  update();
});
more.addEventListener("click", () => showMore(generation));

try {
  const [opened, counts] = await openIndex();
  parts = opened;
  for (const facet of FACETS) fillSelect(form.elements.namedItem(facet), counts[facet], facet);
  restore();
  box.dataset.ready = "true";
  await update();
} catch (error) {
  status.textContent = "The search index could not be loaded. Browse by official, year or theme instead.";
  box.dataset.ready = "error";
  console.error(error);
}
