#!/usr/bin/env python3
"""Turns make-archive's ground truth into saved HTML pages and a WARC of them.

    html_archive.py TRUTH.jsonl OUT_DIR [--warc FILE.warc.gz] [--extras]

Each truth line (make-archive --truth) becomes OUT_DIR/<source>.html, in one
of four layouts taken in turn, so that fidelity is measured across the
markup Byline reads rather than one template:

  wordpress  WordPress theme markup: rel=author, <time datetime>, rel=tag,
             ol.comment-list > li.comment with cite.fn, ul.children replies
  jsonld     a NewsArticle in JSON-LD (headline, datePublished, author,
             keywords, articleBody, nested Comment objects); plain markup
  microdata  itemscope NewsArticle, itemprop=comment Comment items nested
  drupal     OpenGraph / article:* meta only, Drupal comments (article.comment,
             human-readable dates, replies in div.indented after the parent)

--warc writes every page as a WARC/1.0 response record (one gzip member per
record, with a request record before it, some payloads chunked and gzip
Content-Encoded), source URI https://news.example.com/<source without .txt>.
--extras adds records that are no article (a section front, a 404, an
image) which a reader must pass over.
"""
import argparse
import datetime
import gzip
import html
import io
import json
import os
import sys
import uuid

LAYOUTS = ["wordpress", "jsonld", "microdata", "drupal"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def esc(text):
    return html.escape(text, quote=True)


def paragraphs(text):
    return "".join("<p>%s</p>\n" % esc(p) for p in text.split("\n\n") if p.strip())


def iso(date):
    return date + ":00+00:00" if date else ""


def human(date):
    # "2013-04-24T19:43" -> "April 24, 2013 at 7:43 pm"
    d = datetime.datetime.strptime(date, "%Y-%m-%dT%H:%M")
    hour = d.hour % 12 or 12
    return "%s %d, %d at %d:%02d %s" % (MONTHS[d.month - 1], d.day, d.year, hour, d.minute,
                                        "am" if d.hour < 12 else "pm")


def children_of(comments):
    kids = {}
    for c in comments:
        kids.setdefault(c["parent"], []).append(c)
    return kids


def head(title, extra=""):
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>%s | The Daily Example</title>\n"
            "<link rel=\"stylesheet\" href=\"/site.css\">\n<script>window.dataLayer=[];function track(){}</script>\n"
            "%s</head>\n" % (esc(title), extra))


NAV = ("<header class=\"site-header\"><a class=\"logo\" href=\"/\">The Daily Example</a>\n"
       "<nav class=\"main-nav\"><ul><li><a href=\"/world\">World</a></li><li><a href=\"/business\">Business</a></li>"
       "<li><a href=\"/sport\">Sport</a></li></ul></nav></header>\n")
SHARE = ("<div class=\"share-buttons\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Tweet this story</a> "
         "<a href=\"#\">Email this article to a friend</a></div>\n")
ASIDE = ("<aside class=\"sidebar\"><h3>Most read</h3><ul><li><a href=\"/a\">Markets close higher on hopes of a rate "
         "cut next month</a></li><li><a href=\"/b\">Ten things to know before the opening bell today</a></li></ul>"
         "</aside>\n<div class=\"ad-slot advert\"><p>Advertisement: subscribe today and save fifty percent on your "
         "first year of unlimited access.</p></div>\n")
FOOT = ("<footer class=\"site-footer\"><p>Copyright The Daily Example. All rights reserved. Terms of use, privacy "
        "policy and cookie settings apply to every page of this site.</p></footer>\n</body>\n</html>\n")


def wordpress(page):
    a = page["article"]
    kids = children_of(page["comments"])

    def thread(parent, depth):
        out = []
        for c in kids.get(parent, []):
            out.append("<li id=\"comment-%d\" class=\"comment depth-%d\">\n<article id=\"div-comment-%d\" "
                       "class=\"comment-body\">\n<footer class=\"comment-meta\"><div class=\"comment-author vcard\">"
                       "<img class=\"avatar\" src=\"/a.png\" alt=\"\"> <cite class=\"fn\">%s</cite> "
                       "<span class=\"says\">says:</span></div>\n<div class=\"comment-metadata\"><a href=\"#c\">"
                       "<time datetime=\"%s\">%s</time></a></div></footer>\n<div class=\"comment-content\">%s</div>\n"
                       "<div class=\"reply\"><a class=\"comment-reply-link\" href=\"#\">Reply</a></div>\n</article>\n"
                       % (c["index"], depth, c["index"], esc(c["author"]), iso(c["date"]), esc(human(c["date"])),
                          paragraphs(c["text"])))
            if c["index"] in kids:
                out.append("<ul class=\"children\">\n%s</ul>\n" % thread(c["index"], depth + 1))
            out.append("</li>\n")
        return "".join(out)

    byline = ("<span class=\"byline\">by <span class=\"author vcard\"><a class=\"url fn n\" rel=\"author\" "
              "href=\"/author/x\">%s</a></span></span>" % esc(a["author"])) if a["author"] else ""
    tags = ", ".join("<a href=\"/tag/%d\" rel=\"tag\">%s</a>" % (i, esc(t)) for i, t in enumerate(a["tags"]))
    comments = ""
    if page["comments"]:
        comments = ("<div id=\"comments\" class=\"comments-area\"><h2 class=\"comments-title\">%d thoughts</h2>\n"
                    "<ol class=\"comment-list\">\n%s</ol>\n</div>\n" % (len(page["comments"]), thread(None, 1)))
    return (head(a["title"]) + "<body class=\"single-post\">\n" + NAV + "<div id=\"content\"><main id=\"main\">\n"
            "<article class=\"post type-post\">\n<header class=\"entry-header\"><h1 class=\"entry-title\">%s</h1>\n"
            "<div class=\"entry-meta\"><time class=\"entry-date published\" datetime=\"%s\">%s</time> %s</div>"
            "</header>\n<div class=\"entry-content\">\n%s%s</div>\n<footer class=\"entry-footer\">"
            "<span class=\"tags-links\">Tagged %s</span></footer>\n</article>\n%s</main>\n%s</div>\n"
            % (esc(a["title"]), iso(a["date"]), esc(human(a["date"])) if a["date"] else "", byline,
               paragraphs(a["text"]), SHARE, tags, comments, ASIDE) + FOOT)


def jsonld(page):
    a = page["article"]
    kids = children_of(page["comments"])

    def ld_comments(parent):
        out = []
        for c in kids.get(parent, []):
            item = {"@type": "Comment", "author": {"@type": "Person", "name": c["author"]},
                    "dateCreated": iso(c["date"]), "text": c["text"]}
            if c["index"] in kids:
                item["comment"] = ld_comments(c["index"])
            out.append(item)
        return out

    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
            "datePublished": iso(a["date"]), "keywords": a["tags"], "articleBody": a["text"],
            "publisher": {"@type": "Organization", "name": "The Daily Example"}}
    if a["author"]:
        data["author"] = [{"@type": "Person", "name": a["author"]}]
    if page["comments"]:
        data["comment"] = ld_comments(None)
    crumbs = {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": []}
    # "</" inside a script would end it: JSON allows "<\/".
    script = json.dumps([data, crumbs], ensure_ascii=False).replace("</", "<\\/")
    extra = "<script type=\"application/ld+json\">%s</script>\n" % script
    body = "".join("<div class=\"para\">%s</div>\n" % esc(p) for p in a["text"].split("\n\n"))
    return (head(a["title"], extra) + "<body>\n" + NAV + "<div class=\"story\">\n<h1 class=\"headline\">%s</h1>\n"
            "<div class=\"story-body\">\n%s</div>\n%s</div>\n%s" % (esc(a["title"]), body, SHARE, ASIDE) + FOOT)


def microdata(page):
    a = page["article"]
    kids = children_of(page["comments"])

    def thread(parent):
        out = []
        for c in kids.get(parent, []):
            out.append("<div itemprop=\"comment\" itemscope itemtype=\"https://schema.org/Comment\" class=\"c\">\n"
                       "<div class=\"c-head\"><span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\">"
                       "<span itemprop=\"name\">%s</span></span> <meta itemprop=\"dateCreated\" content=\"%s\">"
                       "<span class=\"ago\">%s</span></div>\n<div itemprop=\"text\">%s</div>\n%s</div>\n"
                       % (esc(c["author"]), iso(c["date"]), esc(human(c["date"])), paragraphs(c["text"]),
                          thread(c["index"])))
        return "".join(out)

    author = ("<p class=\"credit\">By <span itemprop=\"author\" itemscope itemtype=\"https://schema.org/Person\">"
              "<span itemprop=\"name\">%s</span></span></p>\n" % esc(a["author"])) if a["author"] else ""
    keywords = "<meta itemprop=\"keywords\" content=\"%s\">\n" % esc(", ".join(a["tags"])) if a["tags"] else ""
    return (head(a["title"]) + "<body>\n" + NAV + "<div class=\"wrap\" itemscope "
            "itemtype=\"https://schema.org/NewsArticle\">\n<h1 itemprop=\"headline\">%s</h1>\n%s"
            "<meta itemprop=\"datePublished\" content=\"%s\">\n%s<div itemprop=\"articleBody\">\n%s</div>\n%s"
            "<section class=\"discussion\"><h2>Discussion</h2>\n%s</section>\n</div>\n%s"
            % (esc(a["title"]), author, iso(a["date"]), keywords, paragraphs(a["text"]), SHARE, thread(None), ASIDE)
            + FOOT)


def drupal(page):
    a = page["article"]
    kids = children_of(page["comments"])

    def thread(parent):
        out = []
        for c in kids.get(parent, []):
            out.append("<article class=\"comment js-comment\" id=\"c%d\">\n<footer class=\"comment__meta\">"
                       "<span class=\"comment__author\"><a class=\"username\" href=\"/u\">%s</a></span>\n"
                       "<span class=\"comment__time\">%s</span></footer>\n<div class=\"comment__content\">%s</div>\n"
                       "<ul class=\"links inline\"><li><a href=\"#\">Reply</a></li></ul>\n</article>\n"
                       % (c["index"], esc(c["author"]), esc(human(c["date"])), paragraphs(c["text"])))
            if c["index"] in kids:
                out.append("<div class=\"indented\">\n%s</div>\n" % thread(c["index"]))
        return "".join(out)

    meta = "<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:title\" content=\"%s\">\n" % esc(a["title"])
    if a["date"]:
        meta += "<meta property=\"article:published_time\" content=\"%s\">\n" % iso(a["date"])
    if a["author"]:
        meta += "<meta name=\"author\" content=\"%s\">\n" % esc(a["author"])
    for t in a["tags"]:
        meta += "<meta property=\"article:tag\" content=\"%s\">\n" % esc(t)
    comments = ("<section class=\"comments\"><h2>Comments</h2>\n%s</section>\n" % thread(None)) if page["comments"] else ""
    return (head(a["title"], meta) + "<body>\n" + NAV + "<main role=\"main\"><div class=\"node node--article\">\n"
            "<h2 class=\"node__title\">%s</h2>\n<div class=\"field field--name-body\">\n%s</div>\n%s</div>\n%s</main>\n%s"
            % (esc(a["title"]), paragraphs(a["text"]), SHARE, comments, ASIDE) + FOOT)


RENDER = {"wordpress": wordpress, "jsonld": jsonld, "microdata": microdata, "drupal": drupal}

SECTION_FRONT = ("<!DOCTYPE html><html><head><title>Business news | The Daily Example</title>"
                 "<meta property=\"og:type\" content=\"website\"></head><body>" + NAV + "<main>" +
                 "".join("<article class=\"teaser\"><h2><a href=\"/s/%d\">Story number %d of the day</a></h2>"
                         "<p>A short teaser for this story, to make you click on it and read it.</p></article>"
                         % (i, i) for i in range(12)) + "</main>" + FOOT)
NOT_FOUND = ("<!DOCTYPE html><html><head><title>Page not found</title></head><body>" + NAV +
             "<main><h1>404: Page not found</h1><p>Sorry, the page you were looking for does not exist.</p></main>"
             + FOOT)


def uri_of(source):
    return "https://news.example.com/" + (source[:-4] if source.endswith(".txt") else source)


def warc_record(out, headers, block):
    lines = ["WARC/1.0"] + ["%s: %s" % kv for kv in headers] + ["Content-Length: %d" % len(block)]
    record = ("\r\n".join(lines) + "\r\n\r\n").encode() + block + b"\r\n\r\n"
    out.write(gzip.compress(record, compresslevel=6, mtime=0))


def http_response(body, status="200 OK", content_type="text/html; charset=utf-8", encoding=None, chunked=False):
    headers = ["HTTP/1.1 " + status, "Content-Type: " + content_type, "Server: example"]
    if encoding == "gzip":
        body = gzip.compress(body, mtime=0)
        headers.append("Content-Encoding: gzip")
    if chunked:
        headers.append("Transfer-Encoding: chunked")
        chunks = b""
        for i in range(0, len(body), 4000):
            part = body[i:i + 4000]
            chunks += b"%x\r\n" % len(part) + part + b"\r\n"
        body = chunks + b"0\r\n\r\n"
    else:
        headers.append("Content-Length: %d" % len(body))
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + body


def write_response(out, uri, date, payload):
    warc_record(out, [("WARC-Type", "request"), ("WARC-Target-URI", uri), ("WARC-Date", date),
                      ("WARC-Record-ID", "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, "q" + uri + date)),
                      ("Content-Type", "application/http; msgtype=request")],
                b"GET / HTTP/1.1\r\nHost: news.example.com\r\n\r\n")
    warc_record(out, [("WARC-Type", "response"), ("WARC-Target-URI", uri), ("WARC-Date", date),
                      ("WARC-Record-ID", "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, uri + date)),
                      ("Content-Type", "application/http; msgtype=response")], payload)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("truth")
    parser.add_argument("out_dir")
    parser.add_argument("--warc")
    parser.add_argument("--extras", action="store_true")
    args = parser.parse_args()
    warc = open(args.warc, "wb") if args.warc else None
    if warc:
        info = b"software: byline tests/tools/html_archive.py\r\nformat: WARC File Format 1.0\r\n"
        warc_record(warc, [("WARC-Type", "warcinfo"), ("WARC-Date", "2020-01-01T00:00:00Z"),
                           ("Content-Type", "application/warc-fields")], info)
    count = 0
    with open(args.truth, encoding="utf-8") as truth:
        for n, line in enumerate(truth):
            page = json.loads(line)
            layout = LAYOUTS[n % len(LAYOUTS)]
            text = RENDER[layout](page)
            path = os.path.join(args.out_dir, page["source"][:-4] + ".html")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            if warc:
                date = (page["article"]["date"] or "2020-01-01T00:00") + ":00Z"
                payload = http_response(text.encode("utf-8"), encoding="gzip" if n % 3 == 1 else None,
                                        chunked=n % 5 == 2)
                write_response(warc, uri_of(page["source"]), date, payload)
            count += 1
    if warc:
        if args.extras:
            write_response(warc, "https://news.example.com/business", "2020-01-01T00:00:00Z",
                           http_response(SECTION_FRONT.encode()))
            write_response(warc, "https://news.example.com/missing", "2020-01-01T00:00:00Z",
                           http_response(NOT_FOUND.encode(), status="404 Not Found"))
            write_response(warc, "https://news.example.com/gone", "2020-01-01T00:00:00Z",
                           http_response(NOT_FOUND.encode()))
            write_response(warc, "https://news.example.com/logo.png", "2020-01-01T00:00:00Z",
                           http_response(b"\x89PNG\r\n\x1a\n" + bytes(range(256)), content_type="image/png"))
        warc.close()
    print("html_archive: %d pages" % count, file=sys.stderr)


if __name__ == "__main__":
    main()
