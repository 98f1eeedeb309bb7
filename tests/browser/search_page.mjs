// The search page of `byline serve` in headless Chromium, driven by
// playwright-core: index pages (one with a hostile title and hostile
// comments), start the real server, search, click a facet, page forward,
// open a thread, go back, and check that the hostile text shows as text and
// that no script of it ran. Saves screenshots for a person to look at.
//
//   node search_page.mjs BYLINE_BINARY WORK_DIR SCREENSHOT_DIR
// (run by run_browser_test.sh, which installs playwright-core and skips
// when Chromium or Node.js is missing).
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import assert from "node:assert/strict";

const [byline, work, shots] = process.argv.slice(2);
const require = createRequire(path.join(work, "node_modules", "noop.js"));
const { chromium } = require("playwright-core");

// --- Pages, in the seed page's text layout ---------------------------------

function page(title, author, date, paragraphs, comments = [], tag = "News") {
  let out = `${title}\n${date}\n10:08 PM ET\n\n${title}\n\nBy ${author}\n\n`;
  for (const p of paragraphs) out += p + "\n\n";
  out += `Post by:\nFiled under: ${tag}\nsoundoff (${comments.length} Responses)\n`;
  comments.forEach((c, i) => {
    if (c.reply) {
      out += `    \u2022 ${c.author}\n\n      ${c.text}\n\n      April 23, 2013 at 11:0${i} am | Reply\n`;
    } else {
      out += `  ${i + 1}. ${c.author}\n\n    ${c.text}\n\n    April 23, 2013 at 10:0${i} am | Reply\n`;
    }
  });
  return out + "\nPost a comment\n";
}

function ordinal(n) {
  const suffix = n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th";
  return n + suffix;
}

const HOSTILE_TITLE = `<img src=x onerror="window.__pwned='title'">Oil spill & <b>cleanup</b>`;
const HOSTILE_SCRIPT = `<script>window.__pwned='comment'</script> the oil is everywhere`;
const HOSTILE_IMG = `oil on the beach <img src=x onerror="window.__pwned='img'">`;

const pagesDir = path.join(work, "pages");
mkdirSync(pagesDir, { recursive: true });
writeFileSync(
  path.join(pagesDir, "hostile.txt"),
  page(HOSTILE_TITLE, "Ann Writer", "April 22nd, 2013", ["Oil reached the coast on Monday."], [
    { author: "Mallory", text: HOSTILE_SCRIPT },
    { author: "Trent", text: "A reply about oil and birds.", reply: true },
    { author: "Eve", text: HOSTILE_IMG },
  ], "Energy"),
);
for (let i = 0; i < 14; i++) {
  const author = i % 2 ? "Bob Reporter" : "Ann Writer";
  const month = i % 3 ? "May" : "June";
  writeFileSync(
    path.join(pagesDir, `oil${i}.txt`),
    page(`Oil market report ${i}`, author, `${month} ${ordinal(i + 1)}, 2013`, [`Oil prices moved, report number ${i}.`]),
  );
}
const db = path.join(work, "index");
execFileSync(byline, ["--db", db, "index", pagesDir], { stdio: ["ignore", "ignore", "inherit"] });

// --- The server --------------------------------------------------------------

const server = spawn(byline, ["--db", db, "serve", "--port", "0"], { stdio: ["ignore", "ignore", "pipe"] });
let serverErr = "";
const base = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error("no listening line: " + serverErr)), 20000);
  server.stderr.on("data", (chunk) => {
    serverErr += chunk;
    const m = serverErr.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
    if (m) {
      clearTimeout(timer);
      resolve(m[0]);
    }
  });
  server.on("exit", (code) => reject(new Error(`byline serve exited ${code}: ${serverErr}`)));
});
const exited = new Promise((resolve) => server.on("exit", (code, signal) => resolve({ code, signal })));

const browser = await chromium.launch({
  executablePath: process.env.BYLINE_CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
  ],
});
const problems = [];
let step = "start";
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const tab = await context.newPage();
  tab.on("pageerror", (e) => problems.push("page error: " + e.message));
  tab.on("console", (m) => {
    if (m.type() === "error") problems.push("console error: " + m.text());
  });
  const hits = tab.locator("#hits > li");
  const summary = tab.locator("#summary");

  step = "load: CSP header, no inline script";
  const response = await tab.goto(base);
  const csp = response.headers()["content-security-policy"] || "";
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(await tab.locator("script:not([src])").count(), 0);

  step = "the empty page says what there is to search";
  await tab.waitForFunction(() => document.querySelector("#summary").textContent.startsWith("Search "));
  assert.match(await summary.textContent(), /^Search 18 documents \(15 articles, 3 comments, 2013-04-22 to 2013-06-13\)$/);

  step = "help is one click away";
  assert.equal(await tab.locator("#help dl").isVisible(), false);
  await tab.click("#help summary");
  assert.equal(await tab.locator("#help dl").isVisible(), true);

  step = "search by keyboard: / focuses the box, Enter searches";
  await tab.locator("body").press("/");
  assert.equal(await tab.evaluate(() => document.activeElement.id), "q");
  await tab.keyboard.type("oil");
  await tab.keyboard.press("Enter");
  await tab.waitForSelector("#hits > li");
  assert.match(new URL(tab.url()).search, /q=oil/);
  const allText = await summary.textContent();
  assert.match(allText, /^Results 1\u201310 of 18$/);  // 15 articles + 3 comments
  assert.equal(await hits.count(), 10);

  assert.ok((await tab.locator("#hits mark").count()) >= 10, "highlighted words");
  const hit = tab.locator("#hits > li").first();
  assert.ok((await hit.locator(".type").textContent()).length > 0);
  assert.ok((await hit.locator(".date").textContent()).startsWith("2013-"));
  mkdirSync(shots, { recursive: true });

  step = "a facet narrows the results and its counts";
  const bob = tab.locator("#facets .facet-value", { hasText: "Bob Reporter" });
  assert.equal(await bob.locator(".count").textContent(), "7");
  await bob.click();
  await tab.waitForFunction(() => document.querySelector("#summary").textContent.endsWith(" of 7"));
  assert.match(new URL(tab.url()).search, /author=Bob\+Reporter/);
  const authors = await tab.locator("#hits .author").allTextContents();
  assert.ok(authors.length === 7 && authors.every((a) => a === "Bob Reporter"), authors.join(","));
  assert.equal(await tab.locator("#facets .facet-value.on .count").textContent(), "7");
  assert.equal(await tab.locator("#filters .chip").count(), 1);

  step = "back to all results, then page forward";
  await tab.goBack();
  await tab.waitForFunction(() => document.querySelector("#summary").textContent.endsWith(" of 18"));
  await tab.click("#next");
  await tab.waitForFunction(() => document.querySelector("#summary").textContent.startsWith("Results 11"));
  assert.match(new URL(tab.url()).search, /offset=10/);
  await tab.goBack();
  await tab.waitForFunction(() => document.querySelector("#summary").textContent.startsWith("Results 1\u2013"));

  step = "sort by date";
  await tab.selectOption("#sort", "newest");
  await tab.waitForFunction(() => location.search.includes("sort=newest"));
  await tab.waitForFunction(() => document.querySelector("#hits .date").textContent.startsWith("2013-06"));

  step = "hostile title and comments show as text";
  await tab.fill("#q", "spill OR everywhere OR beach");
  await tab.keyboard.press("Enter");
  await tab.waitForFunction(() => document.querySelector("#summary").textContent.endsWith(" of 3"));
  const titles = await tab.locator("#hits h2").allTextContents();
  assert.ok(titles.length === 3 && titles.every((t) => t === HOSTILE_TITLE), "hostile title as text: " + titles);
  const snippets = (await tab.locator("#hits .snippet").allTextContents()).join("\n");
  assert.ok(snippets.includes("<script>window.__pwned='comment'</script>"), snippets);
  assert.ok(snippets.includes(`<img src=x onerror="window.__pwned='img'">`), snippets);
  assert.equal(await tab.locator("#hits img, #hits script, #hits b").count(), 0);
  await tab.screenshot({ path: path.join(shots, "results.png"), fullPage: true });

  step = "open the hostile thread from a comment's hit";
  const first = tab.locator("#hits > li").first();
  const which = await first.locator(".which").textContent();  // "comment N" (sorted newest first)
  assert.match(which, /^comment \d+$/);
  await first.locator("h2 a").click();
  await tab.waitForSelector("#thread .comments > li");
  assert.equal(await tab.locator("#results").isVisible(), false);
  assert.match(new URL(tab.url()).search, /id=/);
  const thread = tab.locator("#thread");
  assert.equal(await thread.locator("h2").textContent(), HOSTILE_TITLE);
  // The reply tree: two top-level comments, Trent's reply nested under Mallory's.
  const comments = thread.locator(".comment");
  assert.equal(await comments.count(), 3);
  assert.equal(await thread.locator(".comments > li").count(), 2);
  const mallory = thread.locator(".comments > li").nth(0);
  const reply = mallory.locator(".replies > li");
  assert.equal(await reply.count(), 1);
  assert.equal(await reply.locator(".author").first().textContent(), "Trent");
  assert.match(await reply.locator(".reply").first().textContent(), /^reply to #1 by Mallory$/);
  assert.ok((await mallory.locator(".text").first().textContent()).includes("<script>window.__pwned='comment'</script>"));
  assert.ok((await thread.locator(".comments > li").nth(1).textContent()).includes(`onerror="window.__pwned='img'"`));
  assert.equal(await thread.locator("img, script, b").count(), 0);
  const chosen = thread.locator(".comment.chosen");
  assert.equal(await chosen.count(), 1, "the comment the hit was for is picked out");
  assert.equal(await chosen.getAttribute("id"), "comment-" + which.split(" ")[1]);
  assert.equal(await tab.evaluate(() => document.activeElement.classList.contains("chosen")), true);
  const left = async (locator) => locator.evaluate((e) => e.getBoundingClientRect().left);
  assert.ok((await left(reply)) > (await left(mallory)) + 10, "the reply is indented");
  // The server's highlights (show --query): the matches in the matching
  // comments, none in the reply that does not match.
  const marked = await thread.locator(".comments mark").allTextContents();
  assert.deepEqual([...marked].sort(), ["beach", "everywhere"]);
  assert.equal(await thread.locator(".comment.matched").count(), 2);
  assert.equal(await reply.locator("mark").count(), 0);
  assert.match(await thread.locator(".comments-head h3").textContent(), /^3 comments, 2 matching$/);
  await tab.screenshot({ path: path.join(shots, "thread.png"), fullPage: true });

  step = "only the matching comments, then all again";
  await thread.locator(".comments-head .toggle").click();
  await tab.waitForFunction(() => location.search.includes("matching=1"));
  await tab.waitForFunction(() => document.querySelectorAll("#thread .comment").length === 2);
  assert.deepEqual(await thread.locator(".comment .author").allTextContents(), ["Mallory", "Eve"]);
  await tab.goBack();
  await tab.waitForFunction(() => document.querySelectorAll("#thread .comment").length === 3);

  step = "back button closes the thread";
  await tab.goBack();
  await tab.waitForSelector("#results:not([hidden]) #hits > li");
  assert.equal(await tab.locator("#thread").isVisible(), false);
  assert.equal(await tab.inputValue("#q"), "spill OR everywhere OR beach");

  step = "keyboard only: Tab to a hit, Enter opens its thread, Tab to Back, Enter";
  const tabUntil = async (selector) => {
    for (let i = 0; i < 60; i++) {
      await tab.keyboard.press("Tab");
      if (await tab.evaluate((sel) => document.activeElement.matches(sel), selector)) return;
    }
    throw new Error("Tab never reached " + selector);
  };
  await tab.locator("body").press("/");
  await tab.keyboard.type(" birds");
  await tab.keyboard.press("Enter");
  await tab.waitForFunction(() => document.querySelector("#summary").textContent.endsWith(" of 1"));
  await tabUntil("#hits h2 a");
  await tab.keyboard.press("Enter");
  await tab.waitForSelector("#thread:not([hidden]) .comments > li");
  assert.equal(await tab.locator("#thread .comment.matched .author").textContent(), "Trent");
  await tabUntil("#thread .back");
  await tab.keyboard.press("Enter");
  await tab.waitForSelector("#results:not([hidden]) #hits > li");
  await tabUntil("#facets .facet-value");
  await tab.keyboard.press("Enter");
  await tab.waitForSelector("#filters .chip");

  step = "a bookmarked address opens the same search";
  const bookmark = base + "?q=oil&author=Ann+Writer";
  const second = await context.newPage();
  await second.goto(bookmark);
  await second.waitForFunction(() => document.querySelector("#summary").textContent.startsWith("Results"));
  assert.equal(await second.inputValue("#q"), "oil");
  assert.equal(await second.locator("#filters .chip").count(), 1);

  step = "a bad query shows the API's error";
  await tab.fill("#q", "date:xx");
  await tab.keyboard.press("Enter");
  await tab.waitForSelector("#error:not([hidden])");
  assert.match(await tab.locator("#error").textContent(), /date/);

  step = "a phone-sized window";
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const small = await phone.newPage();
  await small.goto(base + "?q=oil");
  await small.waitForSelector("#hits > li");
  const width = await small.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, "no sideways scrolling on a phone: " + width);
  await small.screenshot({ path: path.join(shots, "phone.png"), fullPage: false });

  step = "no script of the archive ran";
  for (const p of [tab, second, small]) assert.equal(await p.evaluate(() => window.__pwned), undefined);
  // Requests for "x" (the hostile <img src=x>) would mean it became an element.
  // (The bad query's 400 is logged by Chromium as a failed load: expected.)
  assert.deepEqual(problems.filter((p) => !/status of 400/.test(p)), []);
  console.log("browser test: all steps passed; screenshots in " + shots);
} catch (error) {
  console.error(`browser test failed at step "${step}": ${error.message}`);
  if (problems.length) console.error(problems.join("\n"));
  process.exitCode = 1;
} finally {
  await browser.close();
  server.kill("SIGTERM");
  const { code, signal } = await exited;
  if (code !== 0) {
    console.error(`byline serve ended with ${code ?? signal} after SIGTERM: ${serverErr}`);
    process.exitCode = 1;
  }
}
