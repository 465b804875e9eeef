"""Texts of the EXPO_AGENDA check (expo/values/agenda.py), Indonesian first, merged into
`messages.MESSAGES`. Every message names the event by its place in the list."""

from __future__ import annotations

AGENDA_MESSAGES: dict[str, tuple[str, str]] = {
    "agenda_not_list": (
        "EXPO_AGENDA harus berupa daftar acara dalam kurung siku, misalnya [{example}].",
        "EXPO_AGENDA must be a list of events in square brackets, for example [{example}].",
    ),
    "agenda_not_mapping": (
        "EXPO_AGENDA acara ke-{number} harus ditulis dalam kurung kurawal, misalnya {example}.",
        "EXPO_AGENDA event {number} must be written in curly braces, for example {example}.",
    ),
    "agenda_unknown_key": (
        'EXPO_AGENDA acara ke-{number}: "{key}" tidak dikenal. Yang bisa dipakai: {known}.',
        'EXPO_AGENDA event {number}: "{key}" is not known. You can use: {known}.',
    ),
    "agenda_missing": (
        'EXPO_AGENDA acara ke-{number} belum punya "{key}". Setiap acara perlu start, end dan title, '
        "misalnya {example}.",
        'EXPO_AGENDA event {number} has no "{key}". Every event needs start, end and title, '
        "for example {example}.",
    ),
    "agenda_not_text": (
        'EXPO_AGENDA acara ke-{number}: "{key}" harus berupa teks dalam tanda kutip.',
        'EXPO_AGENDA event {number}: "{key}" must be text in quotes.',
    ),
    "agenda_too_long": (
        'EXPO_AGENDA acara ke-{number}: "{key}" lebih dari {limit} karakter. Persingkat.',
        'EXPO_AGENDA event {number}: "{key}" is longer than {limit} characters. Shorten it.',
    ),
    "agenda_time": (
        'EXPO_AGENDA acara ke-{number}: "{key}" harus tanggal dan jam WIB seperti "2026-11-16 09:00", '
        'bukan "{value}".',
        'EXPO_AGENDA event {number}: "{key}" must be a date and time in WIB like "2026-11-16 09:00", '
        'not "{value}".',
    ),
    "agenda_end_before_start": (
        "EXPO_AGENDA acara ke-{number}: end harus setelah start.",
        "EXPO_AGENDA event {number}: end must come after start.",
    ),
    "agenda_url": (
        'EXPO_AGENDA acara ke-{number}: url harus alamat yang diawali https://, bukan "{value}".',
        'EXPO_AGENDA event {number}: url must be an address starting with https://, not "{value}".',
    ),
}
