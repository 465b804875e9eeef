"""Table-driven tests for expo.video: accepted link shapes and exact player URLs."""

import pytest

from expo.values.video import Video, VideoError, parse_video

YT_ID = "dQw4w9WgXcQ"
YT = Video(
    provider="youtube",
    id=YT_ID,
    url=f"https://www.youtube.com/watch?v={YT_ID}",
    embed_url=f"https://www.youtube-nocookie.com/embed/{YT_ID}?autoplay=1&rel=0",
    label="YouTube",
)


def vimeo(video_id, hash_=None):
    if hash_:
        return Video("vimeo", video_id, f"https://vimeo.com/{video_id}/{hash_}",
                     f"https://player.vimeo.com/video/{video_id}?h={hash_}&autoplay=1&dnt=1", "Vimeo")
    return Video("vimeo", video_id, f"https://vimeo.com/{video_id}",
                 f"https://player.vimeo.com/video/{video_id}?autoplay=1&dnt=1", "Vimeo")


@pytest.mark.parametrize(
    "url, expected",
    [
        (f"https://www.youtube.com/watch?v={YT_ID}", YT),
        (f"https://www.youtube.com/watch?v={YT_ID}&t=30s&list=PL1234567890", YT),
        (f"https://www.youtube.com/watch?feature=share&v={YT_ID}", YT),
        (f"https://youtube.com/watch?v={YT_ID}", YT),
        (f"youtube.com/watch?v={YT_ID}", YT),  # pasted without https://
        (f"www.youtube.com/watch?v={YT_ID}", YT),
        (f"http://www.youtube.com/watch?v={YT_ID}", YT),
        (f"https://m.youtube.com/watch?v={YT_ID}", YT),
        (f"HTTPS://WWW.YOUTUBE.COM/watch?v={YT_ID}", YT),
        (f"https://youtu.be/{YT_ID}", YT),
        (f"https://youtu.be/{YT_ID}?si=AbCdEfGh12345678", YT),
        (f"youtu.be/{YT_ID}", YT),
        (f"https://www.youtube.com/shorts/{YT_ID}", YT),
        (f"https://youtube.com/shorts/{YT_ID}?feature=share", YT),
        (f"https://www.youtube.com/embed/{YT_ID}", YT),
        (f"https://www.youtube.com/live/{YT_ID}?si=abc", YT),
        (f"  https://youtu.be/{YT_ID}  ", YT),
        ("https://youtu.be/a_b-C1d2E3f", Video(
            "youtube", "a_b-C1d2E3f", "https://www.youtube.com/watch?v=a_b-C1d2E3f",
            "https://www.youtube-nocookie.com/embed/a_b-C1d2E3f?autoplay=1&rel=0", "YouTube")),
        ("https://vimeo.com/123456789", vimeo("123456789")),
        ("https://www.vimeo.com/123456789", vimeo("123456789")),
        ("vimeo.com/123456789", vimeo("123456789")),
        ("https://vimeo.com/channels/staffpicks/123456", vimeo("123456")),
        ("https://vimeo.com/groups/umkm/videos/123456", vimeo("123456")),
        ("https://vimeo.com/showcase/98765/video/123456", vimeo("123456")),
        ("https://player.vimeo.com/video/123456", vimeo("123456")),
        ("https://player.vimeo.com/video/123456?h=abcdef1234&badge=0", vimeo("123456", "abcdef1234")),
        ("https://vimeo.com/123456/abcdef1234", vimeo("123456", "abcdef1234")),
        ("https://vimeo.com/123456/abcdef1234?share=copy", vimeo("123456", "abcdef1234")),
        ("https://vimeo.com/123456?h=abcdef1234", vimeo("123456", "abcdef1234")),
    ],
)
def test_parse_video(url, expected):
    assert parse_video(url) == expected


def test_unlisted_vimeo_embed_carries_hash():
    assert "h=abcdef1234" in parse_video("https://vimeo.com/123456/abcdef1234").embed_url


@pytest.mark.parametrize(
    "url, code",
    [
        # wrong host or scheme
        (f"https://music.youtube.com/watch?v={YT_ID}", "video_host"),
        (f"https://youtube.com.evil.net/watch?v={YT_ID}", "video_host"),
        (f"https://notyoutube.com/watch?v={YT_ID}", "video_host"),
        (f"https://www.youtube.com@evil.net/watch?v={YT_ID}", "video_host"),
        (f"https://evil-youtu.be/{YT_ID}", "video_host"),
        ("https://vimeo.com.evil.net/123456", "video_host"),
        ("https://www.dailymotion.com/video/x7tgad0", "video_host"),
        ("javascript:alert(1)", "video_host"),
        (f"javascript://www.youtube.com/watch?v={YT_ID}%0aalert(1)", "video_host"),
        (f"ftp://www.youtube.com/watch?v={YT_ID}", "video_host"),
        (f"data:text/html,{YT_ID}", "video_host"),
        ("", "video_host"),
        ("https://[::1/x", "video_host"),
        (None, "video_host"),
        (12345, "video_host"),
        # right host, no usable id
        ("https://www.youtube.com/watch?v=short", "video_id"),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQx", "video_id"),  # 12 characters
        ("https://www.youtube.com/watch?v=dQw4w9WgX%3C", "video_id"),  # '<' in the id
        ("https://www.youtube.com/watch", "video_id"),
        ("https://www.youtube.com/watch?v=", "video_id"),
        ("https://www.youtube.com/@batikpesisir", "video_id"),
        ("https://www.youtube.com/playlist?list=PL1234567890", "video_id"),
        ("https://www.youtube.com/", "video_id"),
        ("https://youtu.be/", "video_id"),
        ("https://youtu.be/dQw4w9WgX!Q", "video_id"),
        ("https://www.youtube.com/shorts/", "video_id"),
        ("https://vimeo.com/", "video_id"),
        ("https://vimeo.com/batikpesisir", "video_id"),
        ("https://vimeo.com/12345abc", "video_id"),
        ("https://vimeo.com/channels/staffpicks", "video_id"),
        ("https://vimeo.com/123456/abc-def", "video_id"),  # not a hash
        ("https://player.vimeo.com/video/", "video_id"),
        ("https://player.vimeo.com/video/123456?h=<script>", "video_id"),
    ],
)
def test_parse_video_rejects(url, code):
    with pytest.raises(VideoError) as excinfo:
        parse_video(url)
    assert excinfo.value.code == code
    assert excinfo.value.value == url
