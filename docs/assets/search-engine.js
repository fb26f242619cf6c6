/* search-engine.js: paragraph search for the statement (used by search-worker.js and the tests).
 *
 * Finds the paragraphs of an index (build_scripts/output/search.py describes its format) that
 * hold every term of a query in one of its forms (search-forms.js: Japanese variants, English
 * stems and spellings, initialisms, phrases), comparing text as search-text.js normalizes it.
 * A query equal to a glossary name or alias (any language, or written otherwise), or to one of
 * an entry's search words (distinctive words of its names, chosen by the build), also matches
 * the paragraphs that mention the entry. Paragraphs found in every term's exact form rank
 * first; a citation's number (¶12, 第12段落) offers its place before them; a query that finds
 * nothing says where the text writes it otherwise (near). Two interchangeable engines find the
 * candidates of an exact Japanese query: a linear scan, and character-bigram postings with
 * verification for large collections. Results come in the shape Material's search UI renders.
 */
(function (root) {
  "use strict";

  var node = typeof module === "object" && module.exports && typeof require === "function";
  var searchText = node ? require("./search-text.js") : root.StatementSearchText;
  var forms = node ? require("./search-forms.js") : root.StatementSearchForms;
  var normalize = searchText.normalize, normalText = searchText.normalText, key = searchText.key;

  // Documents from which the bigram engine is used: at 100× our statement (3,200 paragraphs)
  // the linear scan answers as fast (5-60 ms a query) and the postings would add to the time
  // the first query waits for.
  var BIGRAM_THRESHOLD = 10000;
  var LATIN = /[a-z0-9]/;                    // a short Latin query word (alt.bounded) matches whole words only

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

  /* Prepare an index file (see build_scripts/output/search.py) for searching; options.engine
     ("linear", "bigram") and options.stem (the Snowball English stemmer, for Node). */
  function prepare(index, options) {
    var lang = index.lang;
    var docs = index.docs.map(function (doc) {
      return { doc: doc, norm: normalize(doc.t, lang !== "ja"), published: doc.u ? published(doc, lang !== "ja") : null };
    });
    var terms = index.terms.map(function (term) {
      return {
        keys: term.k.map(key),
        names: term.k,
        loose: { ja: [], en: [] },               // keys of the names written otherwise, made when needed
        words: term.w || [],
        aliases: term.a.map(function (a) { return normalText(a, lang !== "ja"); }),
        paragraphs: term.p
      };
    });
    var byNumber = new Map();
    docs.forEach(function (d) { byNumber.set(d.doc.n, d); });
    var prepared = forms.prepare(index, options);   // variants, spellings, stem
    prepared.lang = lang;
    prepared.sections = index.sections;
    prepared.docs = docs;
    prepared.terms = terms;
    prepared.postings = null;
    prepared.byNumber = byNumber;
    prepared.vocabulary = null;                      // English: the text's words by stem (search-forms.js)
    prepared.ui = index.ui || { goto: "→ {place} ({section})", paragraph: "¶{number}", sentence: "¶{number}.{sentence}" };
    var engine = (options && options.engine) || (docs.length >= BIGRAM_THRESHOLD ? "bigram" : "linear");
    if (engine === "bigram") prepared.postings = buildPostings(docs);
    return prepared;
  }

  /* A paragraph's text as published (before corrections), normalized, each character mapped to
     the corrected text's offsets (a published word marks the corrected one that replaced it). */
  function published(doc, keepSpace) {
    var text = "", from = [], to = [], at = 0;
    doc.u.forEach(function (u) {
      for (var i = at; i < u[0]; i++) { from.push(i); to.push(i + 1); }
      text += doc.t.slice(at, u[0]) + u[2];
      for (var k = 0; k < u[2].length; k++) { from.push(u[0]); to.push(u[1]); }
      at = u[1];
    });
    for (var j = at; j < doc.t.length; j++) { from.push(j); to.push(j + 1); }
    text += doc.t.slice(at);
    var norm = normalize(text, keepSpace);
    return { text: norm.text, starts: norm.starts.map(function (s) { return from[s]; }),
             ends: norm.ends.map(function (e) { return to[e - 1]; }) };
  }

  /* Character-bigram (and single character) postings: gram -> sorted document numbers, of the
     text as corrected and as published (a published word finds its paragraph too). */
  function buildPostings(docs) {
    var postings = new Map();
    function add(g, n) {
      var list = postings.get(g);
      if (list === undefined) postings.set(g, [n]);
      else if (list[list.length - 1] !== n) list.push(n);   // once per document
    }
    for (var n = 0; n < docs.length; n++) {
      [docs[n].norm, docs[n].published].forEach(function (norm) {
        if (!norm) return;
        var text = norm.text;
        for (var i = 0; i < text.length; i++) {
          if (text.charCodeAt(i) === 0x20) continue;
          add(gram(text, i, false), n);
          if (i + 1 < text.length && text.charCodeAt(i + 1) !== 0x20) add(gram(text, i, true), n);
        }
      });
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


  /* Where an alternative occurs in a text (normalized, with its map to the original), as
     [start, end) of the normalized text. */
  function occurrences(alt, norm, original) {
    var found = [], text = norm.text;
    if (alt.literal !== undefined) {
      var at = text.indexOf(alt.literal);
      while (at !== -1) {
        var end = at + alt.literal.length;
        if (!alt.bounded || (!LATIN.test(text.charAt(at - 1)) && !LATIN.test(text.charAt(end)))) found.push([at, end]);
        at = text.indexOf(alt.literal, at + 1);
      }
      return found;
    }
    alt.re.lastIndex = 0;
    var m;
    while ((m = alt.re.exec(text)) !== null) {
      if (!m[0]) { alt.re.lastIndex++; continue; }
      var ok = true;
      for (var c = 0; c < alt.checks.length && ok; c++) {
        var span = m.indices && m.indices[c + 1];
        if (!span) continue;
        var written = original.slice(norm.starts[span[0]], norm.ends[span[1] - 1]);
        var upper = written === written.toUpperCase() && written !== written.toLowerCase();
        ok = alt.checks[c] === "upper" ? upper : !upper;
      }
      if (ok) found.push([m.index, m.index + m[0].length]);
    }
    return found;
  }

  /* Whether a document matches every term: its ranges (original offsets) and whether every
     term matched in its exact form; null if some term does not match. Published words (before
     correction) count as the text's own. */
  function match(d, terms) {
    var ranges = [], exact = true;
    for (var i = 0; i < terms.length; i++) {
      var hit = false, hitExact = false;
      terms[i].alts.forEach(function (alt) {
        [d.norm, d.published].forEach(function (norm) {
          if (!norm) return;
          occurrences(alt, norm, d.doc.t).forEach(function (r) {
            ranges.push([norm.starts[r[0]], norm.ends[r[1] - 1]]);
            hit = true;
            if (alt.exact) hitExact = true;
          });
        });
      });
      if (!hit) return null;
      if (!hitExact) exact = false;
    }
    return { ranges: ranges, exact: exact };
  }


  /* The glossary entries a whole query names: [term, exact] (exact: by its name as written, or a search word). */
  function namedTerms(prepared, parsed) {
    var whole = key(parsed.text), found = [];
    var kind = forms.looseKind(prepared, whole), loose = null;
    prepared.terms.forEach(function (term) {
      if (term.keys.indexOf(whole) !== -1 || term.words.indexOf(whole) !== -1) {
        found.push([term, true]);
        return;
      }
      if (parsed.quoted || !whole) return;
      // Other forms of a name: only names of about the query's length (Japanese) or with its
      // first three letters (English) are compared, each key made once.
      if (loose === null) loose = forms.looseKey(prepared, kind, whole, parsed.text);
      if (!loose) return;
      var made = term.loose[kind];
      for (var k = 0; k < term.keys.length; k++) {
        var name = term.keys[k];
        if (kind === "ja" ? Math.abs(name.length - whole.length) > 3 : name.slice(0, 3) !== whole.slice(0, 3)) continue;
        if (made[k] === undefined) made[k] = forms.looseKey(prepared, kind, name, term.names[k]);
        if (made[k] === loose) { found.push([term, false]); return; }
      }
    });
    return found;
  }

  /* Find the paragraphs for a query: [{doc, ranges, exact}], those found in every term's exact
     form first, each group in text order; ranges in original offsets. */
  function search(prepared, query) {
    var parsed = forms.parse(prepared, query);
    if (!parsed.terms.length) return [];
    var hits = new Map();
    var plain = prepared.lang === "ja" && parsed.terms.every(function (t) { return t.alts.length === 1; });
    var words = parsed.terms.map(function (t) { return t.alts[0].literal; });
    var read = plain ? candidates(prepared, words) : prepared.docs.map(function (_, n) { return n; });
    read.forEach(function (n) {
      var found = match(prepared.docs[n], parsed.terms);
      if (found) hits.set(n, found);
    });
    namedTerms(prepared, parsed).forEach(function (pair) {
      var term = pair[0];
      prepared.docs.forEach(function (d, n) {
        if (term.paragraphs.indexOf(d.doc.n) === -1) return;
        var hit = hits.get(n) || { ranges: [], exact: pair[1] };
        if (pair[1]) hit.exact = true;
        term.aliases.forEach(function (alias) {
          var at = d.norm.text.indexOf(alias);
          while (at !== -1) {
            hit.ranges.push([d.norm.starts[at], d.norm.ends[at + alias.length - 1]]);
            at = d.norm.text.indexOf(alias, at + 1);
          }
        });
        hits.set(n, hit);
      });
    });
    return Array.from(hits.keys()).sort(function (a, b) {
      return (hits.get(b).exact - hits.get(a).exact) || a - b;
    }).map(function (n) {
      var hit = hits.get(n);
      var ranges = hit.ranges.slice().sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
      return { doc: prepared.docs[n].doc, ranges: merge(ranges), exact: hit.exact };
    });
  }

  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }

  /* The first result of a citation's number: "Go to ¶12 (section)", opening the paragraph or sentence. */
  function gotoResult(prepared, place) {
    var doc = place.doc, ui = prepared.ui, k = place.sentence;
    var where = fill(k ? ui.sentence : ui.paragraph, { number: doc.n, sentence: k });
    var section = prepared.sections[doc.s] || "";
    var link = k ? doc.l + "." + k : doc.l;
    var from = k ? doc.b[k - 1] : 0, to = k && k < doc.b.length ? doc.b[k] : doc.t.length;
    // (the shape of every result: Material shows the second title as the item's heading)
    return [
      { location: link, title: escapeHTML(where), text: snippet(doc.t.slice(from, to), [], prepared.lang), score: 2, terms: {} },
      { location: link, title: escapeHTML(fill(ui.goto, { place: where, section: section })), text: "", score: 2, terms: {} }
    ];
  }

  /* Levenshtein distance of two words, or limit + 1 once it is over `limit`. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var row = [];
    for (var j = 0; j <= b.length; j++) row.push(j);
    for (var i = 1; i <= a.length; i++) {
      var prev = row[0], best = i;
      row[0] = i;
      for (var k = 1; k <= b.length; k++) {
        var here = row[k];
        row[k] = Math.min(row[k] + 1, row[k - 1] + 1, prev + (a[i - 1] === b[k - 1] ? 0 : 1));
        prev = here;
        best = Math.min(best, row[k]);
      }
      if (best > limit) return limit + 1;
    }
    return row[b.length];
  }

  /* When a query finds nothing: the forms the text writes that a looser reading of it finds
     (without its quotes; in English, a word one or two letters away), [{form, count}], most
     paragraphs first, at most three. */
  function near(prepared, query) {
    var parsed = forms.parse(prepared, query), counts = new Map();
    function count(q) {
      search(prepared, q).forEach(function (hit) {
        var seen = new Set();
        hit.ranges.forEach(function (r) {
          var form = hit.doc.t.slice(r[0], r[1]);
          if (seen.has(form)) return;
          seen.add(form);
          counts.set(form, (counts.get(form) || 0) + 1);
        });
      });
    }
    if (parsed.quoted) count(parsed.text.replace(/["“”「」『』]/g, " "));
    if (!counts.size && prepared.lang !== "ja") {
      var vocab = forms.vocabulary(prepared);
      (normalText(parsed.text, true).match(forms.LETTERS) || []).forEach(function (w) {
        if (w.length < 4 || vocab.words.has(w)) return;
        var limit = w.length >= 8 ? 2 : 1;
        vocab.words.forEach(function (v) {
          if (distance(w, v, limit) <= limit) {
            var n = search(prepared, "\"" + v + "\"").length;
            if (n) counts.set(v, n);
          }
        });
      });
    }
    return Array.from(counts.keys()).sort(function (a, b) { return counts.get(b) - counts.get(a) || (a < b ? -1 : 1); })
      .slice(0, 3).map(function (form) { return { form: form, count: counts.get(form) }; });
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

  /* Results in the shape Material's search UI renders: one group per paragraph; a citation's
     place first. */
  function results(prepared, query) {
    var out = [], place = forms.citation(prepared, query);
    if (place) out.push(gotoResult(prepared, place));
    search(prepared, query).forEach(function (hit) {
      var doc = hit.doc, terms = {}, link = location(doc, hit.ranges);
      hit.ranges.forEach(function (r) { terms[doc.t.slice(r[0], r[1])] = true; });
      var section = prepared.sections[doc.s] || "";
      out.push([
        { location: link, title: "¶" + doc.n, text: snippet(doc.t, hit.ranges, prepared.lang), score: 1, terms: terms },
        { location: link, title: escapeHTML(section || "¶" + doc.n), text: "", score: 1, terms: terms }
      ]);
    });
    return out;
  }


  var api = { normalize: normalize, normalText: normalText, key: key, prepare: prepare, search: search, results: results,
              near: near, citation: forms.citation, snippet: snippet, escapeHTML: escapeHTML, location: location };
  if (node) module.exports = api;
  else root.StatementSearch = api;
})(typeof self !== "undefined" ? self : this);
