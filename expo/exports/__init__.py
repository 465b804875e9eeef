"""Data files the build publishes for partners and exhibitors, beside the pages: catalog.json
with its JSON Schema, a Meta (WhatsApp Business, Facebook) catalog CSV per booth, a Google
Merchant Center feed and the agenda as an .ics calendar. Every rule they share (a product's
id, its price text, its photo and page addresses) is stated once, in facts.py."""
