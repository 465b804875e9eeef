"""Site settings for the demo expo. Organisers: change the EXPO_* values and SITENAME.

Every EXPO_* option is documented in expo/settings.py.
"""

AUTHOR = "Panitia Expo"
SITENAME = "Expo UMKM Virtual Jawa Tengah 2026"
SITEURL = ""  # publishconf.py sets the real address
PATH = "content"
THEME = "theme"
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
RELATIVE_URLS = True  # the preview works from any folder; publishconf.py turns this off

PLUGINS = ["expo"]  # always explicit: unset, Pelican loads every installed plugin

EXPO_NAME = SITENAME
EXPO_DATES = "16-30 November 2026, toko tetap buka setelah expo"
EXPO_ORGANISER = "Dinas Koperasi, UKM dan Perdagangan (demo)"
EXPO_START_DATE = "2026-11-16"  # the same days for search engines (schema.org ExhibitionEvent)
EXPO_END_DATE = "2026-11-30"
EXPO_ORDER_CODE_PREFIX = "UVO26"  # cart orders: UVO26-<booth>-<random>, for exhibitors and counting
# Order analytics is off (no script, no request elsewhere); README "Analitik pesanan" to count offers.
# The site is in Indonesian at / and in English at /en/ (EXPO_LANGUAGES = ["id"] for one).
EXPO_NAME_EN = "Central Java Virtual UMKM Expo 2026"
EXPO_DATES_EN = "16-30 November 2026, shops stay open after the expo"
EXPO_ORGANISER_EN = "Office of Cooperatives, SMEs and Trade (demo)"
# Editions: one site for every edition of the expo, the mall open between them (as UKM Virtual
# Expo Jawa Tengah kept its mall open after UVO I and II). Each edition: key (what exhibitors
# write in `editions:` and its page's address, /edisi/<key>/), name, start_date and end_date
# (ISO days) required; name_en, theme and theme_en optional. Leave the list out for no editions.
EXPO_EDITIONS = [
    {"key": "1", "name": "Expo UMKM Virtual Jawa Tengah I", "name_en": "Central Java Virtual UMKM Expo I",
     "start_date": "2026-08-03", "end_date": "2026-08-14",
     "theme": "Bangkit bersama UMKM: kuliner, kerajinan dan produk sehari-hari",
     "theme_en": "Rising together with UMKM: food, crafts and everyday products"},
    {"key": "2", "name": "Expo UMKM Virtual Jawa Tengah II", "name_en": "Central Java Virtual UMKM Expo II",
     "start_date": "2026-11-16", "end_date": "2026-11-30",
     "theme": "Fesyen dan batik Jawa Tengah", "theme_en": "Central Java fashion and batik"},
]
EXPO_FEATURED = []  # booth folder names to show first; empty = booths with most products
EXPO_RECOMMEND_VIDEO = False  # demo only (its videos are placeholders); a real expo: True
# GitHub usernames of the organisers: they may change any file in a pull request and own
# every file in .github/CODEOWNERS (invoke codeowners). check-pr reads this list from the base
# branch, so write it as a plain list here.
EXPO_ORGANISERS = ["panitia-expo"]

# The expo's events: the agenda page lists them and agenda.ics puts them in visitors' calendars.
# Times in WIB; every field is explained in expo/settings.py (EXPO_AGENDA).
EXPO_AGENDA = [
    {"start": "2026-11-16 09:00", "end": "2026-11-16 10:30",
     "title": "Pembukaan resmi dan peluncuran booth virtual",
     "title_en": "Official opening and launch of the virtual booths",
     "location": "Hybrid: Gedung Serbaguna (tamu undangan) dan YouTube panitia",
     "location_en": "Hybrid: multipurpose hall (invited guests) and the organisers' YouTube channel"},
    {"start": "2026-11-17 13:00", "end": "2026-11-17 14:30",
     "title": "Siaran langsung: Hari Batik Pekalongan dan Batang",
     "title_en": "Live: Batik Day of Pekalongan and Batang",
     "location": "YouTube panitia",
     "location_en": "The organisers' YouTube channel"},
    {"start": "2026-11-18 13:00", "end": "2026-11-18 14:30",
     "title": "Kelas daring: foto produk pakai HP untuk UMKM",
     "title_en": "Online class: product photos with a phone",
     "location": "Zoom dan YouTube panitia",
     "location_en": "Zoom and the organisers' YouTube channel"},
    {"start": "2026-11-19 19:00", "end": "2026-11-19 20:30",
     "title": "Live shopping kuliner oleh-oleh Semarang",
     "title_en": "Live shopping: food gifts from Semarang",
     "location": "YouTube panitia",
     "location_en": "The organisers' YouTube channel"},
    {"start": "2026-11-21 10:00", "end": "2026-11-21 11:30",
     "title": "Temu bisnis: UMKM bertemu pembeli dan toko oleh-oleh",
     "title_en": "Business meeting: small businesses meet buyers and gift shops",
     "location": "Zoom (tautan dikirim setelah mendaftar)",
     "location_en": "Zoom (link sent after registering)"},
    {"start": "2026-11-24 13:00", "end": "2026-11-24 14:30",
     "title": "Kelas daring: mengurus NIB, P-IRT dan sertifikat halal",
     "title_en": "Online class: business ID (NIB), P-IRT and halal certificates",
     "location": "Zoom dan YouTube panitia",
     "location_en": "Zoom and the organisers' YouTube channel"},
    {"start": "2026-11-26 19:00", "end": "2026-11-26 20:30",
     "title": "Live shopping kerajinan dan aksesoris",
     "title_en": "Live shopping: crafts and accessories",
     "location": "YouTube panitia",
     "location_en": "The organisers' YouTube channel"},
    {"start": "2026-11-28 10:00", "end": "2026-11-28 11:30",
     "title": "Siaran langsung: Bandeng Juwana dan hasil perikanan",
     "title_en": "Live: Juwana milkfish and fish products",
     "location": "YouTube panitia",
     "location_en": "The organisers' YouTube channel"},
    {"start": "2026-11-30 15:00", "end": "2026-11-30 16:00",
     "title": "Penutupan dan pengumuman booth terfavorit",
     "title_en": "Closing and the visitors' favourite booths",
     "location": "YouTube panitia",
     "location_en": "The organisers' YouTube channel"},
]

# --- Pelican's blog parts: the expo has no posts, tags, authors or feeds.
ARTICLE_PATHS = []
PAGE_PATHS = ["pages"]
DIRECT_TEMPLATES = []
ARTICLE_SAVE_AS = ""
ARTICLE_LANG_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
TAG_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

STATIC_PATHS = []
READERS = {"rst": None}  # content is Markdown; docutils would only add noise about 'id'

DELETE_OUTPUT_DIRECTORY = False  # builds go to a fresh folder that replaces output/ whole
