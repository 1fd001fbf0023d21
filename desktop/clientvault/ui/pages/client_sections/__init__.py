"""The sections of the client page, one widget each: basic data, people, sensitive items, history.

(The consent section is ``ui/widgets/consent_tab.py``.) Each section fills itself from the
``ClientDetail`` the page read, offers only what the role may do, and reports what it changed
through the page (``ClientDetailPage.changed``), which tells every other view.
"""
