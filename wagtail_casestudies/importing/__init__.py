"""Case studies from elsewhere: Word documents (the filled-in template, or any document written to
its headings) and exports from other systems (JSON Lines, CSV with body HTML).

- :mod:`.headings` recognises the template's headings as councils write them (one matcher).
- :mod:`.document` is what a reader finds: sections, fields, tables, what could not be placed.
- :mod:`.word` reads a .docx; :mod:`.html` splits body HTML; neither cares where it came from.
- :mod:`.intake` turns what was read into a submission for the intake's one form.
- :mod:`.library` imports many case studies as pages (the admin action and the command).
"""
