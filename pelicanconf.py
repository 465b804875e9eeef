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
