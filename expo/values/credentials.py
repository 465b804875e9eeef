"""Business licences and certificates: format checks and public checker links (pure).

Visitors trust a booth more when its licences are shown and can be verified; a mistyped number
is worse than none, so each kind has its official shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LABELS = {"nib": "NIB", "pirt": "P-IRT", "halal": "Halal", "bpom": "BPOM", "sni": "SNI"}

# Where visitors can look a number up; organisers may override them (EXPO_CREDENTIAL_CHECKERS).
DEFAULT_CHECKERS = {
    "nib": "https://oss.go.id/",
    "pirt": "https://sppirt.pom.go.id/",
    "halal": "https://bpjph.halal.go.id/search/sertifikat",
    "bpom": "https://cekbpom.pom.go.id/",
}

_SEPARATORS = re.compile(r"[\s.\-/]+")
_PREFIXES = {
    "pirt": re.compile(r"^(SPP-?IRT|P-?IRT)(NO)?:?", re.I),
    "bpom": re.compile(r"^(BPOM)?(RI)?", re.I),
    "nib": re.compile(r"^(NIB)?:?", re.I),
}
_SHAPES = {
    "nib": re.compile(r"^\d{13}$"),
    "pirt": re.compile(r"^(\d{15}|\d{12})$"),
    "bpom": re.compile(r"^((MD|ML)\d{12}|NA\d{11})$"),
    "halal": re.compile(r"^ID\d{10,24}$"),
}


# SNI: the standard a product is certified to ('SNI 7325:2008', 'SNI ISO 9001:2015', the older
# 'SNI 01-3751-2006'), or an SPPT-SNI certificate number as certification bodies write them:
# codes of letters and digits joined by / - . ('01-02-0001-2019', '824/LSPro-BBKK/VII/2019').
# Free text ("TERVERIFIKASI PANITIA") is neither and would show a badge that means nothing.
_SNI_STANDARD = re.compile(r"^(?:SPPT[- ]?)?SNI(?: ?(?:ISO|IEC|ISO/IEC))? ?\d{1,5}(?:[-.]\d{1,4}){0,3}"
                           r"(?: ?: ?(?:19|20)\d{2})?$")
_SNI_CODE = r"(?:[A-Z]{1,6}|[A-Z]*\d[A-Z0-9]{0,11})"  # 'BBKK', 'VII', '2019', 'Q12': not words
_SNI_CERTIFICATE = re.compile(rf"^(?:(?:SPPT[- ]?)?SNI[ :]*)?(?:NO\.? ?)?{_SNI_CODE}(?:[-./]{_SNI_CODE}){{1,7}}$")


class CredentialError(ValueError):
    """`.message` is the key of the message explaining the expected shape."""

    def __init__(self, kind: str, message: str = ""):
        super().__init__(kind)
        self.message = message or f"credential_{kind}"


@dataclass(frozen=True)
class Credential:
    kind: str  # nib, pirt, halal, bpom, sni
    label: str
    number: str  # as shown: 'MD 224510001234'
    check_url: str | None


def parse_credential(kind: str, raw: str, checkers: dict[str, str] | None = None) -> Credential:
    """Normalise separators and common prefixes, then check the official shape."""
    number = raw.strip()
    if number and set(_SEPARATORS.sub("", number).upper().removeprefix("ID")) <= {"0"}:
        raise CredentialError(kind, "credential_zero")  # '0000000000000' is not a licence
    if kind == "sni":
        number = " ".join(number.upper().split())
        digits = sum(c.isdigit() for c in number)
        if digits < 4 or not (_SNI_STANDARD.match(number) or _SNI_CERTIFICATE.match(number)):
            raise CredentialError(kind)
    elif kind in _SHAPES:
        compact = _SEPARATORS.sub("", number).upper()
        prefix = _PREFIXES.get(kind)
        if prefix:
            compact = prefix.sub("", compact)
        if not _SHAPES[kind].match(compact):
            raise CredentialError(kind)
        number = f"{compact[:2]} {compact[2:]}" if kind == "bpom" else compact
    checkers = DEFAULT_CHECKERS if checkers is None else checkers
    return Credential(kind, LABELS[kind], number, checkers.get(kind))
