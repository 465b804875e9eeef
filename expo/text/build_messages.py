"""Texts of the build's file-count and size warnings and of `invoke publish --rsync`, in Indonesian
(first) and English. Merged into messages.MESSAGES."""

from __future__ import annotations

BUILD_MESSAGES: dict[str, tuple[str, str]] = {
    "build_too_many_files": (
        "Peringatan: {output} berisi {files} berkas, lebih dari batas {limit} (EXPO_MAX_FILES). "
        "Cloudflare Pages menerima paling banyak 20.000 berkas per situs. Kurangi berkas foto: "
        "lebih sedikit lebar (EXPO_IMAGE_WIDTHS, misalnya [400, 800]) atau tanpa format tambahan "
        "(EXPO_IMAGE_FORMATS = []: JPEG saja), atau terbitkan di hosting tanpa batas ini (GitHub "
        "Pages sampai 1 GB, server sendiri dengan invoke publish --rsync). EXPO_MAX_FILES = 0 "
        "mematikan peringatan ini.",
        "Warning: {output} holds {files} files, more than the limit of {limit} (EXPO_MAX_FILES). "
        "Cloudflare Pages accepts at most 20,000 files per site. Make fewer photo files: fewer "
        "widths (EXPO_IMAGE_WIDTHS, e.g. [400, 800]) or no extra format (EXPO_IMAGE_FORMATS = []: "
        "JPEG only), or publish on a host without this limit (GitHub Pages up to 1 GB, your own "
        "server with invoke publish --rsync). EXPO_MAX_FILES = 0 turns this warning off.",
    ),
    "build_too_large": (
        "Peringatan: {output} berukuran {size}, lebih dari batas {limit} MB (EXPO_MAX_SIZE_MB). "
        "GitHub Pages menerbitkan situs paling besar 1 GB. Foto adalah sebagian besar ukurannya: "
        "kurangi lebar (EXPO_IMAGE_WIDTHS, misalnya [400, 800]) atau format tambahan "
        "(EXPO_IMAGE_FORMATS = []: JPEG saja), atau terbitkan di server sendiri (invoke publish "
        "--rsync). EXPO_MAX_SIZE_MB = 0 mematikan peringatan ini.",
        "Warning: {output} is {size}, more than the limit of {limit} MB (EXPO_MAX_SIZE_MB). "
        "GitHub Pages publishes a site of at most 1 GB. Photos are most of it: fewer widths "
        "(EXPO_IMAGE_WIDTHS, e.g. [400, 800]) or no extra format (EXPO_IMAGE_FORMATS = []: JPEG "
        "only), or publish on your own server (invoke publish --rsync). EXPO_MAX_SIZE_MB = 0 "
        "turns this warning off.",
    ),
    # --- invoke publish --rsync
    "rsync_target_invalid": (
        'Tujuan rsync "{target}" tidak bisa dipakai: {problem_id}. Tulis pengguna@host:/folder, '
        "misalnya invoke publish --rsync expo@server.example.go.id:/var/www/expo",
        'The rsync target "{target}" cannot be used: {problem_en}. Write user@host:/folder, for '
        "example invoke publish --rsync expo@server.example.go.id:/var/www/expo",
    ),
    "rsync_missing": (
        "Program rsync tidak ditemukan, jadi situs di output/ belum dikirim. Pasang rsync (Debian/"
        "Ubuntu: sudo apt install rsync; macOS sudah punya; Windows: pakai WSL), lalu jalankan "
        "lagi invoke publish --rsync {target}",
        "The rsync program was not found, so the site in output/ was not sent. Install rsync "
        "(Debian/Ubuntu: sudo apt install rsync; macOS has it; Windows: use WSL), then run "
        "invoke publish --rsync {target} again",
    ),
    "rsync_failed": (
        "rsync ke {target} gagal (kode keluar {code}: {meaning}). Situs di output/ sudah dibangun; "
        "periksa: bisakah Anda masuk dengan ssh {login}, apakah folder {path} ada dan boleh "
        "ditulis, lalu jalankan lagi invoke publish --rsync {target}",
        "rsync to {target} failed (exit code {code}: {meaning}). The site in output/ is built; "
        "check: can you log in with ssh {login}, does the folder {path} exist and is it writable, "
        "then run invoke publish --rsync {target} again",
    ),
    "rsync_done": (
        "Terkirim ke {target}: output/ disalin dengan rsync (berkas yang tidak ada lagi di output/ "
        "dihapus di server).",
        "Sent to {target}: output/ copied with rsync (files no longer in output/ were deleted on "
        "the server).",
    ),
}
