// The search page of `byline serve`: talks to the JSON API of the same
// server and draws its answers.
//
// Archive text (titles, authors, tags, snippets, comments) is hostile input:
// it is only ever put into the page as text (textContent, text nodes), never
// parsed as HTML. Highlights come from the API's code-point spans of the
// plain snippet, so a page that contains "<mark>" shows just that.
//
// The URL holds the whole state (query, filters, sort, page, open thread):
// every change is a history entry, so a search can be bookmarked and the
// back button works.
"use strict";

const PAGE_SIZE = 10;
const FACETS = ["author", "month", "type", "tag"];
const STATE_KEYS = ["q", "sort", "type", "author", "month", "tag", "offset", "id", "comment"];

const $ = (id) => document.getElementById(id);

// --- State <-> URL ---------------------------------------------------------

function readState() {
  const params = new URLSearchParams(location.search);
  const state = {};
  for (const key of STATE_KEYS) state[key] = params.get(key) || "";
  state.offset = Math.max(0, parseInt(state.offset, 10) || 0);
  return state;
}

function stateUrl(state) {
  const params = new URLSearchParams();
  for (const key of STATE_KEYS) {
    const value = key === "offset" ? (state.offset ? String(state.offset) : "") : state[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? "/?" + text : "/";
}

function go(state) {
  history.pushState(null, "", stateUrl(state));
  render();
}

// --- Building elements (text only) -----------------------------------------

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

// A link to another state of the page: a real href (open in a new tab,
// copy the address) that is followed in place on a plain click.
function stateLink(state, text, className) {
  const link = element("a", className, text);
  link.href = stateUrl(state);
  link.addEventListener("click", (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    go(state);
  });
  return link;
}

// The snippet as text nodes, with <mark> elements around the highlight spans
// (code-point offsets into the plain snippet).
function highlightedSnippet(snippet, spans) {
  const out = element("p", "snippet");
  const points = Array.from(snippet || "");
  let at = 0;
  for (const span of spans || []) {
    const start = Math.max(at, Math.min(span[0], points.length));
    const end = Math.max(start, Math.min(span[1], points.length));
    if (start > at) out.append(document.createTextNode(points.slice(at, start).join("")));
    if (end > start) out.append(element("mark", null, points.slice(start, end).join("")));
    at = end;
  }
  if (at < points.length) out.append(document.createTextNode(points.slice(at).join("")));
  return out;
}

// The query's plain words, for highlighting them in a thread (the API
// highlights snippets only): operators and field names dropped, a word's
// usual English endings cut so that "prices" also marks "price".
function queryWords(q) {
  const words = [];
  const pattern = /(?:[a-z]+:)?("[^"]*"|[^\s()"]+)/gi;
  for (const match of (q || "").matchAll(pattern)) {
    const field = match[0].slice(0, match[0].length - match[1].length).toLowerCase();
    if (["tag:", "type:", "date:", "author:"].includes(field) || match[1].startsWith("-")) continue;
    for (let word of match[1].replace(/"/g, "").split(/[^\p{L}\p{N}*]+/u)) {
      if (!word || ["AND", "OR", "NOT", "NEAR", "ADJ", "XOR"].includes(word)) continue;
      word = word.toLowerCase();
      const stem = word.endsWith("*") ? word.slice(0, -1) : word.replace(/(ing|ed|es|s|ly)$/u, "");
      words.push(stem.length >= 3 ? stem : word.replace(/\*$/, ""));
    }
  }
  return words;
}

// Text with the words of `words` (as prefixes) marked, as nodes.
function markWords(parent, text, words) {
  if (!words.length) {
    parent.append(document.createTextNode(text));
    return;
  }
  let last = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0].toLowerCase();
    if (!words.some((w) => word.startsWith(w))) continue;
    if (match.index > last) parent.append(document.createTextNode(text.slice(last, match.index)));
    parent.append(element("mark", null, match[0]));
    last = match.index + match[0].length;
  }
  if (last < text.length) parent.append(document.createTextNode(text.slice(last)));
}

function paragraphs(parent, text, words) {
  for (const part of (text || "").split(/\n\s*\n/)) {
    if (!part.trim()) continue;
    const p = element("p");
    markWords(p, part, words);
    parent.append(p);
  }
}

function dateText(date) {
  return date ? date.replace("T", " ") : "undated";
}

// --- Talking to the API ----------------------------------------------------

async function api(path, params) {
  const url = path + (params ? "?" + params.toString() : "");
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new Error("the server answered " + response.status + " without JSON");
  }
  if (!response.ok) throw new Error(body.error || "the server answered " + response.status);
  return body;
}

function showError(message) {
  const box = $("error");
  box.textContent = message ? "Byline: " + message : "";
  box.hidden = !message;
}

// The API query for a state: the typed query plus the facet filters the API
// has no parameter for (tag) as query syntax.
function searchParams(state) {
  let q = state.q;
  if (state.tag) q = (q ? "(" + q + ") " : "") + 'tag:"' + state.tag.replace(/"/g, " ") + '"';
  const params = new URLSearchParams({ q: q, limit: String(PAGE_SIZE), facets: FACETS.join(",") });
  if (state.offset) params.set("offset", String(state.offset));
  if (state.sort && state.sort !== "relevance") params.set("sort", state.sort);
  if (state.type) params.set("type", state.type);
  if (state.author) params.set("author", state.author);
  if (state.month) {
    params.set("since", state.month);
    params.set("until", state.month);
  }
  return params;
}

// --- Drawing ---------------------------------------------------------------

let drawn = 0;  // drawing generation: a slow answer to an old state is dropped

function drawFilters(state) {
  const box = $("filters");
  box.replaceChildren();
  for (const key of ["author", "month", "type", "tag"]) {
    if (!state[key]) continue;
    const next = { ...state, offset: 0, id: "", comment: "" };
    next[key] = "";
    const chip = stateLink(next, key + ": " + state[key] + "  \u00d7", "chip");
    chip.title = "Remove this filter";
    box.append(chip);
  }
}

function drawHit(hit, state) {
  const item = element("li", "hit hit-" + hit.type);
  const pageId = String(hit.id).split(".")[0];
  // A comment opens its article's thread at that comment.
  const at = hit.comment ? String(hit.comment.index) : "";
  const title = stateLink({ ...state, id: pageId, comment: at }, hit.title || "(no title)", "title");
  const heading = element("h2");
  heading.append(title);
  item.append(heading);
  const meta = element("p", "meta");
  meta.append(element("span", "type", hit.type));
  meta.append(element("span", "date", dateText(hit.date)));
  if (hit.author) meta.append(element("span", "author", hit.author));
  if (hit.comment) meta.append(element("span", "which", "comment " + hit.comment.index));
  item.append(meta);
  if (hit.snippet) item.append(highlightedSnippet(hit.snippet, hit.highlights));
  return item;
}

function drawFacets(facets, state) {
  const box = $("facets");
  box.replaceChildren();
  for (const name of FACETS) {
    const values = (facets && facets[name]) || [];
    if (!values.length) continue;
    const group = element("section", "facet");
    group.append(element("h3", null, name));
    const list = element("ul");
    for (const [value, count] of values.slice(0, 12)) {
      const key = name;
      const on = state[key] === value;
      const next = { ...state, offset: 0, id: "", comment: "" };
      next[key] = on ? "" : value;
      const link = stateLink(next, "", on ? "facet-value on" : "facet-value");
      link.append(element("span", "value", value));
      link.append(element("span", "count", String(count)));
      if (on) link.setAttribute("aria-pressed", "true");
      const li = element("li");
      li.append(link);
      list.append(li);
    }
    group.append(list);
    box.append(group);
  }
}

function drawResults(out, state) {
  const total = out.total;
  const shown = out.hits.length;
  const about = out.total_exact === false ? "about " : "";
  $("summary").textContent = shown
    ? "Results " + (out.offset + 1) + "\u2013" + (out.offset + shown) + " of " + about + total
    : state.q || state.tag
      ? "No results for " + (state.q || "tag " + state.tag)
      : "";
  const corrected = $("corrected");
  corrected.hidden = !out.corrected;
  if (out.corrected) {
    const link = $("corrected-link");
    link.textContent = out.corrected;
    link.href = stateUrl({ ...state, q: out.corrected, offset: 0, id: "", comment: "" });
  }
  $("hits").replaceChildren(...out.hits.map((hit) => drawHit(hit, state)));
  drawFacets(out.facets, state);
  const previous = $("previous");
  const next = $("next");
  previous.disabled = state.offset === 0;
  next.disabled = out.offset + shown >= total;
  $("pager").hidden = shown === 0 || (previous.disabled && next.disabled);
  $("page-number").textContent = "page " + (Math.floor(state.offset / PAGE_SIZE) + 1);
}

function drawThread(doc, state) {
  const box = $("thread");
  box.replaceChildren();
  const words = queryWords(state.q);
  const back = element("button", "back", "\u2190 Back to the results");
  back.type = "button";
  back.addEventListener("click", () => go({ ...state, id: "", comment: "" }));
  box.append(back);
  const title = element("h2");
  markWords(title, doc.title || "(no title)", words);
  box.append(title);
  const meta = element("p", "meta");
  meta.append(element("span", "type", doc.type));
  meta.append(element("span", "date", dateText(doc.date)));
  if (doc.author) meta.append(element("span", "author", doc.author));
  if (doc.source) meta.append(element("span", "source", doc.source));
  box.append(meta);
  if (doc.tags && doc.tags.length) {
    const tags = element("p", "tags");
    for (const tag of doc.tags) tags.append(stateLink({ ...state, tag: tag, id: "", comment: "", offset: 0 }, tag, "chip"));
    box.append(tags);
  }
  const body = element("div", "body");
  paragraphs(body, doc.text, words);
  box.append(body);
  const comments = doc.comments || [];
  box.append(element("h3", null, comments.length + (comments.length === 1 ? " comment" : " comments")));
  const list = element("ol", "comments");
  for (const c of comments) {
    const depth = Math.min(6, Math.max(0, c.depth || 0));
    const item = element("li", "comment depth-" + depth);
    item.id = "comment-" + (c.comment ? c.comment.index : "");
    if (c.comment && String(c.comment.index) === state.comment) {
      item.classList.add("chosen");
      item.tabIndex = -1;
    }
    const cmeta = element("p", "meta");
    cmeta.append(element("span", "author", c.author || "anonymous"));
    cmeta.append(element("span", "date", dateText(c.date)));
    if (c.comment && c.comment.parent) cmeta.append(element("span", "reply", "reply to " + c.comment.parent));
    item.append(cmeta);
    const text = element("div", "text");
    paragraphs(text, c.text, words);
    item.append(text);
    list.append(item);
  }
  box.append(list);
}

async function render() {
  const state = readState();
  const generation = ++drawn;
  $("q").value = state.q;
  $("sort").value = state.sort || "relevance";
  $("type").value = state.type;
  document.title = (state.q ? state.q + " \u2013 " : "") + "Byline search";
  drawFilters(state);
  showError("");
  const threadOpen = Boolean(state.id);
  $("thread").hidden = !threadOpen;
  $("results").hidden = threadOpen;
  $("facets").hidden = threadOpen;
  try {
    if (threadOpen) {
      const doc = await api("/api/show/" + encodeURIComponent(state.id));
      if (generation !== drawn) return;
      drawThread(doc, state);
      const chosen = document.querySelector("#thread .chosen");
      (chosen || $("thread")).focus();
      if (chosen) chosen.scrollIntoView({ block: "center" });
    } else if (state.q || state.tag || state.author || state.month || state.type) {
      const out = await api("/api/search", searchParams(state));
      if (generation !== drawn) return;
      drawResults(out, state);
    } else {
      // Nothing asked yet: what there is to search.
      drawResults({ total: 0, offset: 0, hits: [], facets: null }, state);
      const stats = await api("/api/stats");
      if (generation !== drawn) return;
      const span = stats.first_date ? ", " + stats.first_date.slice(0, 10) + " to " + stats.last_date.slice(0, 10) : "";
      $("summary").textContent =
        "Search " + stats.documents + " documents (" + stats.articles + " articles, " + stats.comments + " comments" + span + ")";
    }
  } catch (error) {
    if (generation !== drawn) return;
    showError(error.message);
  }
}

// --- Wiring ------------------------------------------------------------------

function formState() {
  return { ...readState(), q: $("q").value.trim(), offset: 0, id: "", comment: "" };
}

document.addEventListener("DOMContentLoaded", () => {
  $("search").addEventListener("submit", (event) => {
    event.preventDefault();
    go(formState());
  });
  $("sort").addEventListener("change", () => go({ ...formState(), sort: $("sort").value }));
  $("type").addEventListener("change", () => go({ ...formState(), type: $("type").value }));
  $("previous").addEventListener("click", () => {
    const state = readState();
    go({ ...state, offset: Math.max(0, state.offset - PAGE_SIZE) });
  });
  $("next").addEventListener("click", () => {
    const state = readState();
    go({ ...state, offset: state.offset + PAGE_SIZE });
  });
  document.addEventListener("keydown", (event) => {
    const typing = ["INPUT", "SELECT", "TEXTAREA"].includes(document.activeElement.tagName);
    if (event.key === "/" && !typing) {
      event.preventDefault();
      $("q").focus();
      $("q").select();
    }
  });
  window.addEventListener("popstate", render);
  render();
});
