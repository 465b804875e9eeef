"""The ownership settings (EXPO_ORGANISERS, EXPO_EXHIBITORS_PATH), read without running
pelicanconf.py.

`invoke check-pr` must take them from the base branch (a pull request could otherwise add its
author to the organisers), and it reads that copy from git as text; `invoke codeowners` reads
the work tree's copy the same way, so both always agree. Hence the rule: write these two
settings as plain literals at the top level of pelicanconf.py.
"""

from __future__ import annotations

import ast

from expo.pr.ownership import bilingual
from expo.values.logins import clean_logins, normalize_login


def ownership_settings(source: str | None, where: str) -> tuple[tuple[str, ...], str]:
    """(EXPO_ORGANISERS, EXPO_EXHIBITORS_PATH) from the text of a pelicanconf.py (None: no
    file, the defaults). A mistake is a ValueError with the message, never silently fewer
    organisers."""
    organisers: object = ()
    exhibitors_path: object = "exhibitors"
    if source is not None:
        try:
            organisers = literal_setting(source, "EXPO_ORGANISERS", ())
            exhibitors_path = literal_setting(source, "EXPO_EXHIBITORS_PATH", "exhibitors")
        except _LiteralError as exc:
            raise ValueError(bilingual("setting_literal", {"name": exc.args[0], "where": where})) from None
    if not isinstance(exhibitors_path, str) or not exhibitors_path.strip("/"):
        raise ValueError(bilingual("setting_literal", {"name": "EXPO_EXHIBITORS_PATH", "where": where}))
    return organiser_logins(organisers, where), exhibitors_path.strip("/")


class _LiteralError(Exception):
    pass


def literal_setting(source: str, name: str, default: object) -> object:
    """The value of a top-level `NAME = <literal>`; the last assignment wins, as in Python."""
    try:
        body = ast.parse(source).body
    except (SyntaxError, ValueError):
        raise _LiteralError(name) from None
    value = default
    for node in body:
        if isinstance(node, ast.Assign):
            targets, expr = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, expr = [node.target], node.value
        elif isinstance(node, ast.AugAssign):
            targets, expr = [node.target], None  # NAME += ...: not a plain value
        else:
            continue
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            try:
                value = ast.literal_eval(expr)
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                raise _LiteralError(name) from None
    return value


def organiser_logins(value: object, where: str) -> tuple[str, ...]:
    """EXPO_ORGANISERS as logins: a typo would lock organisers out, so it is an error."""
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, (list, tuple)):
        raise ValueError(bilingual("setting_literal", {"name": "EXPO_ORGANISERS", "where": where}))
    for item in values:
        if normalize_login(item) is None:
            raise ValueError(bilingual("organiser_invalid", {"value": item, "where": where}))
    return clean_logins(values)
