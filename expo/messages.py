"""Every text a content problem can show, in Indonesian (first) and English.

Each message says what is wrong, then how to fix it, in words an UMKM owner editing a file in
GitHub's web editor can act on. Tests pin these texts, so change them on purpose only.
"""

from __future__ import annotations

from typing import Mapping

LANGUAGES = ("id", "en")

MESSAGES: dict[str, tuple[str, str]] = {
    # --- report framing
    "label_warning": ("peringatan", "warning"),
    "report_group": ("{group}", "{group}"),
    "report_summary_failed": (
        "{errors} kesalahan, {warnings} peringatan. Perbaiki kesalahan di atas, lalu jalankan lagi. "
        "Situs lama di output/ tidak diubah.",
        "{errors} error(s), {warnings} warning(s). Fix the errors above, then run again. "
        "The previous site in output/ was left untouched.",
    ),
    "report_summary_ok": (
        "Semua data valid ({warnings} peringatan).",
        "All content is valid ({warnings} warning(s)).",
    ),
    # --- the folder and the file
    "folder_slug": (
        'nama folder "{slug}" tidak bisa dipakai sebagai alamat booth. Ganti nama folder dengan '
        'huruf kecil, angka dan tanda hubung saja, misalnya "{suggestion}"',
        'the folder name "{slug}" cannot be used as a booth address. Rename the folder using '
        'lowercase letters, digits and hyphens only, for example "{suggestion}"',
    ),
    "yaml_missing": (
        "file exhibitor.yml tidak ada. Tambahkan exhibitor.yml ke folder ini "
        "(contoh lengkap: invoke new-exhibitor <nama-folder>)",
        "exhibitor.yml is missing. Add exhibitor.yml to this folder "
        "(a full example: invoke new-exhibitor <folder-name>)",
    ),
    "yaml_encoding": (
        "file tidak tersimpan sebagai UTF-8 (byte ke-{offset}). Simpan ulang file dengan encoding UTF-8",
        "the file is not saved as UTF-8 (byte {offset}). Save the file again with UTF-8 encoding",
    ),
    "yaml_too_large": (
        "file terlalu besar ({size} KB, maksimum {limit} KB). Persingkat teksnya; cerita panjang "
        "taruh di about.md",
        "the file is too large ({size} KB, at most {limit} KB). Shorten the text; put a long story "
        "in about.md",
    ),
    "yaml_syntax": (
        "YAML tidak bisa dibaca di kolom {column}: {problem}. Periksa titik dua setelah nama kolom, "
        "tanda kutip yang belum ditutup, dan indentasi (pakai spasi, bukan tab)",
        "the YAML cannot be read at column {column}: {problem}. Check the colon after each field "
        "name, unclosed quotes, and indentation (spaces, not tabs)",
    ),
    "yaml_tag": (
        "tag YAML {tag} tidak diperbolehkan. Hapus tag itu dan tulis nilainya saja",
        "the YAML tag {tag} is not allowed. Remove the tag and write the plain value",
    ),
    "yaml_alias": (
        "anchor/alias YAML (& dan *) tidak diperbolehkan. Tulis nilainya lengkap di setiap tempat",
        "YAML anchors/aliases (& and *) are not allowed. Write the value out in full each time",
    ),
    "yaml_not_mapping": (
        "isi file harus berupa daftar kolom seperti \"name: Batik Sari\". Mulailah dari contoh "
        "invoke new-exhibitor <nama-folder>",
        "the file must be a list of fields such as \"name: Batik Sari\". Start from the example "
        "invoke new-exhibitor <folder-name>",
    ),
    "yaml_duplicate_key": (
        'kolom "{key}" ditulis dua kali (juga di baris {first_line}). Hapus salah satunya',
        'the field "{key}" is written twice (also on line {first_line}). Remove one of them',
    ),
    "text_encoding": (
        "file tidak tersimpan sebagai UTF-8 (byte ke-{offset}). Simpan ulang file dengan encoding UTF-8",
        "the file is not saved as UTF-8 (byte {offset}). Save the file again with UTF-8 encoding",
    ),
    "text_file_too_large": (
        "file terlalu besar ({size} KB, maksimum {limit} KB). Persingkat ceritanya",
        "the file is too large ({size} KB, at most {limit} KB). Shorten the story",
    ),
    # --- fields
    "unknown_field_hint": (
        'kolom "{key}" tidak dikenal. Maksud Anda "{suggestion}"?',
        'unknown field "{key}". Did you mean "{suggestion}"?',
    ),
    "unknown_field": (
        'kolom "{key}" tidak dikenal. Hapus atau perbaiki ejaannya; kolom yang bisa dipakai: {known}',
        'unknown field "{key}". Remove it or fix the spelling; the fields you can use: {known}',
    ),
    "required": (
        'wajib diisi. Tambahkan baris "{key}: ..."',
        'is required. Add a line "{key}: ..."',
    ),
    "empty": (
        "tidak boleh kosong. Isi dengan teks, atau hapus barisnya kalau tidak dipakai",
        "must not be empty. Fill it in, or remove the line if you do not use it",
    ),
    "expected_text": (
        "harus berupa teks, bukan {actual}. Tulis teksnya, pakai tanda kutip kalau perlu",
        "must be text, not {actual}. Write the text, in quotes if needed",
    ),
    "expected_list": (
        'harus berupa daftar, bukan {actual}. Tulis setiap isi di baris sendiri diawali "- "',
        'must be a list, not {actual}. Write each item on its own line starting with "- "',
    ),
    "expected_mapping": (
        'harus berupa daftar kolom seperti "nama: nilai", bukan {actual}',
        'must be a set of fields like "name: value", not {actual}',
    ),
    "text_too_long": (
        "terlalu panjang ({length} karakter, maksimum {limit}). Persingkat teksnya",
        "too long ({length} characters, at most {limit}). Shorten the text",
    ),
    "text_one_line": (
        "harus satu baris. Hapus baris baru di dalam teks",
        "must be a single line. Remove the line breaks inside the text",
    ),
    "list_empty": (
        "daftar kosong. Isi paling sedikit satu, diawali \"- \"",
        "the list is empty. Give at least one item, starting with \"- \"",
    ),
    "list_too_long": (
        "terlalu banyak isi ({count}, maksimum {limit}). Kurangi isinya",
        "too many items ({count}, at most {limit}). Remove some",
    ),
    "category_unknown_hint": (
        '"{value}" bukan kategori yang dikenal. Maksud Anda "{suggestion}"? Pilihan: {choices}',
        '"{value}" is not a known category. Did you mean "{suggestion}"? Choices: {choices}',
    ),
    "category_unknown": (
        '"{value}" bukan kategori yang dikenal. Pilih salah satu: {choices}',
        '"{value}" is not a known category. Pick one of: {choices}',
    ),
    "owner_invalid": (
        '"{value}" bukan nama pengguna GitHub yang valid. Tulis nama pengguna saja, tanpa @ dan '
        "tanpa alamat, misalnya sari-batik",
        '"{value}" is not a valid GitHub username. Write the username only, without @ or an '
        "address, for example sari-batik",
    ),
    "contact_required": (
        "isi whatsapp atau marketplaces agar pengunjung bisa memesan. Tambahkan baris "
        '"whatsapp: 0812-3456-7890" atau daftar toko online di "marketplaces"',
        "give whatsapp or marketplaces so visitors can order. Add a line "
        '"whatsapp: 0812-3456-7890" or a list of online shops under "marketplaces"',
    ),
    "phone_unparseable": (
        '"{value}" bukan nomor telepon. Tulis nomor WhatsApp seperti 0812-3456-7890 atau '
        "+62 812 3456 7890",
        '"{value}" is not a phone number. Write the WhatsApp number like 0812-3456-7890 or '
        "+62 812 3456 7890",
    ),
    "phone_not_indonesian": (
        '"{value}" bukan nomor Indonesia. Tulis nomor WhatsApp Indonesia seperti 0812-3456-7890',
        '"{value}" is not an Indonesian number. Write an Indonesian WhatsApp number like '
        "0812-3456-7890",
    ),
    "phone_invalid": (
        '"{value}" bukan nomor yang valid (jumlah angka atau awalannya salah). Periksa lagi '
        "nomornya, misalnya 0812-3456-7890",
        '"{value}" is not a valid number (wrong length or prefix). Check the number, for example '
        "0812-3456-7890",
    ),
    "phone_not_mobile": (
        '"{value}" tampaknya nomor telepon rumah/kantor, bukan nomor HP. WhatsApp biasanya memakai '
        "nomor HP (08...); pastikan nomor ini terdaftar di WhatsApp",
        '"{value}" looks like a landline, not a mobile number. WhatsApp usually uses a mobile '
        "number (08...); make sure this number is registered on WhatsApp",
    ),
    "url_scheme": (
        '"{value}" bukan alamat web yang diizinkan. Tulis alamat lengkap yang diawali https://',
        '"{value}" is not an allowed web address. Write the full address starting with https://',
    ),
    "url_invalid": (
        '"{value}" bukan alamat web yang lengkap. Salin alamatnya dari browser, misalnya '
        "https://www.tokopedia.com/namatoko",
        '"{value}" is not a complete web address. Copy the address from the browser, for example '
        "https://www.tokopedia.com/shopname",
    ),
    "email_invalid": (
        '"{value}" bukan alamat email. Tulis seperti nama@contoh.com',
        '"{value}" is not an email address. Write it like name@example.com',
    ),
    "handle_invalid": (
        '"{value}" bukan nama akun {network} yang valid. Tulis nama akunnya saja (misalnya '
        "@batiksari) atau alamat lengkap profilnya",
        '"{value}" is not a valid {network} account. Write the account name only (for example '
        "@batiksari) or the full profile address",
    ),
    "marketplace_bukalapak": (
        "Bukalapak berhenti menjual barang fisik sejak 2025, jadi tautan ini mungkin tidak bisa "
        "dipakai untuk memesan. Ganti dengan toko di marketplace lain",
        "Bukalapak stopped selling physical goods in 2025, so this link may not work for orders. "
        "Replace it with a shop on another marketplace",
    ),
    "marketplace_duplicate": (
        "alamat ini sudah ada di daftar. Hapus yang ganda",
        "this address is already in the list. Remove the duplicate",
    ),
    "video_host": (
        '"{value}" bukan video YouTube atau Vimeo. Unggah video ke YouTube atau Vimeo, lalu '
        "salin alamatnya (misalnya https://youtu.be/...)",
        '"{value}" is not a YouTube or Vimeo video. Upload the video to YouTube or Vimeo, then '
        "copy its address (for example https://youtu.be/...)",
    ),
    "video_id": (
        '"{value}" tidak memuat kode video yang lengkap. Salin ulang alamatnya dari tombol '
        '"Bagikan" di YouTube atau Vimeo',
        '"{value}" does not contain a complete video id. Copy the address again from the '
        '"Share" button on YouTube or Vimeo',
    ),
    "price_invalid": (
        '"{value}" bukan harga yang valid. Tulis harga dalam Rupiah sebagai angka bulat tanpa '
        "titik dan tanpa Rp, misalnya 150000",
        '"{value}" is not a valid price. Write the price in Rupiah as a whole number without dots '
        "or Rp, for example 150000",
    ),
    "price_max_without_price": (
        'price_max perlu price. Tambahkan "price:" dengan harga terendah',
        'price_max needs price. Add "price:" with the lowest price',
    ),
    "price_max_below": (
        "harga tertinggi ({price_max}) lebih kecil dari harga ({price}). Tukar kedua angka atau "
        "hapus price_max",
        "the highest price ({price_max}) is below price ({price}). Swap the two numbers or remove "
        "price_max",
    ),
    "product_duplicate_name": (
        'produk "{name}" sudah ada di baris {first_line}. Beri nama yang berbeda',
        'the product "{name}" already exists on line {first_line}. Give it a different name',
    ),
    "product_duplicate_slug": (
        'nama produk "{name}" menghasilkan alamat yang sama dengan "{other}" (baris {first_line}): '
        "{slug}. Bedakan namanya",
        'the product name "{name}" gives the same address as "{other}" (line {first_line}): '
        "{slug}. Make the names differ",
    ),
    "product_name_no_slug": (
        '"{value}" tidak menghasilkan alamat halaman. Pakai paling sedikit satu huruf atau angka',
        '"{value}" does not give a page address. Use at least one letter or digit',
    ),
    "photo_path": (
        '"{value}" bukan nama file di folder ini. Simpan foto di folder exhibitors/{slug}/ dan '
        "tulis nama filenya saja, tanpa / atau ..",
        '"{value}" is not a file name in this folder. Put the photo in exhibitors/{slug}/ and '
        "write its file name only, without / or ..",
    ),
    "photo_type": (
        '"{value}" bukan jenis foto yang didukung. Pakai .jpg, .jpeg, .png, .webp atau .heic',
        '"{value}" is not a supported photo type. Use .jpg, .jpeg, .png, .webp or .heic',
    ),
    "photo_missing_hint": (
        'foto "{value}" tidak ada di folder ini. Maksud Anda "{suggestion}"? (huruf besar/kecil '
        "dibedakan)",
        'the photo "{value}" is not in this folder. Did you mean "{suggestion}"? (upper and lower '
        "case differ)",
    ),
    "photo_missing": (
        'foto "{value}" tidak ada di folder ini. Unggah fotonya ke exhibitors/{slug}/ atau '
        "perbaiki namanya",
        'the photo "{value}" is not in this folder. Upload it to exhibitors/{slug}/ or fix the '
        "name",
    ),
    "photo_outside": (
        '"{value}" menunjuk ke luar folder ini. Ganti dengan file foto biasa di folder ini',
        '"{value}" points outside this folder. Replace it with a plain photo file in this folder',
    ),
    "photo_too_large": (
        'foto "{value}" terlalu besar ({size} MB, maksimum {limit} MB). Perkecil fotonya atau '
        "kirim ulang dari HP dengan ukuran lebih kecil",
        'the photo "{value}" is too large ({size} MB, at most {limit} MB). Make it smaller or '
        "send it again from the phone at a smaller size",
    ),
    "photo_too_many_pixels": (
        'foto "{value}" terlalu besar ({megapixels} megapiksel, maksimum {limit}). Perkecil '
        "ukuran fotonya",
        'the photo "{value}" is too big ({megapixels} megapixels, at most {limit}). Resize it',
    ),
    "photo_unreadable": (
        'foto "{value}" rusak atau bukan foto. Simpan ulang atau ekspor ulang fotonya dari HP '
        "atau aplikasi edit foto, lalu unggah lagi",
        'the photo "{value}" is damaged or not a photo. Save or export it again from the phone '
        "or photo editor, then upload it again",
    ),
    "photo_broken": (
        'foto "{value}" rusak: bagian awalnya terbaca, tetapi isinya terpotong atau cacat '
        "({detail}). Simpan ulang atau ekspor ulang fotonya dari HP atau aplikasi edit foto, lalu "
        "unggah lagi",
        'the photo "{value}" is damaged: its start reads fine but the picture is cut off or corrupt '
        "({detail}). Save or export it again from the phone or photo editor, then upload it again",
    ),
    "date_invalid": (
        '"{value}" bukan tanggal. Tulis seperti 2026-11-01 (tahun-bulan-tanggal)',
        '"{value}" is not a date. Write it like 2026-11-01 (year-month-day)',
    ),
    "featured_unknown": (
        'booth "{value}" di EXPO_FEATURED tidak ada di folder exhibitors/. Perbaiki nama foldernya',
        'the booth "{value}" in EXPO_FEATURED is not a folder in exhibitors/. Fix the folder name',
    ),
}


def render(key: str, lang: str, params: Mapping[str, object]) -> str:
    """The message `key` in `lang` ('id' or 'en'), filled with `params`."""
    texts = MESSAGES[key]
    text = texts[1] if lang == "en" else texts[0]
    return text.format(**params)
