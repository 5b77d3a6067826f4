// The Explore page: full-text search over the statements with filters by official, country, year
// and theme, sorted by date, on the Pagefind index the build writes to <site>/pagefind/.
// A large archive's index comes in parts, each covering a stretch of dates, newest first
// (<site>/pagefind/archive-parts.json lists their folders): Pagefind merges them into one search
// (mergeIndex), each part tagged with a filter of its own number, so that a search in date order
// asks the parts one by one and puts their results one after the other (Pagefind would merge them
// by score); by relevance, one search over all of them, merged by score.
// Everything is loaded from this site; nothing from elsewhere. Result text is inserted as text.

const PAGE = 10;
const FACETS = ["official", "country", "year", "theme"];
const PART = "archive-part"; // the filter that tells the parts of the index apart (see openIndex)
const root = new URL("../", import.meta.url); // this file is <site>/assets/explore.js

const box = document.getElementById("aa-explore");
const form = box.querySelector("form");
const status = box.querySelector(".aa-explore__status");
const list = box.querySelector(".aa-explore__results");
const more = box.querySelector(".aa-explore__more");

let pagefind = null; // Pagefind, with every part of the index merged in
let parts = []; // the parts' numbers, newest part first
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
  if (!pagefind) return;
  const mine = ++generation;
  const wanted = state();
  remember(wanted);
  const sort =
    wanted.sort === "oldest" ? { date: "asc" } : wanted.sort === "relevance" && wanted.q ? undefined : { date: "desc" };
  const options = { filters: wanted.filters };
  if (sort) options.sort = sort;
  const searches = await oneAtATime(() => search(wanted, options));
  if (mine !== generation || searches.some((search) => !search)) return;
  current = searches.flatMap((search) => search.results);
  shown = 0;
  list.replaceChildren();
  const n = current.length;
  const what = wanted.q ? ` matching “${wanted.q}”` : "";
  status.textContent = n === 0 ? `No statement${what}.` : `${n} statement${n === 1 ? "" : "s"}${what}.`;
  await showMore(mine);
}

// By date, each part on its own, one after another, in the order of the parts (the oldest part
// first for oldest first); by relevance, all parts at once, merged by score
async function search(wanted, options) {
  const words = wanted.q || null;
  if (!options.sort) return [await pagefind.search(words, options)];
  const answers = [];
  for (const part of options.sort.date === "asc" ? [...parts].reverse() : parts) {
    answers.push(await pagefind.search(words, { ...options, filters: { ...options.filters, [PART]: part } }));
  }
  return answers;
}

// a search waits for the one before it (a reader typing fast)
let queue = Promise.resolve();
function oneAtATime(call) {
  const asked = queue.then(call);
  queue = asked.catch(() => {});
  return asked;
}

// The index with every part merged in (Pagefind's script and WebAssembly loaded once), and the
// filters' counts (from the list of parts; from Pagefind where an index has no such list).
async function openIndex() {
  let listing = { parts: [{ path: "pagefind/" }] };
  const answer = await fetch(new URL("pagefind/archive-parts.json", root));
  if (answer.ok) listing = await answer.json();
  const opened = await import(new URL("pagefind/pagefind.js", root).href);
  const others = listing.parts.slice(1);
  // in this page's thread: no web worker to download
  await opened.options({ baseUrl: root.pathname, excerptLength: 30, noWorker: true, mergeFilter: { [PART]: "1" } });
  await opened.init();
  for (const [n, { path }] of others.entries()) {
    await opened.mergeIndex(new URL(path, root).pathname, { mergeFilter: { [PART]: String(n + 2) } });
  }
  parts = listing.parts.map((_, n) => String(n + 1));
  return [opened, listing.filters || (await opened.filters())];
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
  pagefind = opened;
  for (const facet of FACETS) fillSelect(form.elements.namedItem(facet), counts[facet], facet);
  restore();
  box.dataset.ready = "true";
  await update();
} catch (error) {
  status.textContent = "The search index could not be loaded. Browse by official, year or theme instead.";
  box.dataset.ready = "error";
  console.error(error);
}
