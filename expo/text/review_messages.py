"""Texts of `invoke review`, `invoke fix` and `invoke issue-to-booth`, Indonesian first, merged
into `messages.MESSAGES` (keys must not clash; a test checks).

The pull-request comment and the issue comment are read by exhibitors on a phone: short
sentences, what to do first.
"""

from __future__ import annotations

REVIEW_MESSAGES: dict[str, tuple[str, str]] = {
    # --- invoke review: reading the pull request from git
    "review_not_on_base": (
        "invoke review harus dijalankan dari checkout cabang dasar ({base}), supaya yang berjalan "
        "adalah kode dan pengaturan cabang dasar, bukan kode pull request. Sekarang HEAD adalah "
        "{head}. Jalankan dulu: git switch --detach {base}",
        "invoke review must run from a checkout of the base branch ({base}), so that the base's "
        "code and settings run, never the pull request's. HEAD is {head} now. First run: "
        "git switch --detach {base}",
    ),
    "review_head_missing": (
        "sebutkan commit pull request yang diperiksa, misalnya --head pr-123 (setelah "
        "git fetch origin pull/123/head:pr-123)",
        "name the pull request's commit to check, e.g. --head pr-123 (after "
        "git fetch origin pull/123/head:pr-123)",
    ),
    "review_too_many_files": (
        "pull request ini mengubah lebih dari {limit} file di folder booth; terlalu banyak untuk "
        "diperiksa. Bagi menjadi beberapa pull request",
        "this pull request changes more than {limit} files in booth folders, too many to check. "
        "Split it into several pull requests",
    ),
    "review_too_large": (
        "folder booth di pull request ini lebih dari {limit} MB; terlalu besar untuk diperiksa. "
        "Perkecil foto atau bagi menjadi beberapa pull request",
        "the booth folders in this pull request hold more than {limit} MB, too much to check. "
        "Make the photos smaller or split it into several pull requests",
    ),
    "review_folders": (
        "Folder booth yang diperiksa: {folders}",
        "Booth folders checked: {folders}",
    ),
    # --- certain fixes (invoke fix and suggested changes)
    "fix_price": (
        "harga ditulis angka saja tanpa Rp dan titik: {value} menjadi {price}",
        "write the price as digits only, without Rp and dots: {value} becomes {price}",
    ),
    "fix_price_range": (
        "rentang harga ditulis di dua baris, price dan price_max: {value} menjadi {price} dan {price_max}",
        "write a price range on two lines, price and price_max: {value} becomes {price} and {price_max}",
    ),
    "fix_quote": (
        "nilai yang diawali @ harus diberi tanda kutip: {value}",
        "a value starting with @ needs quotes: {value}",
    ),
    "fix_photo_name": (
        "file foto {value} tidak ada, tetapi {suggestion} ada di folder ini",
        "there is no photo file {value}, but {suggestion} is in this folder",
    ),
    "fix_none": (
        "Tidak ada perbaikan pasti untuk {path}. Jalankan invoke validate {folder} untuk melihat "
        "masalah lainnya.",
        "No certain fix for {path}. Run invoke validate {folder} to see any other problems.",
    ),
    "fix_applied": (
        "{count} perbaikan diterapkan ke {path}. Periksa perubahannya di atas, lalu jalankan "
        "invoke validate {folder}.",
        "{count} fix(es) applied to {path}. Check the change above, then run invoke validate {folder}.",
    ),
    "fix_dry_run": (
        "{count} perbaikan bisa diterapkan ke {path} (belum ditulis: jalankan tanpa --dry-run).",
        "{count} fix(es) can be applied to {path} (nothing written: run without --dry-run).",
    ),
    "fix_no_yaml": (
        "{path} tidak ditemukan. Contoh / example: invoke fix exhibitors/<nama-folder>",
        "{path} not found. Example: invoke fix exhibitors/<folder-name>",
    ),
    # --- the pull-request comment (Markdown)
    "comment_title": ("Hasil pemeriksaan otomatis", "Automatic check"),
    "comment_ok": (
        "Semua pemeriksaan lolos. Panitia akan meninjau pull request ini.",
        "Every check passed. An organiser will review this pull request.",
    ),
    "comment_owner_pages": (
        "Setelah digabung dan situs diterbitkan, halaman pemilik booth (tautan untuk dibagikan, kode QR, "
        "poster, file katalog WhatsApp Business) ada di alamat situs expo ditambah:",
        "Once merged and published, the booth owner's page (the link to share, QR code, poster, WhatsApp "
        "Business catalog file) is at the expo site's address plus:",
    ),
    "comment_failed": (
        "Ada {errors} hal yang harus diperbaiki sebelum pull request ini bisa digabung. "
        "Perbaiki file di cabang pull request ini; pemeriksaan berjalan lagi setiap kali Anda "
        "menyimpan (commit), dan komentar ini diperbarui.",
        "{errors} thing(s) must be fixed before this pull request can be merged. Fix the files "
        "on this pull request's branch; the check runs again on every commit and this comment is "
        "updated.",
    ),
    "comment_ownership": ("Folder yang boleh diubah", "Folders you may change"),
    "comment_content": ("Isi booth", "Booth content"),
    "comment_line": ("baris {line}", "line {line}"),
    "comment_fix": (
        "Perbaikan pasti: buka tab **Files changed** dan tekan **Commit suggestion** pada saran "
        "di baris ini, atau ganti baris itu dengan:",
        "Certain fix: open the **Files changed** tab and press **Commit suggestion** on the "
        "suggestion at this line, or replace that line with:",
    ),
    "comment_fix_inline": (
        "Perbaikan pasti: ganti baris itu dengan:",
        "Certain fix: replace that line with:",
    ),
    "comment_suggestion": (
        "Ini perbaikan pasti: tekan **Commit suggestion** untuk menerapkannya.",
        "This is a certain fix: press **Commit suggestion** to apply it.",
    ),
    "comment_more": (
        "... dan {count} hal lagi. Jalankan invoke validate untuk daftar lengkapnya.",
        "... and {count} more. Run invoke validate for the full list.",
    ),
    "comment_warnings": ("{count} peringatan (tidak wajib diperbaiki):", "{count} warning(s) (fixing them is optional):"),
    "comment_footer": (
        "Pemeriksaan ini memakai kode dan pengaturan cabang {base}; isi pull request hanya dibaca "
        "sebagai data.",
        "This check runs the code and settings of the {base} branch; the pull request's files are "
        "only read as data.",
    ),
    # --- invoke issue-to-booth: the Issue Form "Daftar booth / Ubah booth"
    "issue_field_required": (
        "wajib diisi. Edit issue ini dan isi bagian ini",
        "is required. Edit this issue and fill in this part",
    ),
    "issue_booth_exists": (
        "booth exhibitors/{slug}/ sudah ada. Kalau itu booth Anda, pilih \"Ubah booth\" di Jenis "
        "permintaan; kalau bukan, tulis alamat booth lain",
        "the booth exhibitors/{slug}/ already exists. If it is yours, choose \"Ubah booth\" as the "
        "request type; if not, write another booth address",
    ),
    "issue_update_unknown": (
        "untuk Ubah booth, tulis alamat booth yang sudah ada (nama foldernya, misalnya batik-sari); "
        "{slug} tidak ditemukan",
        "to change a booth, write the address of an existing booth (its folder name, e.g. "
        "batik-sari); {slug} was not found",
    ),
    "issue_update_not_owner": (
        "{author} bukan pemilik booth {slug}, jadi tidak bisa mengubahnya lewat formulir. Pemiliknya: "
        "{owners}. Minta salah satu dari mereka atau panitia",
        "{author} is not an owner of the booth {slug}, so cannot change it with the form. Its "
        "owners: {owners}. Ask one of them or an organiser",
    ),
    "issue_photo_host": (
        "{value} bukan foto yang diunggah ke GitHub. Seret (drag) file foto langsung ke kotak ini, "
        "jangan menempel tautan dari situs lain",
        "{value} is not a photo uploaded to GitHub. Drag the photo file straight into this box "
        "instead of pasting a link from another site",
    ),
    "issue_photo_download": (
        "foto {value} tidak bisa diunduh ({detail}). Hapus lalu seret fotonya lagi ke kotak ini",
        "the photo {value} could not be downloaded ({detail}). Remove it and drag the photo into "
        "this box again",
    ),
    "issue_photo_too_large": (
        "foto {value} lebih dari {limit} MB. Kirim foto yang lebih kecil (misalnya lewat WhatsApp "
        "ke diri sendiri, lalu simpan)",
        "the photo {value} is larger than {limit} MB. Send a smaller photo (e.g. send it to yourself "
        "on WhatsApp and save that)",
    ),
    "issue_photo_too_many": (
        "terlalu banyak foto (maksimum {limit} untuk satu formulir). Kurangi fotonya",
        "too many photos (at most {limit} in one form). Remove some",
    ),
    "issue_comment_title": ("Hasil pemeriksaan formulir booth", "Booth form check"),
    "issue_comment_ok": (
        "Booth {slug} siap: {products} produk dan {photos} foto. Panitia akan memeriksa pull "
        "request-nya sebelum booth tampil di situs.",
        "The booth {slug} is ready: {products} product(s) and {photos} photo(s). An organiser will "
        "review its pull request before the booth appears on the site.",
    ),
    "issue_comment_failed": (
        "Formulir ini belum bisa dijadikan booth: {errors} hal perlu diperbaiki. Tekan ··· lalu "
        "Edit pada issue ini, perbaiki bagian yang disebut di bawah, lalu simpan; pemeriksaan "
        "berjalan lagi otomatis.",
        "This form cannot become a booth yet: {errors} thing(s) to fix. Press ··· then Edit on this "
        "issue, fix the parts named below and save; the check runs again by itself.",
    ),
    "issue_comment_pull_request": ("Pull request: {url}", "Pull request: {url}"),
    "issue_not_a_form": (
        "isi issue ini bukan formulir booth (tidak ada bagian \"### Nama usaha\"). Buat issue baru "
        "dengan formulir \"Daftar booth / Ubah booth\"",
        "this issue is not the booth form (no \"### Nama usaha\" part). Open a new issue with the "
        "\"Daftar booth / Ubah booth\" form",
    ),
}
