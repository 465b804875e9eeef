"""Product and booth videos: YouTube and Vimeo links -> a small frozen value.

Visitors are often on slow, metered connections, so pages show a poster and
load the player only after a tap; ``embed_url`` is that privacy-enhanced
player (youtube-nocookie.com, Vimeo with ``dnt=1``). The canonical URLs are
rebuilt from the video id, so nothing of the exhibitor's raw URL reaches the
page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs

from expo.values.urls import split_http_url

__all__ = ["VideoError", "Video", "parse_video"]


class VideoError(ValueError):
    """A video link we cannot use. ``code`` is ``video_host`` (not a YouTube
    or Vimeo http(s) link) or ``video_id`` (right site, no usable video id);
    ``value`` is the raw URL."""

    def __init__(self, code: str, value: object) -> None:
        super().__init__(f"{code}: {value!r}")
        self.code = code
        self.value = value


@dataclass(frozen=True)
class Video:
    provider: str  # 'youtube' | 'vimeo'
    id: str
    url: str  # canonical watch URL
    embed_url: str  # player URL, loaded only after the visitor taps play
    label: str  # 'YouTube' | 'Vimeo'


# Exact host lists, not suffix matching: music.youtube.com and other
# subdomains are different products and are rejected.
_YOUTUBE_HOSTS = frozenset({"youtube.com", "www.youtube.com", "m.youtube.com"})
_YOUTU_BE_HOSTS = frozenset({"youtu.be", "www.youtu.be"})
_VIMEO_HOSTS = frozenset({"vimeo.com", "www.vimeo.com"})
_VIMEO_PLAYER_HOSTS = frozenset({"player.vimeo.com"})

_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_YOUTUBE_PATH_KINDS = frozenset({"shorts", "embed", "live"})  # /<kind>/<id>
_VIMEO_ID = re.compile(r"[0-9]+")
_VIMEO_HASH = re.compile(r"[0-9A-Za-z]+")  # unlisted videos: vimeo.com/<id>/<hash>
# vimeo.com/channels/<name>/<id>, /groups/<name>/videos/<id>, /album|showcase/<n>/video/<id>
_VIMEO_COLLECTIONS = frozenset({"channels", "groups", "album", "showcase"})


def parse_video(url: str) -> Video:
    """Recognise a YouTube or Vimeo link; raise VideoError otherwise."""
    if not isinstance(url, str):
        raise VideoError("video_host", url)
    split = split_http_url(url)  # 'youtu.be/ID' pasted without https:// is fine
    if split is None:  # javascript:, data:, ftp:, a malformed host ...
        raise VideoError("video_host", url)
    parts, host = split
    segments = [s for s in parts.path.split("/") if s]
    query = parse_qs(parts.query)

    if host in _YOUTUBE_HOSTS or host in _YOUTU_BE_HOSTS:
        return _youtube(_youtube_id(host, segments, query), url)
    if host in _VIMEO_HOSTS or host in _VIMEO_PLAYER_HOSTS:
        return _vimeo(host, segments, query, url)
    raise VideoError("video_host", url)


def _youtube_id(host: str, segments: list[str], query: dict[str, list[str]]) -> str | None:
    if host in _YOUTU_BE_HOSTS:
        return segments[0] if segments else None
    if segments == ["watch"]:
        return query.get("v", [None])[0]
    if len(segments) >= 2 and segments[0] in _YOUTUBE_PATH_KINDS:
        return segments[1]
    return None  # channel pages, playlists, search ...


def _youtube(video_id: str | None, raw: str) -> Video:
    if video_id is None or not _YOUTUBE_ID.fullmatch(video_id):
        raise VideoError("video_id", raw)
    return Video(
        provider="youtube",
        id=video_id,
        url=f"https://www.youtube.com/watch?v={video_id}",
        embed_url=f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1&rel=0",
        label="YouTube",
    )


def _vimeo(host: str, segments: list[str], query: dict[str, list[str]], raw: str) -> Video:
    video_id = hash_ = None
    if host in _VIMEO_PLAYER_HOSTS:
        # player.vimeo.com/video/<id>?h=<hash>
        if len(segments) == 2 and segments[0] == "video":
            video_id, hash_ = segments[1], query.get("h", [None])[0]
    elif segments and _VIMEO_ID.fullmatch(segments[0]) and len(segments) <= 2:
        video_id = segments[0]
        hash_ = segments[1] if len(segments) == 2 else query.get("h", [None])[0]
    elif len(segments) >= 3 and segments[0] in _VIMEO_COLLECTIONS:
        video_id = segments[-1]
    if video_id is None or not _VIMEO_ID.fullmatch(video_id):
        raise VideoError("video_id", raw)
    if hash_ is not None and not _VIMEO_HASH.fullmatch(hash_):
        raise VideoError("video_id", raw)
    # Unlisted videos play only with their hash, so both URLs keep it.
    url = f"https://vimeo.com/{video_id}" + (f"/{hash_}" if hash_ else "")
    embed = f"https://player.vimeo.com/video/{video_id}?" + (f"h={hash_}&" if hash_ else "")
    return Video(
        provider="vimeo",
        id=video_id,
        url=url,
        embed_url=embed + "autoplay=1&dnt=1",
        label="Vimeo",
    )
