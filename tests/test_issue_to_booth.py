"""invoke issue-to-booth: a submitted Issue Form, as GitHub renders it, becomes a booth folder
through import-csv's planner; photos come only from GitHub's attachment addresses. Offline: the
download function is a stand-in."""

from __future__ import annotations

import io
import json
import urllib.request
from pathlib import Path

import pytest
import yaml
from PIL import Image

from expo.cli import commands
from expo.cli.issue_commands import MARKER, issue_to_booth
from expo.importer.attachments import (
    AttachmentError,
    _CheckedRedirects,
    download,
    find_attachments,
    is_attachment_url,
)
from expo.importer.issueform import form_fields
from sitekit import REPO, make_project

FORM = REPO / ".github" / "ISSUE_TEMPLATE" / "booth.yml"
UUID = ["0b7c1a52-1f0e-4c2a-9d55-3c0e6f1a{:04d}".format(n) for n in range(10)]
ATTACH = "https://github.com/user-attachments/assets/{}"


def jpeg(size=(900, 700)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(out, "JPEG")
    return out.getvalue()


def png(size=(640, 480)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (40, 120, 200)).save(out, "PNG")
    return out.getvalue()


def render_form(answers: dict[str, str]) -> str:
    """The issue body GitHub writes for a submitted form: every field of booth.yml in order,
    `_No response_` where nothing was entered."""
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    sections = []
    for element in form["body"]:
        if element["type"] == "markdown":
            continue
        label = element["attributes"]["label"]
        sections.append(f"### {label}\n\n{answers.get(label) or '_No response_'}")
    return "\n\n".join(sections) + "\n"


ANSWERS = {
    "Jenis permintaan": "Daftar booth baru",
    "Nama usaha": "Keripik Tempe Bu Sari",
    "Kategori": "Kuliner",
    "Kota/Kabupaten": "Kabupaten Semarang",
    "Alamat usaha": "Jl. Pemuda 12, Ambarawa",
    "Nomor WhatsApp": "0857-1234-9876",
    "Instagram": "@keripiksari",
    "Nama produk 1": "Keripik Tempe Original",
    "Harga produk 1": "Rp 25.000",
    "Foto produk 1": (f"![IMG_1234]({ATTACH.format(UUID[0])})\n"
                      f'<img width="1080" alt="IMG_1235" src="{ATTACH.format(UUID[1])}" />'),
    "Deskripsi produk 1": "Renyah, **tanpa pengawet**.\nBerat 250 g.",
    "Nama produk 2": "Keripik Tempe Pedas",
    "Harga produk 2": "25.000 - 30.000",
    "Foto produk 2": f"https://github.com/sari/expo-katalog/assets/1234567/{UUID[2]}",
    "Persetujuan": "- [X] Data dan foto ini milik usaha saya dan boleh ditampilkan di katalog expo.",
}
FILES = {ATTACH.format(UUID[0]): jpeg(), ATTACH.format(UUID[1]): jpeg((700, 900)),
         f"https://github.com/sari/expo-katalog/assets/1234567/{UUID[2]}": png()}


class FakeGitHub:
    """Stands in for the network: serves FILES, records what was asked."""

    def __init__(self, files=None):
        self.files = FILES if files is None else files
        self.calls: list[tuple[str, int]] = []

    def __call__(self, url: str, max_bytes: int) -> bytes:
        self.calls.append((url, max_bytes))
        if url not in self.files:
            raise AttachmentError("issue_photo_download", value=url, detail="HTTP Error 404: Not Found")
        return self.files[url]


def submit(tmp_path: Path, answers: dict, author="sari-tempe", number=42) -> Path:
    event = {"action": "opened", "issue": {"number": number, "user": {"login": author},
                                           "body": render_form(answers)}}
    path = tmp_path / f"event-{number}.json"
    path.write_text(json.dumps(event), encoding="utf-8")
    return path


@pytest.fixture
def root(tmp_path) -> Path:
    return make_project(tmp_path / "site")


def run(root: Path, event: Path, fake: FakeGitHub, **kwargs) -> tuple[int, dict]:
    output = event.with_suffix(".out.json")
    code = issue_to_booth(root, str(event), output=str(output), download=fake, **kwargs)
    return code, json.loads(output.read_text(encoding="utf-8"))


def test_a_submitted_form_becomes_a_booth_that_validates(root, tmp_path, capsys):
    fake = FakeGitHub()
    code, result = run(root, submit(tmp_path, ANSWERS), fake)
    assert code == 0, capsys.readouterr().err
    folder = root / "exhibitors" / "keripik-tempe-bu-sari"
    assert sorted(p.name for p in folder.iterdir()) == ["IMG_1234.jpg", "IMG_1235.jpg", "exhibitor.yml", "foto.png"]
    data = yaml.safe_load((folder / "exhibitor.yml").read_text(encoding="utf-8"))
    assert data["owners"] == ["sari-tempe"] and data["category"] == "kuliner"
    assert data["instagram"] == "@keripiksari" and data["whatsapp"] == "0857-1234-9876"
    assert [(p["name"], p.get("price"), p.get("price_max"), p["photos"]) for p in data["products"]] == [
        ("Keripik Tempe Original", 25000, None, ["IMG_1234.jpg", "IMG_1235.jpg"]),
        ("Keripik Tempe Pedas", 25000, 30000, ["foto.png"])]
    assert [max_bytes for _url, max_bytes in fake.calls] == [25 * 1024 * 1024] * 3
    assert commands.validate(root, folder="exhibitors/keripik-tempe-bu-sari") == 0
    assert result["ok"] is True and result["slug"] == "keripik-tempe-bu-sari"
    assert result["branch"] == "booth/issue-42"
    assert result["title"] == "Booth baru: keripik-tempe-bu-sari (#42)"
    assert result["comment"] == (
        f"{MARKER}\n### Hasil pemeriksaan formulir booth\n\n"
        "✅ Booth `exhibitors/keripik-tempe-bu-sari/` siap: 2 produk dan 3 foto. Panitia akan "
        "memeriksa pull request-nya sebelum booth tampil di situs.")
    assert result["pull_request_line"] == "Pull request: {url}"


def test_mistakes_are_named_by_the_form_field_and_nothing_is_written(root, tmp_path, capsys):
    answers = {**ANSWERS, "Harga produk 2": "mahal", "Kota/Kabupaten": "",
               "Foto produk 1": "![kain](https://i.imgur.com/abc.jpg)\nhttp://github.com/user-attachments/assets/"
                                + UUID[3]}
    fake = FakeGitHub()
    code, result = run(root, submit(tmp_path, answers), fake)
    assert code == 1
    assert not (root / "exhibitors" / "keripik-tempe-bu-sari").exists()
    assert [url for url, _ in fake.calls] == [f"https://github.com/sari/expo-katalog/assets/1234567/{UUID[2]}"]
    lines = result["comment"].split("\n")
    assert lines[3].startswith("❌ Formulir ini belum bisa dijadikan booth: ")
    assert "- **`Foto produk 1`**: `https://i.imgur.com/abc.jpg` bukan foto yang diunggah ke GitHub. Seret " \
           "(drag) file foto langsung ke kotak ini, jangan menempel tautan dari situs lain" in lines
    assert any(line.startswith(f"- **`Foto produk 1`**: `http://github.com/user-attachments/assets/{UUID[3]}` "
                               "bukan foto") for line in lines)
    assert any(line.startswith("- **`Harga produk 2`**: ") for line in lines)
    assert "- **`Kota/Kabupaten`**: wajib diisi. Edit issue ini dan isi bagian ini" in lines


def test_photo_limits_apply_to_attachments(tmp_path):
    root = make_project(tmp_path / "site", extra_settings="EXPO_MAX_PHOTO_MEGAPIXELS = 1\n")
    fake = FakeGitHub({**FILES, ATTACH.format(UUID[0]): jpeg((1300, 1000)), ATTACH.format(UUID[1]): b"not a photo"})
    code, result = run(root, submit(tmp_path, ANSWERS), fake)
    assert code == 1
    comment = result["comment"]
    assert "`Foto produk 1`" in comment and "1.3" in comment  # megapixels named
    assert "`IMG_1235` rusak atau bukan foto" in comment


def test_only_owners_may_change_a_booth_and_owners_stay(root, tmp_path):
    update = {**ANSWERS, "Jenis permintaan": "Ubah booth", "Alamat booth (nama folder)": "batik-sari",
              "Nama usaha": "Batik Sari", "Kategori": "Batik", "Kota/Kabupaten": "Kota Pekalongan"}
    code, result = run(root, submit(tmp_path, update, author="orang-lain"), FakeGitHub())
    assert code == 1
    assert "- `@orang-lain` bukan pemilik booth `batik-sari`, jadi tidak bisa mengubahnya lewat formulir. " \
           "Pemiliknya: `@sari-batik`. Minta salah satu dari mereka atau panitia" in result["comment"]
    code, result = run(root, submit(tmp_path, update, author="Sari-Batik", number=43), FakeGitHub())
    assert code == 0, result["comment"]
    data = yaml.safe_load((root / "exhibitors/batik-sari/exhibitor.yml").read_text(encoding="utf-8"))
    assert data["owners"] == ["sari-batik"] and data["products"][0]["name"] == "Keripik Tempe Original"
    assert result["title"] == "Ubah booth: batik-sari (#43)"
    assert commands.validate(root, folder="exhibitors/batik-sari") == 0


def test_a_new_booth_cannot_take_an_existing_folder(root, tmp_path):
    answers = {**ANSWERS, "Alamat booth (nama folder)": "batik-sari"}
    code, result = run(root, submit(tmp_path, answers), FakeGitHub())
    assert code == 1
    assert "booth exhibitors/batik-sari/ sudah ada" in result["comment"].replace("`", "")


def test_an_issue_that_is_not_the_form(root, tmp_path):
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"issue": {"number": 7, "user": {"login": "x"}, "body": "Halo panitia!"}}))
    code, result = run(root, event, FakeGitHub())
    assert code == 1 and "isi issue ini bukan formulir booth" in result["comment"]


def test_form_sections_as_github_renders_them():
    body = "### Nama usaha\n\nKeripik\n\n### Slogan\n\n_No response_\n\n### Deskripsi produk 1\n\nSatu\n\nDua\n"
    assert form_fields(body) == {"Nama usaha": "Keripik", "Slogan": "", "Deskripsi produk 1": "Satu\n\nDua"}


def test_attachments_in_every_form_github_writes():
    text = (f"![IMG 1]({ATTACH.format(UUID[0])})\n<img alt='IMG&amp;2' src=\"{ATTACH.format(UUID[1])}\">\n"
            f"lihat https://github.com/o/r/assets/99/{UUID[2]}.\n{ATTACH.format(UUID[0])}")
    assert [(a.name, a.url) for a in find_attachments(text)] == [
        ("IMG 1", ATTACH.format(UUID[0])), ("IMG&2", ATTACH.format(UUID[1])),
        ("", f"https://github.com/o/r/assets/99/{UUID[2]}")]


@pytest.mark.parametrize("url, allowed", [
    (ATTACH.format(UUID[0]), True),
    (f"https://github.com/sari/expo/assets/123/{UUID[0]}", True),
    (f"https://user-images.githubusercontent.com/123/{UUID[0]}.png", True),
    (f"http://github.com/user-attachments/assets/{UUID[0]}", False),  # https only
    (f"https://github.com.evil.io/user-attachments/assets/{UUID[0]}", False),
    (f"https://evil.io/github.com/user-attachments/assets/{UUID[0]}", False),
    (f"https://github.com:8443/user-attachments/assets/{UUID[0]}", False),
    (f"https://sari@github.com/user-attachments/assets/{UUID[0]}", False),
    ("https://github.com/user-attachments/assets/../../login", False),
    ("https://github.com/sari/expo/raw/main/big.iso", False),
    ("https://objects.githubusercontent.com/anything", False),  # a redirect target, not a link
    ("https://127.0.0.1/x.jpg", False),
])
def test_attachment_host_allowlist(url, allowed):
    assert is_attachment_url(url) is allowed


def test_the_real_download_refuses_other_hosts_and_redirects_elsewhere():
    with pytest.raises(AttachmentError) as refused:
        download("https://i.imgur.com/abc.jpg", 1000)  # refused before any connection
    assert refused.value.key == "issue_photo_host"
    handler = _CheckedRedirects()
    request = urllib.request.Request(ATTACH.format(UUID[0]))
    signed = "https://private-user-images.githubusercontent.com/1/x.png?jwt=abc"
    assert handler.redirect_request(request, None, 302, "Found", {}, signed).full_url == signed
    with pytest.raises(AttachmentError):
        handler.redirect_request(request, None, 302, "Found", {}, "http://169.254.169.254/latest/meta-data")


def test_owners_typed_into_the_issue_text_are_ignored(root, tmp_path):
    event = submit(tmp_path, ANSWERS)
    data = json.loads(event.read_text())
    data["issue"]["body"] += "\n### Owners\n\nsari-batik\n\n### GitHub\n\n@korban\n"
    event.write_text(json.dumps(data))
    code, _result = run(root, event, FakeGitHub())
    assert code == 0
    written = yaml.safe_load((root / "exhibitors/keripik-tempe-bu-sari/exhibitor.yml").read_text(encoding="utf-8"))
    assert written["owners"] == ["sari-tempe"]


def test_adversarial_form_text_is_read_in_linear_time():
    spaces = " " * 60_000
    assert form_fields(f"### Nama usaha{spaces}\n\nx\n### {spaces}\n\ny\n") == {"Nama usaha": "x"}
    assert find_attachments("![" * 30_000 + "](" + spaces) == []
    assert find_attachments("<img " * 10_000) == []


UVO = ('EXPO_EDITIONS = [{"key": "uvo-1", "name": "UKM Virtual Expo I", "start_date": "2020-11-02", '
       '"end_date": "2020-11-30"}, {"key": "uvo-2", "name": "UKM Virtual Expo II", '
       '"start_date": "2021-11-01", "end_date": "2021-11-30"}]\n')


def test_the_edisi_field_lists_the_editions_by_key_or_name(tmp_path, capsys):
    root = make_project(tmp_path / "site", extra_settings=UVO)
    answers = {**ANSWERS, "Edisi": "uvo-1, ukm virtual expo II"}  # as import-csv reads them
    code, _result = run(root, submit(tmp_path, answers), FakeGitHub())
    assert code == 0, capsys.readouterr().err
    data = yaml.safe_load((root / "exhibitors/keripik-tempe-bu-sari/exhibitor.yml").read_text(encoding="utf-8"))
    assert data["editions"] == ["uvo-1", "uvo-2"]


def test_an_unknown_edition_is_named_by_the_edisi_field(tmp_path):
    root = make_project(tmp_path / "site", extra_settings=UVO)
    code, result = run(root, submit(tmp_path, {**ANSWERS, "Edisi": "uvo-3"}), FakeGitHub())
    assert code == 1 and not (root / "exhibitors/keripik-tempe-bu-sari").exists()
    [line] = [line for line in result["comment"].split("\n") if "Edisi" in line]
    assert line.startswith("- **`Edisi`**: ") and "uvo-1, uvo-2" in line


def test_an_empty_edisi_field_joins_no_edition(tmp_path, capsys):
    root = make_project(tmp_path / "site", extra_settings=UVO)
    code, _result = run(root, submit(tmp_path, ANSWERS), FakeGitHub())
    assert code == 0, capsys.readouterr().err
    data = yaml.safe_load((root / "exhibitors/keripik-tempe-bu-sari/exhibitor.yml").read_text(encoding="utf-8"))
    assert "editions" not in data


def test_an_edition_in_an_expo_without_editions_is_refused(root, tmp_path):
    code, result = run(root, submit(tmp_path, {**ANSWERS, "Edisi": "2026"}), FakeGitHub())
    assert code == 1
    assert "- **`Edisi`**: expo ini tidak punya daftar edisi, jadi `2026` tidak bisa dipilih. Edit issue " \
           "ini dan kosongkan bagian ini, atau minta panitia menambahkan edisinya" in result["comment"].split("\n")
