"""Languages: one declarative TOML file each, loaded into a registry."""

from afterburner.languages.base import Language
from afterburner.languages.registry import all_languages, detect_language, get_language

__all__ = ["Language", "all_languages", "detect_language", "get_language"]
