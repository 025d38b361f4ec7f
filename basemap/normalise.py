"""The one form in which gazetteer labels are stored and queries are compared. Pure.

German spelling variants meet: ä/ae, ö/oe, ü/ue and ß/ss fold to the same letters; the
street words "Straße", "Strasse", "Strase", "Str." all become "str"; case, accents,
hyphens and punctuation go. PostgreSQL's unaccent is not used: it folds ä to a, so
"Mühlweg" would not meet the spelling "Muehlweg" that people type without umlauts.
"""

import re
import unicodedata

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_STREET = re.compile(r"stra(?:ss|s)e\b|str\b\.?")
_NOT_WORD = re.compile(r"[\W_]+")
_NUMBER = re.compile(r"^(.*?)\s*(\d+\s*[a-z]?)$")


def normalise(text: str) -> str:
    """normalise("Richard-Wagner-Straße 12a") == "richard wagner str 12a"."""
    folded = text.lower().translate(_GERMAN)
    decomposed = unicodedata.normalize("NFKD", folded)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _STREET.sub("str", plain)
    return _NOT_WORD.sub(" ", plain).strip()


def split_number(norm: str) -> tuple[str, str]:
    """A normalised query as (words, house number): "goethestr 12a" → ("goethestr", "12a");
    without a trailing number the number is ""."""
    match = _NUMBER.match(norm)
    if not match or not match.group(1):
        return norm, ""
    return match.group(1), match.group(2).replace(" ", "")
