// The search page of `byline serve`: talks to the JSON API of the same
// server and draws its answers.
//
// Archive text (titles, authors, tags, snippets, comments) is hostile input:
// it is only ever put into the page as text (textContent, text nodes), never
// parsed as HTML. Highlights come from the API's code-point spans of the
// plain snippet (and, in a thread, of each document's text, as `byline show
// --query` finds them), so a page that contains "<mark>" shows just that.
//
// The URL holds the whole state (query, filters, sort, page, open thread):
// every change is a history entry, so a search can be bookmarked and the
// back button works.
"use strict";

const PAGE_SIZE = 10;
const FACETS = ["author", "month", "type", "tag"];
const STATE_KEYS = ["q", "sort", "type", "author", "month", "tag", "offset", "id", "comment", "matching"];

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

// A document's text as paragraphs (split at blank lines), with <mark>
// elements around the API's highlight spans (code-point offsets into the
// text, as `byline show --query` finds them): text nodes only.
function highlightedParagraphs(parent, text, spans) {
  const points = Array.from(text || "");
  const pieces = [];  // [text, marked]
  let at = 0;
  for (const span of spans || []) {
    const start = Math.max(at, Math.min(span[0], points.length));
    const end = Math.max(start, Math.min(span[1], points.length));
    if (start > at) pieces.push([points.slice(at, start).join(""), false]);
    if (end > start) pieces.push([points.slice(start, end).join(""), true]);
    at = end;
  }
  if (at < points.length) pieces.push([points.slice(at).join(""), false]);
  let p = null;
  for (const [piece, marked] of pieces) {
    const parts = piece.split(/\n[ \t]*\n\s*/);
    parts.forEach((part, i) => {
      if (i > 0 || !p) {
        p = element("p");
        parent.append(p);
      }
      if (part) p.append(marked ? element("mark", null, part) : document.createTextNode(part));
    });
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
  if (out.time_limited)
    $("summary").textContent +=
      (shown ? " (counts are estimates: " : "No results shown: ") +
      "the search ran out of the server's time budget" + (shown ? ")" : "; narrow the query");
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

// One comment of the reply tree, and under it (indented) the comments
// answering it, as nested lists.
function drawComment(c, state, byIndex) {
  const item = element("li", "comment");
  const index = c.comment ? String(c.comment.index) : "";
  item.id = "comment-" + index;
  if (c.matched) item.classList.add("matched");
  if (c.context_only) item.classList.add("context");
  if (index && index === state.comment) {
    item.classList.add("chosen");
    item.tabIndex = -1;
  }
  const cmeta = element("p", "meta");
  cmeta.append(element("span", "number", "#" + index));
  cmeta.append(element("span", "author", c.author || "anonymous"));
  cmeta.append(element("span", "date", dateText(c.date)));
  if (c.comment && c.comment.parent) {
    const parent = byIndex.get(c.comment.parent);
    cmeta.append(element("span", "reply", "reply to #" + c.comment.parent + (parent && parent.author ? " by " + parent.author : "")));
  }
  if (c.matched) cmeta.append(element("span", "match", "match"));
  item.append(cmeta);
  const text = element("div", "text");
  highlightedParagraphs(text, c.text || "(empty)", c.highlights);
  item.append(text);
  if (c.replies && c.replies.length) {
    const answers = element("ol", "replies");
    for (const r of c.replies) answers.append(drawComment(r, state, byIndex));
    item.append(answers);
  }
  return item;
}

function drawThread(doc, state) {
  const box = $("thread");
  box.replaceChildren();
  const back = element("button", "back", "\u2190 Back to the results");
  back.type = "button";
  back.addEventListener("click", () => go({ ...state, id: "", comment: "", matching: "" }));
  box.append(back);
  const title = element("h2", null, doc.title || "(no title)");
  box.append(title);
  const meta = element("p", "meta");
  meta.append(element("span", "type", doc.type));
  meta.append(element("span", "date", dateText(doc.date)));
  if (doc.author) meta.append(element("span", "author", doc.author));
  if (doc.source) meta.append(element("span", "source", doc.source));
  box.append(meta);
  if (doc.tags && doc.tags.length) {
    const tags = element("p", "tags");
    for (const tag of doc.tags) tags.append(stateLink({ ...state, tag: tag, id: "", comment: "", matching: "", offset: 0 }, tag, "chip"));
    box.append(tags);
  }
  const body = element("div", "body");
  highlightedParagraphs(body, doc.text, doc.highlights);
  box.append(body);
  const comments = doc.comments || [];
  const byIndex = new Map(comments.filter((c) => c.comment).map((c) => [c.comment.index, c]));
  let heading = comments.length + (comments.length === 1 ? " comment" : " comments");
  if (typeof doc.matching === "number") heading += ", " + doc.matching + " matching";
  const head = element("div", "comments-head");
  head.append(element("h3", null, heading));
  if (typeof doc.matching === "number") {
    const toggle = stateLink({ ...state, matching: state.matching ? "" : "1" },
      state.matching ? "Show all comments" : "Only the matching comments", "chip toggle");
    head.append(toggle);
  }
  box.append(head);
  const list = element("ol", "comments");
  for (const c of doc.replies || []) list.append(drawComment(c, state, byIndex));
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
      // The whole thread, the typed query's matches marked by the server
      // (`byline show ID --thread --query Q`).
      const params = new URLSearchParams({ thread: "1" });
      if (state.q) params.set("query", state.q);
      if (state.q && state.matching) params.set("matching", "1");
      const doc = await api("/api/show/" + encodeURIComponent(state.id), params);
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
  return { ...readState(), q: $("q").value.trim(), offset: 0, id: "", comment: "", matching: "" };
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
