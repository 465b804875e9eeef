"""Texts of `invoke import-csv`, Indonesian first, merged into `messages.MESSAGES`.

They live apart from messages.py so the exhibitor.yml texts stay short to read; the keys must
not clash with those (a test checks). Each says what is wrong in the spreadsheet and how to
fix it there: the people importing use Excel or Google Sheets, not YAML.
"""

from __future__ import annotations

IMPORT_MESSAGES: dict[str, tuple[str, str]] = {
    # --- the file as a whole
    "csv_encoding": (
        "file tidak tersimpan sebagai CSV UTF-8 (baris {row}). Simpan ulang: di Excel pilih File → "
        'Simpan Sebagai → "CSV UTF-8 (Dipisahkan koma)"; di Google Sheets pilih File → Download → '
        '"Nilai yang dipisahkan koma (.csv)"',
        "the file is not saved as UTF-8 CSV (row {row}). Save it again: in Excel choose File → "
        'Save As → "CSV UTF-8 (Comma delimited)"; in Google Sheets choose File → Download → '
        '"Comma-separated values (.csv)"',
    ),
    "csv_is_workbook": (
        "ini file Excel (.xlsx), bukan CSV. Buka di Excel, pilih File → Simpan Sebagai → "
        '"CSV UTF-8 (Dipisahkan koma)", lalu impor file .csv itu',
        'this is an Excel workbook (.xlsx), not a CSV file. Open it in Excel, choose File → Save As → '
        '"CSV UTF-8 (Comma delimited)", then import that .csv file',
    ),
    "csv_too_large": (
        "file terlalu besar ({size} MB, maksimum {limit} MB). Bagi menjadi beberapa file CSV",
        "the file is too large ({size} MB, at most {limit} MB). Split it into several CSV files",
    ),
    "csv_unreadable": (
        "file CSV tidak bisa dibaca ({problem}). Ekspor ulang dari spreadsheet sebagai CSV UTF-8",
        "the CSV file cannot be read ({problem}). Export it again from the spreadsheet as UTF-8 CSV",
    ),
    "csv_empty": (
        "file CSV kosong. Ekspor ulang dari spreadsheet; baris pertama berisi judul kolom",
        "the CSV file is empty. Export it again from the spreadsheet; the first row holds the "
        "column names",
    ),
    "csv_no_rows": (
        "file CSV hanya berisi judul kolom. Isi satu baris per produk di bawah judul",
        "the CSV file holds only the column names. Add one row per product below them",
    ),
    # --- the header row
    "csv_column_missing": (
        'kolom {column} tidak ada di baris judul. Tambahkan kolom itu, misalnya "{example}"; nama '
        "kolom lain yang bisa dipakai ada di docs/import-csv.md",
        'the column {column} is missing from the header row. Add it, for example "{example}"; other '
        "column names you can use are in docs/import-csv.md",
    ),
    "csv_owners_missing": (
        "kolom owners (nama pengguna GitHub pemilik booth) tidak ada. Tambahkan kolom itu, atau "
        "jalankan impor dengan --owner <nama-pengguna-github> untuk semua booth",
        "the owners column (GitHub usernames of the booth owners) is missing. Add it, or run the "
        "import with --owner <github-username> for every booth",
    ),
    "csv_column_duplicate": (
        'kolom ini dan kolom "{first}" sama-sama berarti {column}. Hapus atau ganti nama salah satunya',
        'this column and the column "{first}" both mean {column}. Remove or rename one of them',
    ),
    "csv_column_unknown_hint": (
        "kolom ini tidak dikenal dan dilewati. Maksud Anda {suggestion}?",
        "unknown column, skipped. Did you mean {suggestion}?",
    ),
    "csv_column_unknown": (
        "kolom ini tidak dikenal dan dilewati. Nama kolom yang bisa dipakai ada di docs/import-csv.md",
        "unknown column, skipped. The column names you can use are in docs/import-csv.md",
    ),
    "csv_extra_cells": (
        "baris ini punya {count} sel, padahal judulnya hanya {columns} kolom. Biasanya ada koma "
        "atau titik koma di dalam isi sel; ekspor ulang dari spreadsheet agar isinya diberi tanda kutip",
        "this row has {count} cells but the header only {columns} columns. Usually a comma or "
        "semicolon inside a value; export again from the spreadsheet so values get quotes",
    ),
    # --- cells
    "cell_required": (
        "wajib diisi. Isi sel ini di spreadsheet",
        "is required. Fill in this cell in the spreadsheet",
    ),
    "owners_missing": (
        "belum ada nama pengguna GitHub pemilik booth. Isi sel ini (pisahkan dengan koma kalau "
        "lebih dari satu), atau jalankan impor dengan --owner <nama-pengguna-github>",
        "no GitHub username of the booth owner. Fill in this cell (comma-separated for several), "
        "or run the import with --owner <github-username>",
    ),
    "contact_missing": (
        "isi nomor WhatsApp atau alamat toko online (marketplaces) di salah satu baris booth ini, "
        "agar pengunjung bisa memesan",
        "give a WhatsApp number or an online shop address (marketplaces) on one row of this booth, "
        "so visitors can order",
    ),
    "booth_conflict": (
        'isinya "{value}" berbeda dengan baris {first_row} ("{first}") untuk booth yang sama. '
        "Samakan isinya di semua baris booth ini, atau kosongkan sel ini",
        'it says "{value}" but row {first_row} of the same booth says "{first}". Make the rows of '
        "this booth agree, or leave this cell empty",
    ),
    "booth_exists": (
        "folder exhibitors/{slug}/ sudah ada, jadi booth ini tidak ditulis. Jalankan lagi dengan "
        "--update untuk mengganti exhibitor.yml-nya, atau beri booth ini slug lain",
        "the folder exhibitors/{slug}/ already exists, so this booth was not written. Run again "
        "with --update to replace its exhibitor.yml, or give the booth another slug",
    ),
    "booth_not_a_folder": (
        "exhibitors/{slug} sudah ada tetapi bukan folder biasa (misalnya tautan/symlink), jadi "
        "impor tidak menulis ke sana. Panitia: periksa isinya, atau beri booth ini slug lain",
        "exhibitors/{slug} exists but is not a plain folder (for example a link/symlink), so the "
        "import does not write there. Organisers: check it, or give this booth another slug",
    ),
    "import_write_failed": (
        "folder exhibitors/{slug}/ tidak bisa ditulis ({problem}). Periksa izin folder dan ruang "
        "disk, lalu impor lagi",
        "the folder exhibitors/{slug}/ could not be written ({problem}). Check the folder's "
        "permissions and the free disk space, then import again",
    ),
    "booth_no_products": (
        "booth ini belum punya produk. Isi nama produk paling sedikit di satu baris booth ini",
        "this booth has no product. Fill in a product name on at least one row of this booth",
    ),
    "slug_invalid": (
        '"{value}" tidak bisa dipakai sebagai alamat booth. Pakai huruf kecil, angka dan tanda '
        'hubung saja, misalnya "{suggestion}"',
        '"{value}" cannot be used as a booth address. Use lowercase letters, digits and hyphens '
        'only, for example "{suggestion}"',
    ),
    "name_no_slug": (
        '"{value}" tidak menghasilkan alamat booth. Tambahkan kolom slug dengan alamat yang '
        'diinginkan, misalnya "batik-sari"',
        '"{value}" does not give a booth address. Add a slug column with the address you want, '
        'for example "batik-sari"',
    ),
    "product_duplicate_row": (
        'produk "{name}" sudah ada di baris {first_row} untuk booth ini. Beri nama yang berbeda, '
        "atau hapus salah satu baris",
        'the product "{name}" is already on row {first_row} for this booth. Give it a different '
        "name, or remove one of the rows",
    ),
    "csv_too_many_products": (
        "booth ini punya lebih dari {limit} produk; baris ini dan baris berikutnya untuk booth ini "
        "tidak dibaca. Pilih paling banyak {limit} produk untuk katalog dan hapus baris lainnya",
        "this booth has more than {limit} products; this row and the booth's later rows were not "
        "read. Choose at most {limit} products for the catalog and remove the other rows",
    ),
    "price_text_invalid": (
        '"{value}" bukan harga yang bisa dibaca. Tulis misalnya 150000, 150.000, Rp150.000 atau '
        "Rp150.000 - Rp200.000; kosongkan kalau harga tidak ditampilkan",
        '"{value}" is not a price we can read. Write for example 150000, 150.000, Rp150.000 or '
        "Rp150.000 - Rp200.000; leave it empty to show no price",
    ),
    "price_range_and_max": (
        'kolom harga sudah berisi rentang ("{value}"). Kosongkan harga maksimal, atau tulis satu '
        "harga saja di kolom harga",
        'the price column already holds a range ("{value}"). Leave the highest price empty, or '
        "write a single price in the price column",
    ),
    "excel_scientific": (
        'Excel mengubah angka ini menjadi "{value}" sehingga angkanya hilang. Format kolom itu '
        "sebagai Teks di Excel (atau ketik tanda ' di depan angka), isi ulang, lalu ekspor lagi",
        'Excel turned this number into "{value}" and lost its digits. Format the column as Text in '
        "Excel (or type ' before the number), enter it again, then export again",
    ),
    "photo_url": (
        '"{value}" adalah alamat web, bukan nama file. Unduh fotonya (misalnya dari Google Drive) '
        "ke folder {photos}, lalu tulis nama filenya, misalnya kain-batik.jpg",
        '"{value}" is a web address, not a file name. Download the photo (for example from Google '
        "Drive) into the folder {photos}, then write its file name, for example kain-batik.jpg",
    ),
    "photo_name_path": (
        '"{value}" harus nama file saja, tanpa folder, / atau .. (misalnya kain-batik.jpg). '
        "Taruh fotonya langsung di folder {photos}",
        '"{value}" must be a file name only, without a folder, / or .. (for example '
        "kain-batik.jpg). Put the photo directly in the folder {photos}",
    ),
    "photo_not_found": (
        'foto "{value}" tidak ada di folder {photos}. Periksa ejaan nama file (termasuk .jpg) '
        "atau salin fotonya ke folder itu",
        'the photo "{value}" is not in the folder {photos}. Check the spelling of the file name '
        "(including .jpg) or copy the photo into that folder",
    ),
    "photo_not_found_hint": (
        'foto "{value}" tidak ada di folder {photos}. Maksud Anda "{suggestion}"? (huruf besar/kecil '
        "dibedakan)",
        'the photo "{value}" is not in the folder {photos}. Did you mean "{suggestion}"? (upper and '
        "lower case differ)",
    ),
    "photo_not_found_type_hint": (
        'foto "{value}" tidak ada di folder {photos}. Maksud Anda "{suggestion}"? (nama dan jenis '
        "file, misalnya .jpg atau .HEIC, harus sama persis)",
        'the photo "{value}" is not in the folder {photos}. Did you mean "{suggestion}"? (the name '
        "and the file type, for example .jpg or .HEIC, must match exactly)",
    ),
    "photo_link_outside": (
        '"{value}" di folder {photos} adalah tautan (symlink) ke luar folder itu. Salin file '
        "fotonya sendiri ke folder itu",
        '"{value}" in the folder {photos} is a link (symlink) pointing outside it. Copy the photo '
        "file itself into that folder",
    ),
    "update_control_change": (
        'baris ini mengubah {field} booth exhibitors/{slug}/ dari "{old}" menjadi "{new}", jadi '
        "booth ini tidak diperbarui: {field} menentukan siapa yang menguasai booth. Kalau "
        "perubahan ini benar (sudah dipastikan dengan pemilik booth), jalankan lagi dengan "
        "--allow-owner-change",
        'this row changes the {field} of the booth exhibitors/{slug}/ from "{old}" to "{new}", so '
        "the booth was not updated: {field} decides who controls the booth. If the change is "
        "right (checked with the booth's owner), run again with --allow-owner-change",
    ),
    "update_control_changed": (
        '{field} booth exhibitors/{slug}/ diubah dari "{old}" menjadi "{new}" '
        "(diizinkan dengan --allow-owner-change)",
        'the {field} of the booth exhibitors/{slug}/ changes from "{old}" to "{new}" '
        "(allowed by --allow-owner-change)",
    ),
    # --- the summary
    "import_written": (
        "Ditulis: exhibitors/{slug}/ ({products} produk, {photos} foto baru)",
        "Written: exhibitors/{slug}/ ({products} product(s), {photos} new photo(s))",
    ),
    "import_updated": (
        "Diperbarui: exhibitors/{slug}/ ({products} produk, {photos} foto baru)",
        "Updated: exhibitors/{slug}/ ({products} product(s), {photos} new photo(s))",
    ),
    "import_ready": (
        "Siap ditulis: exhibitors/{slug}/ ({products} produk, {photos} foto baru)",
        "Ready to write: exhibitors/{slug}/ ({products} product(s), {photos} new photo(s))",
    ),
    "import_summary": (
        "{written} booth ditulis, {skipped} booth tidak ditulis ({errors} kesalahan, {warnings} "
        "peringatan).",
        "{written} booth(s) written, {skipped} booth(s) not written ({errors} error(s), {warnings} "
        "warning(s)).",
    ),
    "import_summary_dry_run": (
        "Uji coba (--dry-run), tidak ada yang ditulis: {written} booth siap, {skipped} booth "
        "bermasalah ({errors} kesalahan, {warnings} peringatan).",
        "Dry run (--dry-run), nothing written: {written} booth(s) ready, {skipped} booth(s) with "
        "problems ({errors} error(s), {warnings} warning(s)).",
    ),
    "import_fix_hint": (
        "Perbaiki sel yang disebut di atas di spreadsheet (angka setelah nama file = nomor baris), "
        "simpan lagi sebagai CSV UTF-8, lalu impor lagi. Booth yang sudah ditulis perlu --update.",
        "Fix the cells named above in the spreadsheet (the number after the file name is the row "
        "number), save again as UTF-8 CSV, then import again. Booths already written need --update.",
    ),
}
