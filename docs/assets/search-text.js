/* search-text.js: text as search compares it (NFKC, lower case, Japanese without white space),
 * each character mapped back to where it was written, so that a match marks the text as written.
 * Used by search-forms.js and search-engine.js (in the search worker, and in Node by the tests).
 */
(function (root) {
  "use strict";

  var MARK = /[\p{M}\uFF9E\uFF9F]/u;       // marks that belong to the preceding character
  var SPACE = /\s/u;

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

  var api = { normalize: normalize, normalText: normalText, key: key };
  // Node (the tests) has require; the worker, which gives the vendored stemmer a `module`, has not.
  if (typeof module === "object" && module.exports && typeof require === "function") module.exports = api;
  else root.StatementSearchText = api;
})(typeof self !== "undefined" ? self : this);
