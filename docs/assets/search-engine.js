/* search-engine.js: exact paragraph search for the statement (used by search-worker.js and the tests).
 *
 * Japanese: a paragraph matches when it contains every query word after NFKC normalization,
 * lower-casing and removing white space. English: every query word is a prefix of a word of
 * the paragraph. A query equal to a glossary name or alias (any language), or to one of an
 * entry's search words (distinctive words of its names, chosen by build_scripts/output/search.py),
 * also matches the paragraphs that mention the entry. Two interchangeable engines find the
 * candidates: a linear scan, and character-bigram postings with verification for large
 * collections. The index format is described in build_scripts/output/search.py.
 */
(function (root) {
  "use strict";

  var MARK = /[\p{M}\uFF9E\uFF9F]/u;       // marks that belong to the preceding character
  var SPACE = /\s/u;
  var WORD = /[\p{L}\p{N}]+/gu;
  // Documents from which the bigram engine is used: at 100× our statement (3,200 paragraphs)
  // the linear scan answers as fast (5-60 ms a query) and the postings would add to the time
  // the first query waits for.
  var BIGRAM_THRESHOLD = 10000;
  var LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

  /* Characters that NFKC and lower-casing turn into one character, in place, and that are no
     mark and no space: ASCII (capitals lower-cased), full-width ASCII (half-width: （ → (,
     Ｇ → g), kanji, kana, 、。「」・ー: nearly all of a statement. Runs of them are normalized
     in one step; one by one, with NFKC, preparing the index of a statement 100× ours took
     seconds. Every other character (and the one before a mark) takes the slow way. */
  var OTHER = /[^\x00-\x08\x0e-\x1f\x21-\x7f\u3001-\u3011\u3041-\u3096\u30a1-\u30fc\u4e00-\u9fff\uff01-\uff5e]/g;
  var OTHER_SPACED = /[^\x00-\x7f\u3001-\u3011\u3041-\u3096\u30a1-\u30fc\u4e00-\u9fff\uff01-\uff5e]/g;  // ASCII white space is one space
  var ASCII_SPACE = /[\t\n\v\f\r]/g;
  var FULL_WIDTH = /[\uff01-\uff5e]/g;
  function halfWidth(ch) { return String.fromCharCode(ch.charCodeAt(0) - 0xfee0); }

  /* Normalize text, remembering for each output character the original [start, end). */
  function normalize(text, keepSpace) {
    var pieces = [], length = 0;
    var starts = new Int32Array(text.length + 8), ends = new Int32Array(text.length + 8);
    function room(more) {
      if (length + more <= starts.length) return;          // NFKC made the text longer (㍻ → 平成)
      var size = Math.max(2 * starts.length, length + more);
      var s = new Int32Array(size), e = new Int32Array(size);
      s.set(starts);
      e.set(ends);
      starts = s;
      ends = e;
    }
    var i = 0, find = keepSpace ? OTHER_SPACED : OTHER;
    while (i < text.length) {
      find.lastIndex = i;
      var other = find.exec(text);
      var j = other ? other.index : text.length;
      if (other && j > i && MARK.test(String.fromCodePoint(text.codePointAt(j)))) j--;   // a mark goes with the character before it
      if (j > i) {                                          // a run, in one step
        var run = text.slice(i, j).replace(FULL_WIDTH, halfWidth).toLowerCase();
        pieces.push(keepSpace ? run.replace(ASCII_SPACE, " ") : run);
        room(j - i);
        for (var c = i; c < j; c++) {
          starts[length] = c;
          ends[length++] = c + 1;
        }
        i = j;
        continue;
      }
      var code = text.charCodeAt(i);
      if ((code === 0x20 || (code >= 0x09 && code <= 0x0d)) &&     // white space dropped, unless a mark is on it
          !(i + 1 < text.length && MARK.test(String.fromCodePoint(text.codePointAt(i + 1))))) {
        i++;
        continue;
      }
      var start = i;                                        // one character and its marks, the slow way
      i += text.codePointAt(i) > 0xffff ? 2 : 1;
      while (i < text.length && MARK.test(String.fromCodePoint(text.codePointAt(i)))) {
        i += text.codePointAt(i) > 0xffff ? 2 : 1;
      }
      var piece = text.slice(start, i).normalize("NFKC").toLowerCase();
      room(piece.length);
      for (var k = 0; k < piece.length; k++) {
        var ch = piece[k];
        if (SPACE.test(ch)) {
          if (!keepSpace) continue;
          ch = " ";
        }
        pieces.push(ch);
        starts[length] = start;
        ends[length++] = i;
      }
    }
    return { text: pieces.join(""), starts: starts.subarray(0, length), ends: ends.subarray(0, length) };
  }

  /* The normalized text alone (of names and aliases: 37,000 of them at 100× our statement). */
  function normalText(text, keepSpace) {
    var bare = keepSpace ? text : text.replace(/[ \t\n\v\f\r]/g, "");
    var find = keepSpace ? OTHER_SPACED : OTHER;
    find.lastIndex = 0;
    if (find.test(bare)) return normalize(text, keepSpace).text;   // (no mark in bare text: its spaces carried none)
    var done = bare.replace(FULL_WIDTH, halfWidth).toLowerCase();
    return keepSpace ? done.replace(ASCII_SPACE, " ") : done;
  }

  /* The key of a whole query or glossary name: normalized, without any white space. */
  function key(text) {
    return normalText(text, false);
  }

  /* Query words: normalized; in English further cut at anything that is not a letter or digit. */
  function queryWords(query, lang) {
    var words = normalize(query, true).text.split(" ").filter(Boolean);
    if (lang === "ja") return words;
    var parts = [];
    words.forEach(function (w) { (w.match(WORD) || []).forEach(function (p) { parts.push(p); }); });
    return parts;
  }

  /* A character (UTF-16 unit) or a pair of them, as one number: postings are keyed by numbers,
     which a large index builds much faster than keys sliced out of the text. */
  function gram(text, i, pair) {
    return pair ? (text.charCodeAt(i) + 1) * 65536 + text.charCodeAt(i + 1) : text.charCodeAt(i);
  }

  /* The grams of a query word: its character pairs (or the character itself). */
  function bigrams(word) {
    var grams = [];
    for (var i = 0; i + 1 < word.length; i++) grams.push(gram(word, i, true));
    return grams.length ? grams : [gram(word, 0, false)];
  }

  /* Prepare an index file (see build_scripts/search.py) for searching. */
  function prepare(index, options) {
    var lang = index.lang;
    var docs = index.docs.map(function (doc) {
      return { doc: doc, norm: normalize(doc.t, lang !== "ja") };
    });
    var terms = index.terms.map(function (term) {
      return {
        keys: term.k.map(key),
        words: term.w || [],
        aliases: term.a.map(function (a) { return normalText(a, lang !== "ja"); }),
        paragraphs: term.p
      };
    });
    var prepared = { lang: lang, sections: index.sections, docs: docs, terms: terms, postings: null };
    var engine = (options && options.engine) || (docs.length >= BIGRAM_THRESHOLD ? "bigram" : "linear");
    if (engine === "bigram") prepared.postings = buildPostings(docs);
    return prepared;
  }

  /* Character-bigram (and single character) postings: gram -> sorted document numbers. */
  function buildPostings(docs) {
    var postings = new Map();
    function add(g, n) {
      var list = postings.get(g);
      if (list === undefined) postings.set(g, [n]);
      else if (list[list.length - 1] !== n) list.push(n);   // once per document
    }
    for (var n = 0; n < docs.length; n++) {
      var text = docs[n].norm.text;
      for (var i = 0; i < text.length; i++) {
        if (text.charCodeAt(i) === 0x20) continue;
        add(gram(text, i, false), n);
        if (i + 1 < text.length && text.charCodeAt(i + 1) !== 0x20) add(gram(text, i, true), n);
      }
    }
    return postings;
  }

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }

  /* Documents that may contain every word (all of them for the linear engine). */
  function candidates(prepared, words) {
    if (!prepared.postings) return prepared.docs.map(function (_, n) { return n; });
    var result = null;
    words.forEach(function (w) {
      bigrams(w).forEach(function (g) {
        var list = prepared.postings.get(g) || [];
        result = result === null ? list.slice() : intersect(result, list);
      });
    });
    return result || [];
  }

  /* Whether a word of the text (a run of letters and digits) begins at `at`. */
  function wordStart(text, at) {
    if (at === 0) return true;
    var before = at - 1;
    if (before > 0 && text.charCodeAt(before) >= 0xdc00 && text.charCodeAt(before) <= 0xdfff) before--;  // a pair's second half
    return !LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(before)));
  }

  /* Where a word occurs in a document, as [start, end) in normalized text; empty if nowhere.
     English: where a word of the text begins with it (a query word is letters and digits only). */
  function occurrences(d, word, lang) {
    var found = [], text = d.norm.text;
    var at = text.indexOf(word);
    while (at !== -1) {
      if (lang === "ja" || wordStart(text, at)) found.push([at, at + word.length]);
      at = text.indexOf(word, at + 1);
    }
    return found;
  }

  /* Find the paragraphs for a query: [{doc, ranges}] in text order, ranges in original offsets. */
  function search(prepared, query) {
    var lang = prepared.lang;
    var words = queryWords(query, lang);
    if (!words.length) return [];
    var hits = new Map();
    candidates(prepared, words).forEach(function (n) {
      var d = prepared.docs[n], ranges = [];
      for (var i = 0; i < words.length; i++) {
        var found = occurrences(d, words[i], lang);
        if (!found.length) return;
        ranges = ranges.concat(found);
      }
      hits.set(n, ranges);
    });
    var whole = key(query);
    prepared.terms.forEach(function (term) {
      if (term.keys.indexOf(whole) === -1 && term.words.indexOf(whole) === -1) return;
      prepared.docs.forEach(function (d, n) {
        if (term.paragraphs.indexOf(d.doc.n) === -1) return;
        var ranges = hits.get(n) || [];
        term.aliases.forEach(function (alias) {
          var at = d.norm.text.indexOf(alias);
          while (at !== -1) { ranges.push([at, at + alias.length]); at = d.norm.text.indexOf(alias, at + 1); }
        });
        hits.set(n, ranges);
      });
    });
    return Array.from(hits.keys()).sort(function (a, b) { return a - b; }).map(function (n) {
      var d = prepared.docs[n];
      var ranges = hits.get(n).map(function (r) {
        return [d.norm.starts[r[0]], d.norm.ends[r[1] - 1]];
      }).sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
      return { doc: d.doc, ranges: merge(ranges) };
    });
  }

  function merge(ranges) {
    var out = [];
    ranges.forEach(function (r) {
      var last = out[out.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else out.push([r[0], r[1]]);
    });
    return out;
  }

  function escapeHTML(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  /* A snippet around the first match: escaped text with every match in it marked. */
  function snippet(text, ranges, lang) {
    var before = lang === "ja" ? 20 : 60, length = lang === "ja" ? 90 : 220;
    var start = ranges.length ? Math.max(0, ranges[0][0] - before) : 0;
    var end = Math.min(text.length, start + length);
    if (lang !== "ja") {
      if (start > 0) start = text.indexOf(" ", start) + 1 || start;
      if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), ranges.length ? ranges[0][1] : 0);
    }
    var html = start > 0 ? "…" : "", cursor = start;
    ranges.forEach(function (r) {
      var a = Math.max(r[0], cursor), b = Math.min(r[1], end);
      if (a >= b) return;
      html += escapeHTML(text.slice(cursor, a)) + "<mark>" + escapeHTML(text.slice(a, b)) + "</mark>";
      cursor = b;
    });
    html += escapeHTML(text.slice(cursor, end)) + (end < text.length ? "…" : "");
    return html;
  }

  /* The link of a hit: its paragraph's first sentence that holds a match (#p12.5). */
  function location(doc, ranges) {
    if (!doc.b || !ranges.length) return doc.l;
    var k = 0;
    while (k < doc.b.length && doc.b[k] <= ranges[0][0]) k++;
    return doc.l + "." + Math.max(k, 1);
  }

  /* Results in the shape Material's search UI renders: one group per paragraph. */
  function results(prepared, query) {
    return search(prepared, query).map(function (hit) {
      var doc = hit.doc, terms = {}, link = location(doc, hit.ranges);
      hit.ranges.forEach(function (r) { terms[doc.t.slice(r[0], r[1])] = true; });
      var section = prepared.sections[doc.s] || "";
      return [
        { location: link, title: "¶" + doc.n, text: snippet(doc.t, hit.ranges, prepared.lang), score: 1, terms: terms },
        { location: link, title: escapeHTML(section || "¶" + doc.n), text: "", score: 1, terms: terms }
      ];
    });
  }

  var api = { normalize: normalize, normalText: normalText, key: key, queryWords: queryWords, prepare: prepare, search: search,
              snippet: snippet, results: results, escapeHTML: escapeHTML, location: location };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.StatementSearch = api;
})(typeof self !== "undefined" ? self : this);
