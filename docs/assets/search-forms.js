/* search-forms.js: what a query asks for, in every form it may be written: its terms (quoted
 * phrases, words), a Japanese word's other written forms (the index's variant table, made with
 * Sudachi), an English word's inflections (Snowball stems) and British or American spelling,
 * initialisms (U.S. is US), hyphenated names as phrases (Japan-U.S.), and a citation's number
 * (¶12, 第12段落第4文). search-engine.js finds them in the text. */
(function (root) {
  "use strict";

  var node = typeof module === "object" && module.exports && typeof require === "function";
  var searchText = node ? require("./search-text.js") : root.StatementSearchText;
  var normalText = searchText.normalText, key = searchText.key;

  /* A query is cut into terms: a quoted phrase ("rule of law", 「法の支配」) or a word between
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
  // Initialisms that name the same thing (U.S. and U.S.A.); every other initialism is itself.
  var SAME_INITIALISM = { us: ["us", "usa"], usa: ["usa", "us"] };

  function esc(text) { return text.replace(/[.*+?^${}()|[\]\\\/\-]/g, "\\$&"); }

  /* The stemmer: options.stem, or the Snowball English stemmer the worker loaded (stemEnglish). */
  function stemmerOf(options) {
    if (options && options.stem) return options.stem;
    return typeof root.stemEnglish === "function" ? root.stemEnglish : function (w) { return w; };
  }

  /* What the forms need of an index file: its variant table, its spellings (either way round)
     and the stemmer (options.stem, for Node; else the one the worker loaded). */
  function prepare(index, options) {
    var spellings = new Map();
    (index.sp || []).forEach(function (pair) {
      [[pair[0], pair[1]], [pair[1], pair[0]]].forEach(function (p) {
        if (!spellings.has(p[0])) spellings.set(p[0], []);
        spellings.get(p[0]).push(p[1]);
      });
    });
    return { variants: variantTable(index.v), spellings: spellings, stem: stemmerOf(options) };
  }

  /* The index's variant table: form -> group, each group as a regular expression's alternatives,
     and the longest form that begins with each pair of characters (most places in a text begin
     none: at 100× our statement the glossary's 37,000 names are read in a few milliseconds). */
  function variantTable(groups) {
    var forms = new Map(), sources = [], starts = new Map();
    (groups || []).forEach(function (group, g) {
      group.forEach(function (form) {
        if (!forms.has(form)) forms.set(form, g);
        var start = form.slice(0, MIN_FORM);
        starts.set(start, Math.max(starts.get(start) || 0, form.length));
      });
      sources.push(group.map(esc).join("|"));
    });
    return { forms: forms, sources: sources, starts: starts };
  }

  /* Japanese: the longest form of the table at `at`, as [group, length], or null. */
  function formAt(table, text, at) {
    var longest = table.starts.get(text.substr(at, MIN_FORM));
    if (longest === undefined) return null;
    for (var n = Math.min(longest, text.length - at); n >= MIN_FORM; n--) {
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

  /* English: the key of a name or query for the glossary: its words' stems (British spelled American). */
  function englishKey(prepared, text) {
    return (normalText(text, true).match(/[\p{L}\p{N}]+/gu) || []).map(function (w) {
      var spelled = prepared.spellings.get(w);
      return prepared.stem(spelled ? spelled[0] : w);
    }).join(" ");
  }

  /* A citation's number (¶12, p12, p12.4, para 12, 第12段落, 第十二段落, 第12段落第4文): its place,
     {doc, sentence (0: the whole paragraph)}, or null. */
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

  /* The glossary bridge: names and whole queries are also compared written otherwise. Japanese
     (on the Japanese site, or any query in kana or kanji: クワッド on the English site)
     with each form of the variant table replaced by its group; other text by its words' stems. */
  var JAPANESE = /[\u3041-\u3096\u30a1-\u30fa\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  function looseKind(prepared, whole) {
    return prepared.lang === "ja" || JAPANESE.test(whole) ? "ja" : "en";
  }
  /* The loose key of a name or query: `keyed` is its key(), `raw` its text. */
  function looseKey(prepared, kind, keyed, raw) {
    return kind === "ja" ? variantKey(prepared, keyed) : englishKey(prepared, raw);
  }

  var api = { prepare: prepare, parse: parse, vocabulary: vocabulary, citation: citation, looseKind: looseKind,
              looseKey: looseKey, LETTERS: LETTERS };
  if (node) module.exports = api;
  else root.StatementSearchForms = api;
})(typeof self !== "undefined" ? self : this);
