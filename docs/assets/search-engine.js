/* search-engine.js: paragraph search for the statement (used by search-worker.js and the tests).
 *
 * Japanese: a paragraph matches when it contains every query word after NFKC normalization,
 * lower-casing and removing white space, or another written form of it (the index's variant
 * table, made with Sudachi: 強靭 finds 強靱). English: every query word begins a word of the
 * paragraph, or is another form of one (Snowball stem, British/American spelling); U.S. is
 * one word, Japan-U.S. a phrase, a quoted phrase is exact, a short word is a whole word. A
 * query equal to a glossary name or alias (any language), or to one of an entry's search words
 * (distinctive words of its names, chosen by build_scripts/output/search.py), also matches the
 * paragraphs that mention the entry. A citation's number (¶12, 第12段落) offers its place
 * first. Two interchangeable engines find the candidates of an exact Japanese query: a linear
 * scan, and character-bigram postings with verification for large collections. The index
 * format is described in build_scripts/output/search.py.
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
        loose: [],
        words: term.w || [],
        aliases: term.a.map(function (a) { return normalText(a, lang !== "ja"); }),
        paragraphs: term.p
      };
    });
    var spellings = new Map();
    (index.sp || []).forEach(function (pair) {
      [[pair[0], pair[1]], [pair[1], pair[0]]].forEach(function (p) {
        if (!spellings.has(p[0])) spellings.set(p[0], []);
        spellings.get(p[0]).push(p[1]);
      });
    });
    var byNumber = new Map(), corrected = [];
    docs.forEach(function (d, n) {
      byNumber.set(d.doc.n, d);
      if (d.published) corrected.push(n);
    });
    var prepared = {
      lang: lang, sections: index.sections, docs: docs, terms: terms, postings: null, byNumber: byNumber, corrected: corrected,
      variants: variantTable(index.v), spellings: spellings, stem: stemmerOf(options), vocabulary: null,
      ui: index.ui || { goto: "→ {place} ({section})", paragraph: "¶{number}", sentence: "¶{number}.{sentence}" }
    };
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

  /* ---------------------------------------------------------------- queries ----
     A query is cut into terms: a quoted phrase ("rule of law", 「法の支配」) or a word between
     spaces. A paragraph matches when every term does. Each term has its exact form (what the
     search did before forms were added: Japanese a substring, English the start of a word) and,
     unless quoted, its other forms: Japanese words of the variant table (index "v", made with
     Sudachi), English words of the same Snowball stem or the other side's spelling (index "sp").
     A paragraph found by every term's exact form ranks before one found only by other forms. */

  var MAX_QUERY = 300;                       // characters of a query that are read (a pasted page is cut)
  var MIN_FORM = 2;                          // shortest form of the variant table (search_ja.py)
  var QUOTED = /"([^"]*)"?|“([^”]*)”?|「([^」]*)」?|『([^』]*)』?/g;
  var KATAKANA = /[\u30a1-\u30fa\u30fc]/;
  var KATAKANA_DOT = /([\u30a1-\u30fa\u30fc])[・･]+(?=[\u30a1-\u30fa\u30fc])/g;
  var BEFORE = "(?<![\\p{L}\\p{N}])";
  var AFTER = "(?![\\p{L}\\p{N}])";
  // A one- or two-letter word is a whole word, and never a letter of an initialism (U.S.).
  var SHORT_BEFORE = "(?<![\\p{L}\\p{N}]|\\p{L}\\.)";
  var SHORT_AFTER = "(?![\\p{L}\\p{N}]|\\.\\p{L})";
  var SEP = "[\\s\\-\\u2010-\\u2015/]+";     // between the words of a phrase: spaces, hyphens, dashes, slash
  var LETTERS = /[\p{L}]+/gu;
  var LATIN_SHORT = /^[a-z0-9]{1,2}$/;
  var LATIN = /[a-z0-9]/;
  // Initialisms that name the same thing (U.S. and U.S.A.); every other initialism is itself.
  var SAME_INITIALISM = { us: ["us", "usa"], usa: ["usa", "us"] };

  function esc(text) { return text.replace(/[.*+?^${}()|[\]\\\/\-]/g, "\\$&"); }

  /* The stemmer: options.stem, or the Snowball English stemmer the worker loaded (stemEnglish). */
  function stemmerOf(options) {
    if (options && options.stem) return options.stem;
    return typeof root.stemEnglish === "function" ? root.stemEnglish : function (w) { return w; };
  }

  /* The index's variant table: form -> group, and each group as a regular expression's alternatives. */
  function variantTable(groups) {
    var forms = new Map(), sources = [], longest = 0;
    (groups || []).forEach(function (group, g) {
      group.forEach(function (form) {
        if (!forms.has(form)) forms.set(form, g);
        longest = Math.max(longest, form.length);
      });
      sources.push(group.map(esc).join("|"));
    });
    return { forms: forms, sources: sources, longest: longest };
  }

  /* Japanese: the longest form of the table at `at`, as [group, length], or null. */
  function formAt(table, text, at) {
    for (var n = Math.min(table.longest, text.length - at); n >= MIN_FORM; n--) {
      var g = table.forms.get(text.substr(at, n));
      if (g !== undefined) return [g, n];
    }
    return null;
  }

  /* Japanese: a word's other forms as a regular expression (null when it has none): each form of
     the table in it becomes "any form of its word" (greedily, longest first), and a ・ may stand
     between two katakana (サプライ・チェーン is サプライチェーン). */
  function variantPattern(prepared, word) {
    var dotless = word.replace(KATAKANA_DOT, "$1");
    var source = "", changed = dotless !== word, last = "", at = 0;
    while (at < dotless.length) {
      var found = formAt(prepared.variants, dotless, at), piece, first, size;
      if (found) {
        piece = "(?:" + prepared.variants.sources[found[0]] + ")";
        size = found[1];
        changed = true;
      } else {
        size = dotless.codePointAt(at) > 0xffff ? 2 : 1;
        piece = esc(dotless.substr(at, size));
      }
      first = dotless[at];
      if (KATAKANA.test(last) && KATAKANA.test(first)) {
        source += "[・･]*";
        changed = true;
      }
      source += piece;
      last = dotless[at + size - 1];
      at += size;
    }
    return changed ? { re: new RegExp(source, "gu"), checks: [], exact: false } : null;
  }

  /* Japanese: the key of a name or query with every form replaced by its group (for the glossary). */
  function variantKey(prepared, text) {
    var dotless = text.replace(KATAKANA_DOT, "$1"), out = "", at = 0;
    while (at < dotless.length) {
      var found = formAt(prepared.variants, dotless, at);
      if (found) { out += "\u0000" + found[0] + "\u0000"; at += found[1]; } else { out += dotless[at]; at++; }
    }
    return out;
  }

  /* English: the text's words by Snowball stem, made on the first query that needs them. */
  function vocabulary(prepared) {
    if (!prepared.vocabulary) {
      var byStem = new Map(), seen = new Set();
      prepared.docs.forEach(function (d) {
        (d.norm.text.match(LETTERS) || []).forEach(function (w) {
          if (seen.has(w)) return;
          seen.add(w);
          var s = prepared.stem(w), list = byStem.get(s);
          if (list) list.push(w); else byStem.set(s, [w]);
        });
      });
      prepared.vocabulary = { byStem: byStem, words: seen };
    }
    return prepared.vocabulary;
  }

  /* English: the text's words that are another form of `word` (same stem, the other spelling). */
  function otherForms(prepared, word) {
    var vocab = vocabulary(prepared), out = new Set();
    [word].concat(prepared.spellings.get(word) || []).forEach(function (w) {
      (vocab.byStem.get(prepared.stem(w)) || []).forEach(function (f) { out.add(f); });
      if (vocab.words.has(w)) out.add(w);
    });
    return Array.from(out).sort(function (a, b) { return b.length - a.length; });
  }

  /* English: the letters of an initialism (U.S., u.s.a., US, UK), or null. Two or three capitals
     are one (US); a lower-case word is a word (us, the pronoun). */
  function initialism(part) {
    if (/^(?:\p{L}\.){2,}$|^(?:\p{L}\.)+\p{L}$/u.test(part)) return part.replace(/\./g, "").toLowerCase();
    if (/^[A-Z]{2,3}$/.test(part)) return part.toLowerCase();
    return null;
  }

  /* Pieces of a regular expression: the source and, for each capturing group in it, a check
     of the text as written there ("upper": in capitals; "lower": not in capitals). */
  function piece(source, checks) { return { source: source, checks: checks || [] }; }

  function joined(pieces, separator) {
    return piece(pieces.map(function (p) { return p.source; }).join(separator),
                 [].concat.apply([], pieces.map(function (p) { return p.checks; })));
  }

  /* English: one word of a query as pieces: [exact, other forms or null]. In a phrase, every
     word is whole; alone, a word of three letters or more is the start of a word. */
  function englishWord(prepared, raw, whole, quoted) {
    var letters = initialism(raw);
    if (letters) {
      var names = SAME_INITIALISM[letters] || [letters];
      var dotted = names.map(function (n) { return n.split("").map(esc).join("\\.") + "\\.?"; });
      var dottedPiece = piece("(?<![\\p{L}\\p{N}.])(?:" + dotted.join("|") + ")" + AFTER);
      var plain = piece(BEFORE + "(" + names.map(esc).join("|") + ")" + AFTER, ["upper"]);
      var exactDotted = raw.indexOf(".") !== -1;
      var exact = exactDotted ? dottedPiece : plain;
      var others = piece("(?:" + dottedPiece.source + "|" + plain.source + ")", plain.checks);
      if (!exactDotted && raw.length >= 3 && !whole) {     // IPEF, LNG, WHO: the start of a word, as before
        exact = piece(BEFORE + esc(letters));
      }
      return [exact, quoted ? null : others];
    }
    var word = raw.toLowerCase();
    if (word.length <= 2) {
      var checks = /^\p{L}+$/u.test(word) && word.length === 2 ? ["lower"] : [];
      return [piece(SHORT_BEFORE + "(" + esc(word) + ")" + SHORT_AFTER, checks), null];
    }
    var exactWord = piece(BEFORE + esc(word) + (whole || quoted ? AFTER : ""));
    if (quoted || !/^\p{L}+$/u.test(word)) return [exactWord, null];
    var forms = otherForms(prepared, word);
    return [exactWord, forms.length ? piece(BEFORE + "(?:" + forms.map(esc).join("|") + ")" + AFTER) : null];
  }

  function capitalized(raw) { return /^\p{Lu}/u.test(raw); }

  /* English: a term (a word, a hyphenated or dotted word, a quoted phrase) as its alternatives. */
  function englishTerm(prepared, text, quoted) {
    var parts;
    if (quoted) {
      parts = text.split(/\s+/).filter(Boolean);
    } else {
      var spelled = /[\-\u2010-\u2015]/.test(text) && prepared.spellings.get(text.toLowerCase());   // co-operate
      if (spelled) text = spelled[0];
      parts = text.split(/[\-\u2010-\u2015\/]+/);
    }
    // Each part: its letters and digits, and the dots of an initialism.
    parts = parts.map(function (p) {
      var core = p.replace(/^[^\p{L}\p{N}]+/u, "");
      return initialism(core.replace(/[^\p{L}\p{N}.]+$/u, "")) ? core.replace(/[^\p{L}\p{N}.]+$/u, "")
        : core.replace(/[^\p{L}\p{N}]+$/u, "");
    }).filter(function (p) { return /[\p{L}\p{N}]/u.test(p); });
    // A part that is still several words (Japan's, e.g. "U.S.A's"): its words, in order.
    var words = [];
    parts.forEach(function (p) {
      if (initialism(p)) words.push(p); else (p.match(/[\p{L}\p{N}]+/gu) || []).forEach(function (w) { words.push(w); });
    });
    if (!words.length) return null;
    var whole = words.length > 1;
    var pieces = words.map(function (w) { return englishWord(prepared, w, whole, quoted); });
    var alts = [compile(joined(pieces.map(function (p) { return p[0]; }), SEP), true)];
    if (!quoted) {
      var some = pieces.some(function (p) { return p[1]; });
      var loose = pieces.map(function (p) { return p[1] ? piece("(?:" + p[0].source + "|" + p[1].source + ")", p[0].checks.concat(p[1].checks)) : p[0]; });
      if (some) alts.push(compile(joined(loose, SEP), false));
      // Japan-U.S., U.S.-Japan: two names joined are the same pair either way round.
      if (words.length === 2 && words.every(function (w) { return capitalized(w) || initialism(w); })) {
        alts.push(compile(joined([loose[1], loose[0]], SEP), false));
      }
    }
    return { alts: alts };
  }

  function compile(p, exact) {
    // Group checks must see where each group matched (flag d) only if there are any.
    return { re: new RegExp(p.source, p.checks.length ? "gdu" : "gu"), checks: p.checks, exact: exact };
  }

  /* Japanese: a term as its alternatives: the exact substring, and its other forms. */
  function japaneseTerm(prepared, text, quoted) {
    var word = normalText(text, false);
    if (!word) return null;
    var alts = [{ literal: word, bounded: LATIN_SHORT.test(word), exact: true }];
    if (!quoted) {
      var other = variantPattern(prepared, word);
      if (other) alts.push(other);
    }
    return { alts: alts };
  }

  /* The terms of a query, and whether it quoted any. */
  function parse(prepared, query) {
    var text = String(query).slice(0, MAX_QUERY).normalize("NFKC");
    var terms = [], quoted = false;
    var rest = text.replace(QUOTED, function (all, a, b, c, d) {
      var inside = a !== undefined ? a : b !== undefined ? b : c !== undefined ? c : d;
      if (inside && inside.trim()) {
        quoted = true;
        terms.push(prepared.lang === "ja" ? japaneseTerm(prepared, inside, true) : englishTerm(prepared, inside, true));
      }
      return " ";
    });
    rest.split(/\s+/).filter(Boolean).forEach(function (word) {
      terms.push(prepared.lang === "ja" ? japaneseTerm(prepared, word, false) : englishTerm(prepared, word, false));
    });
    return { terms: terms.filter(Boolean), quoted: quoted, text: text };
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

  /* English: the key of a name or query for the glossary: its words' stems (British spelled American). */
  function englishKey(prepared, text) {
    return (normalText(text, true).match(/[\p{L}\p{N}]+/gu) || []).map(function (w) {
      var spelled = prepared.spellings.get(w);
      return prepared.stem(spelled ? spelled[0] : w);
    }).join(" ");
  }

  /* The glossary entries a whole query names: [term, exact] (exact: by its name as written, or a search word). */
  function namedTerms(prepared, parsed) {
    var whole = key(parsed.text), found = [];
    var lang = prepared.lang, loose = null;
    prepared.terms.forEach(function (term) {
      if (term.keys.indexOf(whole) !== -1 || term.words.indexOf(whole) !== -1) {
        found.push([term, true]);
        return;
      }
      if (parsed.quoted || !whole) return;
      // Other forms of a name: only names of about the query's length (ja) or with its first
      // three letters (en) are compared, each key made once.
      if (loose === null) loose = lang === "ja" ? variantKey(prepared, whole) : englishKey(prepared, parsed.text);
      if (!loose) return;
      for (var k = 0; k < term.keys.length; k++) {
        var name = term.keys[k];
        if (lang === "ja" ? Math.abs(name.length - whole.length) > 3 : name.slice(0, 3) !== whole.slice(0, 3)) continue;
        if (!term.loose[k]) term.loose[k] = lang === "ja" ? variantKey(prepared, name) : englishKey(prepared, term.names[k]);
        if (term.loose[k] === loose) { found.push([term, false]); return; }
      }
    });
    return found;
  }

  /* Find the paragraphs for a query: [{doc, ranges, exact}], those found in every term's exact
     form first, each group in text order; ranges in original offsets. */
  function search(prepared, query) {
    var parsed = parse(prepared, query);
    if (!parsed.terms.length) return [];
    var hits = new Map();
    var plain = prepared.lang === "ja" && parsed.terms.every(function (t) { return t.alts.length === 1; });
    var words = parsed.terms.map(function (t) { return t.alts[0].literal; });
    // (the postings are of the corrected text: paragraphs with published words are always read)
    var read = plain ? candidates(prepared, words).concat(prepared.corrected) : prepared.docs.map(function (_, n) { return n; });
    read.forEach(function (n) {
      if (hits.has(n)) return;
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

  /* A citation's number (¶12, p12, p12.4, para 12, 第12段落, 第12段落第4文): [paragraph, sentence or 0], or null. */
  var KANJI_DIGITS = "〇一二三四五六七八九";
  function number(text) {
    if (/^\d+$/.test(text)) return parseInt(text, 10);
    var n = 0, current = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text[i], d = KANJI_DIGITS.indexOf(c);
      if (d !== -1) current = current * 10 + d;
      else if (c === "十") { n += (current || 1) * 10; current = 0; }
      else if (c === "百") { n += (current || 1) * 100; current = 0; }
      else return NaN;
    }
    return n + current;
  }
  var CITATION = [
    /^(?:¶|§|#?p(?:ara(?:graph)?)?\.?)\s*(\d+)(?:\s*[.,]\s*(?:s(?:entence)?\.?\s*)?(\d+))?$/i,
    /^第?([0-9〇一二三四五六七八九十百]+)段落(?:第?([0-9〇一二三四五六七八九十百]+)文)?$/
  ];
  function citation(prepared, query) {
    var text = String(query).slice(0, MAX_QUERY).normalize("NFKC").trim();
    for (var i = 0; i < CITATION.length; i++) {
      var m = CITATION[i].exec(text);
      if (!m) continue;
      var n = number(m[1]), k = m[2] ? number(m[2]) : 0;
      var d = prepared.byNumber.get(n);
      if (!d) return null;
      var sentences = (d.doc.b || [0]).length;
      return { doc: d.doc, sentence: k >= 1 && k <= sentences ? k : 0 };
    }
    return null;
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
    var parsed = parse(prepared, query), counts = new Map();
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
      var vocab = vocabulary(prepared);
      (normalText(parsed.text, true).match(LETTERS) || []).forEach(function (w) {
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
    var out = [], place = citation(prepared, query);
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
              near: near, citation: citation, snippet: snippet, escapeHTML: escapeHTML, location: location };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.StatementSearch = api;
})(typeof self !== "undefined" ? self : this);
