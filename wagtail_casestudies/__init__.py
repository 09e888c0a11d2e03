"""A council-innovation case-study library for Wagtail."""

__version__ = "0.1.0"
