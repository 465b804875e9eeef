"""Every text a content problem can show, in Indonesian (first) and English.

Each message says what is wrong, then how to fix it, in words an UMKM owner editing a file in
GitHub's web editor can act on. Tests pin these texts, so change them on purpose only.
"""

from __future__ import annotations

from typing import Mapping

from expo.text.escape import MAX_ECHO, printable

MESSAGES: dict[str, tuple[str, str]] = {
    # --- report framing
    "label_warning": ("peringatan", "warning"),
    "report_group": ("{group}", "{group}"),
    "report_summary_failed": (
        "{errors} kesalahan, {warnings} peringatan. Perbaiki kesalahan di atas, lalu jalankan lagi.",
        "{errors} error(s), {warnings} warning(s). Fix the errors above, then run again.",
    ),
    "build_site_kept": (
        "Situs lama di output/ tidak diubah.",
        "The previous site in output/ was left untouched.",
    ),
    "report_more": (
        "... dan {count} masalah lain di {path} yang tidak ditampilkan. Perbaiki yang di atas "
        "dulu, lalu jalankan lagi",
        "... and {count} more problem(s) in {path}, not shown. Fix the ones above first, then run "
        "again",
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
    "folder_case_collision": (
        'folder "{slug}" hanya berbeda huruf besar/kecil dengan folder booth "{other}" yang sudah ada; '
        "di Windows dan macOS keduanya folder yang sama. Kalau ini booth Anda, ubah file di folder "
        '{other}; kalau booth baru, pakai nama lain, misalnya "{suggestion}"',
        'the folder "{slug}" differs only in upper/lower case from the existing booth folder "{other}"; '
        "on Windows and macOS they are the same folder. If this is your booth, change the files in "
        '{other}; if it is a new booth, use another name, for example "{suggestion}"',
    ),
    "folder_link": (
        'folder "{slug}" adalah tautan (symlink) ke tempat lain. Ganti dengan folder biasa yang '
        "berisi exhibitor.yml dan foto",
        'the folder "{slug}" is a link (symlink) to somewhere else. Replace it with a plain folder '
        "holding exhibitor.yml and the photos",
    ),
    "yaml_missing": (
        "file exhibitor.yml tidak ada. Tambahkan exhibitor.yml ke folder ini "
        "(contoh lengkap: invoke new-exhibitor <nama-folder>)",
        "exhibitor.yml is missing. Add exhibitor.yml to this folder "
        "(a full example: invoke new-exhibitor <folder-name>)",
    ),
    "yaml_link": (
        "exhibitor.yml adalah tautan (symlink) ke file lain, jadi tidak dibaca. Ganti dengan file "
        "exhibitor.yml biasa yang isinya ditulis langsung di folder ini",
        "exhibitor.yml is a link (symlink) to another file, so it is not read. Replace it with a "
        "plain exhibitor.yml written in this folder",
    ),
    "about_link": (
        "{name} adalah tautan (symlink) ke file lain, jadi tidak dibaca. Ganti dengan file {name} "
        "biasa yang isinya ditulis langsung di folder ini",
        "{name} is a link (symlink) to another file, so it is not read. Replace it with a plain "
        "{name} written in this folder",
    ),
    "booth_stray_file": (
        'file "{name}" tidak boleh ada di folder booth: folder booth hanya berisi exhibitor.yml, '
        "about.md, about.en.md dan foto (.jpg .jpeg .png .webp .heic). Hapus file ini dari "
        "folder booth",
        'the file "{name}" may not be in a booth folder: a booth folder holds only exhibitor.yml, '
        "about.md, about.en.md and photos (.jpg .jpeg .png .webp .heic). Remove this file from the "
        "booth folder",
    ),
    "booth_stray_folder": (
        'folder "{name}" tidak boleh ada di dalam folder booth: foto dan file booth disimpan '
        "langsung di folder booth. Pindahkan foto yang dipakai ke folder booth, lalu hapus folder "
        "ini",
        'the folder "{name}" may not be inside a booth folder: photos and booth files sit directly '
        "in the booth folder. Move the photos you use up into the booth folder, then remove this "
        "folder",
    ),
    "yaml_misnamed": (
        "file ini tidak dibaca karena namanya harus persis exhibitor.yml (huruf kecil, .yml). "
        "Ganti namanya: {found} menjadi {wanted}",
        "this file is not read because its name must be exactly exhibitor.yml (lower case, .yml). "
        "Rename it: {found} to {wanted}",
    ),
    "yaml_loose": (
        "file ini tidak dibaca: setiap booth adalah sebuah folder yang berisi exhibitor.yml. "
        "Pindahkan {found} menjadi {wanted} (di GitHub: ubah nama file menjadi {rename})",
        "this file is not read: every booth is a folder holding exhibitor.yml. Move {found} to "
        "{wanted} (on GitHub: rename the file to {rename})",
    ),
    "folder_case": (
        "folder ini tidak dibaca karena nama folder induknya harus huruf kecil. Pindahkan {found} "
        "menjadi {wanted}",
        "this folder is not read because the parent folder's name must be lower case. Move "
        "{found} to {wanted}",
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
        "YAML tidak bisa dibaca di baris {line}, huruf ke-{column}: {problem}",
        "the YAML cannot be read on line {line}, character {column}: {problem}",
    ),
    "yaml_syntax_unplaced": (
        "YAML tidak bisa dibaca. Periksa titik dua dan spasi setelah nama kolom, tanda kutip yang "
        "belum ditutup, dan indentasi (pakai spasi, bukan tab)",
        "the YAML cannot be read. Check the colon and the space after each field name, unclosed "
        "quotes, and indentation (spaces, not tabs)",
    ),
    "yaml_too_deep": (
        "isian bertingkat terlalu dalam (lebih dari {limit} tingkat). Periksa tanda kurung [ ] dan "
        "{{ }} serta indentasi",
        "values are nested too deep (more than {limit} levels). Check the [ ] and {{ }} brackets "
        "and the indentation",
    ),
    "yaml_control_character": (
        "ada karakter tak terlihat ({code}), biasanya dari teks yang disalin dari PDF atau Word. "
        "Ketik ulang baris ini",
        "there is an invisible character ({code}), usually from text copied out of a PDF or Word. "
        "Type this line again",
    ),
    # libyaml's most common complaints, in words an exhibitor can act on
    "yaml_problem_token": (
        'teks yang diawali @, `, %, | atau > harus diberi tanda kutip, misalnya instagram: "@batiksari"',
        'text starting with @, `, %, | or > must be in quotes, for example instagram: "@batiksari"',
    ),
    "yaml_problem_tab": (
        "ada karakter tab; pakai spasi untuk indentasi",
        "there is a tab character; indent with spaces",
    ),
    "yaml_problem_colon": (
        'ada titik dua (:) di tengah teks; beri tanda kutip pada teksnya, misalnya tagline: "Batik: '
        'warisan keluarga"',
        'there is a colon (:) inside the text; put the text in quotes, for example tagline: "Batik: '
        'a family heritage"',
    ),
    "yaml_problem_missing_colon": (
        "tidak ada titik dua (:) setelah nama kolom. Tulis nama kolom, titik dua, spasi, lalu "
        "isinya, misalnya city: Kabupaten Semarang",
        "a colon (:) is missing after the field name. Write the field name, a colon, a space, then "
        "the value, for example city: Kabupaten Semarang",
    ),
    "yaml_problem_colon_space": (
        "setelah titik dua (:) harus ada spasi. Tulis misalnya city: Kabupaten Semarang, bukan "
        "city:Kabupaten Semarang",
        "a colon (:) must be followed by a space. Write for example city: Kabupaten Semarang, not "
        "city:Kabupaten Semarang",
    ),
    "yaml_problem_unclosed_quote": (
        "tanda kutip atau kurung belum ditutup",
        "a quote or bracket is not closed",
    ),
    "yaml_problem_indent": (
        "indentasi (jumlah spasi di awal baris) tidak sejajar dengan baris sebelumnya. Samakan "
        "jumlah spasinya dengan kolom lain di tingkat yang sama",
        "the indentation (spaces at the start of the line) does not line up with the lines before. "
        "Use as many spaces as the other fields at the same level",
    ),
    "yaml_problem_text_indent": (
        "baris ini lanjutan teks di atasnya, tetapi spasinya di awal baris lebih sedikit. Tambahkan "
        "spasi sampai sejajar dengan baris teks di atasnya",
        "this line continues the text above it but starts with fewer spaces. Add spaces until it "
        "lines up with the text above",
    ),
    "yaml_problem_quote_then_text": (
        "ada teks lagi setelah tanda kutip penutup. Beri tanda kutip pada seluruh teks; kalau teksnya "
        "memuat tanda kutip dua, pakai kutip satu di luar, misalnya tagline: '\"Renyah!\" kata "
        "pelanggan'",
        "there is more text after the closing quote. Put the whole text in quotes; if it contains "
        "double quotes, use single quotes around it, for example tagline: '\"Renyah!\" kata "
        "pelanggan'",
    ),
    "yaml_problem_other": (
        "periksa titik dua dan spasi setelah nama kolom, tanda kutip yang belum ditutup, dan "
        "indentasi (pakai spasi, bukan tab)",
        "check the colon and the space after each field name, unclosed quotes, and indentation "
        "(spaces, not tabs)",
    ),
    "yaml_problem_bracket": (
        "kurung [ ] atau {{ }} belum ditutup, atau ada koma yang hilang",
        "a [ ] or {{ }} bracket is not closed, or a comma is missing",
    ),
    "yaml_problem_alias": (
        "teks yang diawali * atau & harus diberi tanda kutip",
        "text starting with * or & must be in quotes",
    ),
    "yaml_comment_cut": (
        'tanda # memotong teks ini: yang terbaca hanya "{value}", sedangkan "{rest}" dianggap '
        "catatan. Kalau # bagian dari teks, beri tanda kutip pada seluruh teks, misalnya "
        'name: "Keripik Tempe #1 Ambarawa"',
        'the # cuts this text: only "{value}" is read, and "{rest}" is taken as a note. If the # '
        'is part of the text, put the whole text in quotes, for example name: "Keripik Tempe #1 '
        'Ambarawa"',
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
        'kolom "{key}" tidak dikenal. Periksa ejaannya dengan kolom yang bisa dipakai: {known}',
        'unknown field "{key}". Check its spelling against the fields you can use: {known}',
    ),
    "field_alias_duplicate": (
        'kolom "{key}" berarti "{field}", yang sudah ditulis di baris {first_line}. Hapus salah '
        "satunya",
        'the field "{key}" means "{field}", which is already written on line {first_line}. Remove '
        "one of them",
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
    "text_bidi": (
        "ada karakter pengatur arah teks yang tak terlihat ({codes}); karakter ini membuat teks "
        "tampil terbalik atau berbeda dari aslinya. Ketik ulang teksnya",
        "there is an invisible text direction character ({codes}); it makes the text show "
        "reversed or different from what it is. Type the text again",
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
    "edition_unknown_hint": (
        '"{value}" bukan edisi expo yang dikenal. Maksud Anda "{suggestion}"? Pilihan: {choices}',
        '"{value}" is not a known edition of the expo. Did you mean "{suggestion}"? Choices: {choices}',
    ),
    "edition_unknown": (
        '"{value}" bukan edisi expo yang dikenal. Pilih dari: {choices}',
        '"{value}" is not a known edition of the expo. Pick from: {choices}',
    ),
    "edition_none": (
        'expo ini tidak punya daftar edisi (EXPO_EDITIONS), jadi "{value}" tidak bisa dipilih. Hapus '
        "editions dari exhibitor.yml, atau minta panitia menambahkan edisinya",
        'this expo has no list of editions (EXPO_EDITIONS), so "{value}" cannot be chosen. Remove '
        "editions from exhibitor.yml, or ask the organisers to add the edition",
    ),
    "edition_duplicate": (
        'edisi "{value}" tertulis dua kali; cukup sekali',
        'the edition "{value}" is listed twice; once is enough',
    ),
    "category_unknown": (
        '"{value}" bukan kategori yang dikenal. Pilih salah satu: {choices}',
        '"{value}" is not a known category. Pick one of: {choices}',
    ),
    "city_symbols": (
        '"{value}" memuat tanda atau simbol yang bukan bagian nama tempat. Tulis nama '
        "kabupaten/kotanya saja, misalnya Kota Pekalongan",
        '"{value}" contains signs or symbols that are not part of a place name. Write the name of '
        "the regency or city only, for example Kota Pekalongan",
    ),
    "city_unknown_hint": (
        '"{value}" tidak ada di daftar resmi kabupaten/kota. Maksud Anda "{suggestion}"?',
        '"{value}" is not in the official list of regencies and cities. Did you mean "{suggestion}"?',
    ),
    "city_ambiguous": (
        '"{value}" bisa berarti {choices}. Tulis salah satunya, agar booth Anda tampil di halaman '
        "kota yang benar",
        '"{value}" can mean {choices}. Write one of them, so your booth shows on the right city '
        "page",
    ),
    "city_unofficial": (
        '"{value}" bukan nama kabupaten/kota resmi. Tulis kabupaten atau kotanya, misalnya '
        '"Kabupaten Semarang" (bukan nama kecamatan atau desa), agar booth Anda tampil di halaman '
        "kota yang benar",
        '"{value}" is not an official regency or city name. Write the regency or city, for example '
        '"Kabupaten Semarang" (not a district or village), so your booth shows on the right city '
        "page",
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
    "example_whatsapp": (
        '"{value}" adalah nomor contoh dari invoke new-exhibitor, bukan nomor Anda: pesanan akan '
        "terkirim ke orang lain. Tulis nomor WhatsApp usaha Anda sendiri",
        '"{value}" is the example number from invoke new-exhibitor, not yours: orders would go to '
        "someone else. Write your business's own WhatsApp number",
    ),
    "example_owner": (
        '"{value}" adalah contoh dari invoke new-exhibitor. Tulis nama pengguna GitHub Anda sendiri '
        "(yang tampil di pojok kanan atas github.com)",
        '"{value}" is the example from invoke new-exhibitor. Write your own GitHub username (shown '
        "at the top right of github.com)",
    ),
    "example_product": (
        '"{value}" adalah nama produk contoh dari invoke new-exhibitor. Tulis nama produk Anda',
        '"{value}" is the example product name from invoke new-exhibitor. Write your product\'s name',
    ),
    "example_description": (
        'deskripsi ini masih memuat teks contoh "{value}" dari invoke new-exhibitor. Ganti dengan '
        "cerita produk Anda sendiri, atau hapus description",
        'this description still holds the example text "{value}" from invoke new-exhibitor. '
        "Replace it with your own product's story, or remove description",
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
    "url_punycode": (
        '"{value}": nama situs {host} memakai huruf non-Latin (punycode, xn--) yang bisa tampak '
        "seperti situs lain di layar. Pastikan alamatnya benar; kalau ragu, salin ulang dari "
        "aplikasi atau situs tokonya",
        '"{value}": the site name {host} uses non-Latin letters (punycode, xn--) that can look like '
        "another site on screen. Make sure the address is right; if in doubt, copy it again from "
        "the shop's app or site",
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
    "marketplace_same_label": (
        "tombol ini akan bertuliskan {label}, sama dengan tautan di atasnya, sehingga pengunjung "
        "tidak bisa membedakannya. Simpan satu toko {label} saja, atau taruh tautan produk di "
        '"links" produknya',
        "this button would read {label}, like the link above it, so visitors cannot tell them "
        'apart. Keep one {label} shop only, or put product links under the product\'s "links"',
    ),
    "cover_screenshot": (
        'foto sampul "{value}" ({width}x{height}) tampaknya tangkapan layar (screenshot) HP. Sampul '
        "tampil melebar di atas halaman booth; pakai foto usaha atau produk yang diambil mendatar",
        'the cover photo "{value}" ({width}x{height}) looks like a phone screenshot. The cover is '
        "shown wide across the top of the booth page; use a photo of the business or a product "
        "taken in landscape",
    ),
    "cover_tall": (
        'foto sampul "{value}" tegak ({width}x{height}), padahal sampul tampil melebar: bagian atas '
        "dan bawahnya akan terpotong. Pakai foto yang diambil mendatar (HP dimiringkan)",
        'the cover photo "{value}" is upright ({width}x{height}), but the cover is shown wide: its '
        "top and bottom will be cut off. Use a photo taken in landscape (phone turned sideways)",
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
        '"{value}" bukan harga yang bisa dibaca. Tulis harga dalam Rupiah, misalnya 150000, '
        "150.000, Rp150.000, 150rb, atau rentang 150.000 - 200.000",
        '"{value}" is not a price we can read. Write the price in Rupiah, for example 150000, '
        "150.000, Rp150.000, 150rb, or a range 150.000 - 200.000",
    ),
    "price_zero": (
        'harga 0 akan tampil sebagai "Rp0" di halaman dan di pesan WhatsApp. Tulis harga '
        "sebenarnya, atau kosongkan harganya kalau harga ditanyakan lewat WhatsApp",
        'a price of 0 would show as "Rp0" on the page and in the WhatsApp message. Write the real '
        "price, or leave the price out if buyers ask for it on WhatsApp",
    ),
    "price_range_with_max": (
        'price sudah berisi rentang ("{value}"). Hapus baris price_max, atau tulis satu harga saja '
        "di price",
        'price already holds a range ("{value}"). Remove the price_max line, or write a single '
        "price in price",
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
    "no_slug": (
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
    "photo_missing_type_hint": (
        'foto "{value}" tidak ada di folder ini. Maksud Anda "{suggestion}"? (nama dan jenis file, '
        "misalnya .jpg atau .HEIC, harus sama persis dengan file yang diunggah)",
        'the photo "{value}" is not in this folder. Did you mean "{suggestion}"? (the name and the '
        "file type, for example .jpg or .HEIC, must match the uploaded file exactly)",
    ),
    "photo_missing": (
        'foto "{value}" tidak ada di folder ini. Unggah fotonya ke exhibitors/{slug}/ atau '
        "perbaiki namanya",
        'the photo "{value}" is not in this folder. Upload it to exhibitors/{slug}/ or fix the '
        "name",
    ),
    "photo_link": (
        '"{value}" adalah tautan (symlink), bukan file foto. Ganti dengan file fotonya sendiri di '
        "folder ini",
        '"{value}" is a link (symlink), not a photo file. Replace it with the photo file itself in '
        "this folder",
    ),
    "photo_folder": (
        '"{value}" adalah folder, bukan file foto. Tulis nama file fotonya, dan simpan foto langsung '
        "di folder booth",
        '"{value}" is a folder, not a photo file. Write the photo\'s file name, and keep photos '
        "directly in the booth folder",
    ),
    "photo_name_nfd": (
        'nama file "{value}" tersimpan dengan huruf beraksen dalam bentuk Unicode lain (NFD, '
        "biasanya dari Mac) dan tetap dipakai. Supaya aman di semua komputer, ganti nama filenya "
        "dengan mengetik ulang namanya",
        'the file name "{value}" is stored with its accented letters in another Unicode form (NFD, '
        "usually from a Mac) and is used anyway. To be safe on every computer, rename the file by "
        "typing its name again",
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
    "booth_too_many_photos": (
        'booth ini memakai lebih dari {limit} file foto berbeda; "{value}" dan foto sesudahnya '
        "tidak dipakai. Pakai lebih sedikit foto per produk, atau minta panitia menaikkan "
        "EXPO_MAX_BOOTH_PHOTOS",
        'this booth uses more than {limit} different photo files; "{value}" and the photos after '
        "it are not used. Use fewer photos per product, or ask an organiser to raise "
        "EXPO_MAX_BOOTH_PHOTOS",
    ),
    "booth_photo_megabytes": (
        'foto-foto booth ini bersama-sama lebih dari {limit} MB; "{value}" dan foto sesudahnya '
        "tidak dipakai. Perkecil fotonya (lebar 2000 piksel sudah cukup untuk situs), atau minta "
        "panitia menaikkan EXPO_MAX_BOOTH_PHOTO_MEGABYTES",
        'the photos of this booth together are more than {limit} MB; "{value}" and the photos '
        "after it are not used. Make the photos smaller (2000 pixels wide is plenty for the "
        "site), or ask an organiser to raise EXPO_MAX_BOOTH_PHOTO_MEGABYTES",
    ),
    "booth_photo_megapixels": (
        'foto-foto booth ini bersama-sama lebih dari {limit} megapiksel; "{value}" dan foto '
        "sesudahnya tidak dipakai. Perkecil fotonya (lebar 2000 piksel sudah cukup untuk situs), "
        "atau minta panitia menaikkan EXPO_MAX_BOOTH_MEGAPIXELS",
        'the photos of this booth together are more than {limit} megapixels; "{value}" and the '
        "photos after it are not used. Make the photos smaller (2000 pixels wide is plenty for "
        "the site), or ask an organiser to raise EXPO_MAX_BOOTH_MEGAPIXELS",
    ),
    "photo_shape": (
        'foto "{value}" berukuran {width} x {height} piksel: terlalu panjang atau terlalu sempit '
        "untuk ditampilkan (sisi panjang paling banyak {limit} kali sisi pendek). Potong fotonya "
        "supaya lebih seimbang, lalu unggah lagi",
        'the photo "{value}" is {width} x {height} pixels: too long or too narrow to show (the '
        "long side may be at most {limit} times the short side). Crop it to a more even shape, "
        "then upload it again",
    ),
    "photo_size_understated": (
        'foto "{value}" menyebut ukuran {width} x {height} piksel, tetapi gambar di dalamnya lebih '
        "besar. Foto dari HP tidak begitu; buka dan ekspor ulang fotonya sebagai JPEG, lalu "
        "unggah lagi",
        'the photo "{value}" states a size of {width} x {height} pixels, but the picture inside is '
        "larger. Photos from a phone are not like that; open the photo and export it again as "
        "JPEG, then upload it again",
    ),
    "photo_shrunk": (
        'foto "{value}" sangat besar ({megapixels} megapiksel, batas {limit}); situs mengecilkannya '
        "sendiri, tetapi file aslinya tersimpan selamanya. Sebaiknya unggah versi yang lebih kecil",
        'the photo "{value}" is very big ({megapixels} megapixels, the limit is {limit}); the site '
        "shrinks it, but the original is stored forever. Better upload a smaller version",
    ),
    "photo_unreadable": (
        'foto "{value}" rusak atau bukan foto. Simpan ulang atau ekspor ulang fotonya dari HP '
        "atau aplikasi edit foto, lalu unggah lagi",
        'the photo "{value}" is damaged or not a photo. Save or export it again from the phone '
        "or photo editor, then upload it again",
    ),
    "credential_nib": (
        '"{value}" bukan NIB yang valid. NIB terdiri dari 13 angka, lihat dokumen NIB dari OSS',
        '"{value}" is not a valid NIB. A NIB has 13 digits; see the NIB document from OSS',
    ),
    "credential_pirt": (
        '"{value}" bukan nomor P-IRT yang valid. Nomor P-IRT terdiri dari 15 angka (nomor lama: 12 '
        "angka), seperti tertulis di sertifikat SPP-IRT",
        '"{value}" is not a valid P-IRT number. It has 15 digits (older numbers: 12), as printed on '
        "the SPP-IRT certificate",
    ),
    "credential_bpom": (
        '"{value}" bukan nomor BPOM yang valid. Tulis seperti MD 224510001234 atau ML ... (12 angka), '
        "atau NA diikuti 11 angka untuk kosmetik",
        '"{value}" is not a valid BPOM number. Write it like MD 224510001234 or ML ... (12 digits), '
        "or NA followed by 11 digits for cosmetics",
    ),
    "credential_halal": (
        '"{value}" bukan nomor sertifikat halal BPJPH. Nomornya diawali ID lalu angka, misalnya '
        "ID33110000123450521, seperti tertulis di sertifikat",
        '"{value}" is not a BPJPH halal certificate number. It starts with ID followed by digits, '
        "for example ID33110000123450521, as printed on the certificate",
    ),
    "credential_sni": (
        '"{value}" bukan nomor SNI. Tulis nomor standar SNI produk Anda (misalnya SNI 7325:2008) '
        "atau nomor sertifikat SPPT-SNI persis seperti tertulis di sertifikat",
        '"{value}" is not an SNI number. Write the SNI standard of your product (for example SNI '
        "7325:2008) or the SPPT-SNI certificate number exactly as printed on the certificate",
    ),
    "credential_zero": (
        '"{value}" hanya berisi angka 0, jadi bukan nomor izin yang sebenarnya. Tulis nomor seperti '
        "tertulis di dokumen izin Anda, atau hapus baris ini",
        '"{value}" is only zeros, so it is not a real licence number. Write the number as printed '
        "on your licence, or remove this line",
    ),
    "page_collision": (
        "dua halaman akan ditulis ke file yang sama, {file}: {first} dan {second}. Ganti nama salah "
        "satunya (folder, nama produk, slug halaman) atau pola URL di pelicanconf.py",
        "two pages would be written to the same file, {file}: {first} and {second}. Rename one of "
        "them (folder, product name, page slug) or change the URL pattern in pelicanconf.py",
    ),
    "booth_duplicate_name": (
        'booth "{other}" memakai nama yang sama. Pengunjung akan sulit membedakan; tambahkan nama '
        "kota atau ciri khas pada nama usaha",
        'the booth "{other}" uses the same name. Visitors will find it hard to tell them apart; '
        "add the city or something distinctive to the business name",
    ),
    "video_recommended": (
        "booth ini belum punya video. Video produk singkat dari HP (unggah ke YouTube, lalu tulis "
        '"video: https://youtu.be/...") membuat pengunjung lebih yakin',
        "this booth has no video yet. A short product video from a phone (upload it to YouTube, "
        'then add "video: https://youtu.be/...") makes visitors more confident',
    ),
    "photo_large": (
        'foto "{value}" besar sekali ({size} MB, disarankan di bawah {limit} MB). Situs tetap '
        "memperkecilnya, tetapi file aslinya disimpan selamanya; kirim versi yang lebih kecil",
        'the photo "{value}" is very large ({size} MB, below {limit} MB is advised). The site still '
        "shrinks it, but the original is stored forever; send a smaller version",
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
    "joined_future": (
        "tanggal bergabung {value} belum terjadi (hari ini {today}). Tulis tanggal Anda "
        "bergabung, paling lambat hari ini",
        "the date joined {value} is in the future (today is {today}). Write the date you joined, "
        "today at the latest",
    ),
    "featured_unknown": (
        'booth "{value}" di EXPO_FEATURED tidak ada di folder exhibitors/. Perbaiki nama foldernya',
        'the booth "{value}" in EXPO_FEATURED is not a folder in exhibitors/. Fix the folder name',
    ),
    "hero_image_missing": (
        'file "{value}" tidak ada di folder proyek. Taruh foto banner di sana (misalnya '
        "content/images/banner.jpg) atau kosongkan EXPO_HERO_IMAGE",
        'the file "{value}" is not in the project folder. Put the banner photo there (for example '
        "content/images/banner.jpg) or leave EXPO_HERO_IMAGE empty",
    ),
    "hero_image_unreadable": (
        'file "{value}" bukan foto yang bisa dibuka. Simpan ulang sebagai JPEG atau PNG',
        'the file "{value}" is not a photo that can be opened. Save it again as JPEG or PNG',
    ),
    "hero_image_large": (
        'foto banner "{value}" berukuran {size} KB, lebih dari 1024 KB. Perkecil ke lebar sekitar '
        "1600 piksel: setiap pengunjung mengunduhnya di halaman depan",
        'the banner photo "{value}" is {size} KB, more than 1024 KB. Resize it to about 1600 pixels '
        "wide: every visitor downloads it on the home page",
    ),
    # --- pull requests: invoke check-pr (who may change what) and invoke codeowners
    "pr_site_file": (
        "file ini bagian dari situs, bukan folder booth, jadi hanya panitia yang boleh mengubahnya. "
        "Batalkan perubahan pada file ini dan ubah hanya exhibitors/<folder-anda>/; kalau "
        "perubahan ini memang perlu, minta panitia",
        "this file is part of the site, not a booth folder, so only organisers may change it. "
        "Undo the change to this file and only change exhibitors/<your-folder>/; if the change "
        "is really needed, ask an organiser",
    ),
    "pr_foreign_edit": (
        "folder {folder} milik {owners}, dan {author} tidak tercantum di owners-nya. Batalkan "
        "perubahan ini dan ubah hanya folder Anda sendiri; kalau folder ini perlu diubah, minta "
        "pemiliknya atau panitia",
        "the folder {folder} belongs to {owners}, and {author} is not one of its owners. Undo "
        "this change and only change your own folder; if this folder needs a change, ask its "
        "owners or an organiser",
    ),
    "pr_foreign_delete": (
        "file ini dihapus atau dipindahkan, padahal folder {folder} milik {owners}, bukan "
        "{author}. Kembalikan file ini; hanya pemilik folder atau panitia yang boleh menghapus "
        "atau memindahkannya",
        "this file was deleted or moved, but the folder {folder} belongs to {owners}, not "
        "{author}. Put the file back; only the folder's owners or an organiser may delete or "
        "move it",
    ),
    "pr_no_owners": (
        "folder {folder} belum punya owners yang terbaca di cabang utama, jadi hanya panitia yang "
        "boleh mengubahnya. Minta panitia memperbaiki kolom owners di exhibitor.yml",
        "the folder {folder} has no readable owners on the main branch, so only organisers may "
        "change it. Ask an organiser to fix the owners field in exhibitor.yml",
    ),
    "pr_owners_self_added": (
        "{author} menambahkan diri ke owners folder {folder}, padahal pemiliknya sekarang {owners}. "
        "Owners baru berlaku setelah pull request digabung, dan hanya pemilik sekarang atau "
        "panitia yang boleh mengubahnya. Minta {owners} atau panitia menambahkan nama Anda",
        "{author} added themselves to the owners of {folder}, which now belongs to {owners}. "
        "Owners only count once the pull request is merged, and only the current owners or an "
        "organiser may change them. Ask {owners} or an organiser to add you",
    ),
    "pr_new_folder_not_owner": (
        'folder baru {folder}: owners di exhibitor.yml tidak memuat {author}. Tambahkan baris '
        '  - "{login}"  di bawah "owners:" (dengan tanda kutip) dan pastikan file itu bisa dibaca '
        "(invoke validate {folder})",
        'new folder {folder}: the owners in exhibitor.yml do not include {author}. Add a line '
        '  - "{login}"  under "owners:" (with the quotes) and make sure the file can be read '
        "(invoke validate {folder})",
    ),
    "pr_folder_case_collision": (
        "folder baru {folder} hanya berbeda huruf besar/kecil dengan booth {other} yang sudah ada; "
        "di Windows dan macOS keduanya folder yang sama. Kalau ini booth Anda, ubah file di {other}; "
        "kalau booth baru, pakai nama folder lain dengan huruf kecil",
        "the new folder {folder} differs only in upper/lower case from the existing booth {other}; "
        "on Windows and macOS they are the same folder. If this is your booth, change the files in "
        "{other}; if it is a new booth, use another lowercase folder name",
    ),
    "pr_yaml_link": (
        "folder baru {folder}: exhibitor.yml adalah tautan (symlink), jadi owners-nya tidak dibaca. "
        "Ganti dengan file exhibitor.yml biasa yang isinya ditulis langsung di folder itu",
        "new folder {folder}: exhibitor.yml is a link (symlink), so its owners are not read. "
        "Replace it with a plain exhibitor.yml written in that folder",
    ),
    "pr_failed": (
        "{count} file diubah di luar folder milik {author}. Perbaiki pull request ini seperti "
        "di atas, atau minta panitia memeriksanya.",
        "{count} file(s) changed outside the folders {author} owns. Fix this pull request as "
        "described above, or ask an organiser to review it.",
    ),
    "pr_organisers": ("Panitia (organisers): {organisers}", "Panitia (organisers): {organisers}"),
    "pr_ok": (
        "OK: {count} perubahan, semuanya di folder milik {author}",
        "{count} change(s), all in folders {author} owns",
    ),
    "pr_ok_organiser": (
        "OK: {author} adalah panitia dan boleh mengubah semua file ({count} perubahan)",
        "{author} is an organiser and may change any file",
    ),
    "pr_base_missing": (
        "--base wajib diisi, misalnya: invoke check-pr --base origin/main --author <nama-pengguna>",
        "--base is required, for example: invoke check-pr --base origin/main --author <username>",
    ),
    "pr_author_invalid": (
        '--author "{value}" bukan nama pengguna GitHub. Contoh: invoke check-pr --base origin/main '
        "--author sari-batik",
        '--author "{value}" is not a GitHub username. Example: invoke check-pr --base origin/main '
        "--author sari-batik",
    ),
    "git_unknown_ref": (
        '"{ref}" tidak dikenal di repositori ini. Periksa nama cabangnya (misalnya origin/main) '
        "dan ambil riwayat lengkap: git fetch origin, atau fetch-depth: 0 di actions/checkout",
        '"{ref}" is not known in this repository. Check the branch name (for example origin/main) '
        "and fetch the full history: git fetch origin, or fetch-depth: 0 in actions/checkout",
    ),
    "git_no_merge_base": (
        '"{ref}" dan HEAD tidak punya riwayat bersama. Ambil riwayat lengkap (git fetch '
        "--unshallow, atau fetch-depth: 0 di actions/checkout) dan pastikan cabangnya benar",
        '"{ref}" and HEAD share no history. Fetch the full history (git fetch --unshallow, or '
        "fetch-depth: 0 in actions/checkout) and check the branch is right",
    ),
    "git_not_repository": (
        "{root} bukan puncak sebuah repositori git. Jalankan perintah ini dari folder proyek "
        "hasil git clone",
        "{root} is not the top of a git repository. Run this command from the project folder "
        "made by git clone",
    ),
    "git_missing": (
        "program git tidak ditemukan. Pasang git, lalu jalankan lagi",
        "the git program was not found. Install git, then run again",
    ),
    "git_failed": ("git gagal: {detail}", "git failed: {detail}"),
    "setting_literal": (
        "{name} di {where} harus ditulis sebagai nilai biasa, misalnya "
        '{name} = ["panitia-expo"]',
        "{name} in {where} must be written as a plain value, for example "
        '{name} = ["panitia-expo"]',
    ),
    "organiser_invalid": (
        '"{value}" di EXPO_ORGANISERS ({where}) bukan nama pengguna GitHub. Tulis nama pengguna '
        "saja, misalnya panitia-expo",
        '"{value}" in EXPO_ORGANISERS ({where}) is not a GitHub username. Write the username '
        "only, for example panitia-expo",
    ),
    "codeowners_outdated": (
        "{path} belum sesuai dengan kolom owners. Jalankan: invoke codeowners, lalu commit "
        "file itu",
        "{path} does not match the owners fields. Run: invoke codeowners, then commit the file",
    ),
    "codeowners_ok": ("OK: {path} sudah sesuai", "up to date"),
    "codeowners_written": ("Ditulis: {path} ({count} folder)", "Written: {path} ({count} folder(s))"),
    "codeowners_no_organisers": (
        "EXPO_ORGANISERS kosong: file situs tidak punya pemilik di CODEOWNERS. Isi EXPO_ORGANISERS "
        "di pelicanconf.py",
        "EXPO_ORGANISERS is empty: site files have no owner in CODEOWNERS. Set EXPO_ORGANISERS "
        "in pelicanconf.py",
    ),
}

# `invoke import-csv` texts live in their own module; one table keeps `render` simple.
from expo.text.import_messages import IMPORT_MESSAGES  # noqa: E402

MESSAGES.update(IMPORT_MESSAGES)
from expo.text.review_messages import REVIEW_MESSAGES  # noqa: E402

MESSAGES.update(REVIEW_MESSAGES)
from expo.text.build_messages import BUILD_MESSAGES  # noqa: E402

MESSAGES.update(BUILD_MESSAGES)
from expo.text.agenda_messages import AGENDA_MESSAGES  # noqa: E402

MESSAGES.update(AGENDA_MESSAGES)


# Parameters that list the project's own choices (field names, categories, logins): escaped
# like every value, but never cut short, since the list is the hint.
_WHOLE = {"known", "choices", "organisers", "owners", "example"}


def render(key: str, lang: str, params: Mapping[str, object]) -> str:
    """The message `key` in `lang` ('id' or 'en'), filled with `params`. Every text parameter
    is shown as one escaped line of bounded length (escape.printable): values come from
    exhibitors and spreadsheets, and messages go to terminals and CI logs."""
    texts = MESSAGES[key]
    text = texts[1] if lang == "en" else texts[0]
    shown = {}
    for name, value in params.items():
        if isinstance(value, str) and value.startswith("yaml_problem_") and value in MESSAGES:
            shown[name] = render(value, lang, {})  # the explanation of a YAML problem
        elif isinstance(value, (int, float)):
            shown[name] = value
        else:  # text, and anything else shown as text (a Path, a date a YAML value became)
            shown[name] = printable(value, None if name in _WHOLE else MAX_ECHO)
    return text.format(**shown)
