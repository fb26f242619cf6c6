"""The date line of a statement: Western (2022年5月23日, 二〇二三年一月十三日), era (令和4年5月23日,
令和四年五月二十三日, 令和元年…) or both (2023年（令和5年）3月1日), with full-width or kanji digits,
and a weekday or 付 after it as press releases write it (令和５年１月１３日（金）, …日付)."""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

from ..errors import InputError, quoted
from ..model import Origin

_KANJI_DIGITS = {"〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUMBER = r"(?:\d{1,4}|[〇一二三四五六七八九十]{1,4})"
_ERA_YEAR = rf"(?:元|{_NUMBER})"
_ERA_NAMES = "令和|平成|昭和"
_WEEKDAYS = "月火水木金土日"
_AFTER = rf"(?:\((?P<wd>[{_WEEKDAYS}])(?:曜日?)?\))?付?"
"""What may follow the day: the weekday in brackets, 付 ("dated")."""
_WESTERN = re.compile(rf"(?P<y>\d{{4}}|[〇一二三四五六七八九]{{4}})年(?:\((?P<era>{_ERA_NAMES})(?P<ey>{_ERA_YEAR})年\))?"
                      rf"(?P<m>{_NUMBER})月(?P<d>{_NUMBER})日{_AFTER}")
_ERA = re.compile(rf"(?P<era>{_ERA_NAMES})(?P<ey>{_ERA_YEAR})年(?P<m>{_NUMBER})月(?P<d>{_NUMBER})日{_AFTER}")


@dataclass(frozen=True)
class Era:
    """A Japanese era: the day it began and the last day of it."""

    name: str
    first: datetime.date
    last: datetime.date | None


ERAS = {era.name: era for era in (
    Era("昭和", datetime.date(1926, 12, 25), datetime.date(1989, 1, 7)),
    Era("平成", datetime.date(1989, 1, 8), datetime.date(2019, 4, 30)),
    Era("令和", datetime.date(2019, 5, 1), None),
)}


def _number(text: str) -> int:
    """A number written in digits or in kanji (二十三, 十一, 五)."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_KANJI_DIGITS[tens] if tens else 1) * 10 + (_KANJI_DIGITS[units] if units else 0)
    value = 0
    for char in text:
        value = value * 10 + _KANJI_DIGITS[char]
    return value


def _compact(text: str) -> str:
    """The line as the patterns read it: NFKC (full-width digits and brackets), no spaces."""
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text))


def is_date_line(text: str) -> bool:
    """Whether a line is a date in one of the forms read."""
    compact = _compact(text)
    return bool(_WESTERN.fullmatch(compact) or _ERA.fullmatch(compact))


def date_and_rest(text: str) -> tuple[str, str] | None:
    """A line that begins with a date and goes on after a space (令和５年１月１３日　外務省): the
    date and the rest; None for any other line."""
    head, space, rest = text.strip().replace(" ", "　").partition("　")
    while space and not is_date_line(head) and rest:  # 令和 5 年 1 月 13 日 外務省: spaces inside the date
        more, space, rest = rest.partition("　")
        head += "　" + more
    return (text.strip()[:len(head)], rest.strip()) if is_date_line(head) and rest.strip() else None


def parse_date(text: str, where: Origin) -> tuple[datetime.date, str | None]:
    """The date of a date line, and a warning when it is unusual but readable (平成32年)."""
    compact = _compact(text)
    western, era_match = _WESTERN.fullmatch(compact), _ERA.fullmatch(compact)
    match = western or era_match
    if not match:
        raise InputError(where, "expected the date line (e.g. 2022年5月23日 or 令和4年5月23日), "
                                f"found {quoted(text, 20)}")
    month, day = _number(match["m"]), _number(match["d"])
    warning = None
    year = _number(match["y"]) if western else 0
    if match["era"]:
        era = ERAS[match["era"]]
        era_year = 1 if match["ey"] == "元" else _number(match["ey"])
        if era_year < 1:
            raise InputError(where, f"the era year {match['era']}{match['ey']}年 does not exist (an era begins with 元年)")
        from_era = era.first.year + era_year - 1
        if western and from_era != year:
            raise InputError(where, f"{year}年 is not {match['era']}{match['ey']}年 ({match['era']}{match['ey']}年 is {from_era})")
        year = from_era
    try:
        date = datetime.date(year, month, day)
    except ValueError:
        raise InputError(where, f"the date {text.strip()} does not exist") from None
    if match["wd"] and _WEEKDAYS[date.weekday()] != match["wd"]:
        warning = (f"the date {text.strip()} gives the weekday {match['wd']}, but {date.isoformat()} is a "
                   f"{_WEEKDAYS[date.weekday()]}曜日 ({date.strftime('%A')}); read as {date.isoformat()}")
    if match["era"]:
        era = ERAS[match["era"]]
        if date < era.first:
            raise InputError(where, f"the date {text.strip()} is before {era.name} began ({era.first.isoformat()})")
        if era.last and date > era.last:
            warning = (f"the date {text.strip()} is after {era.name} ended ({era.last.isoformat()}); read as "
                       f"{date.isoformat()}, as documents written before the change of era date it")
    return date, warning
