"""Case-study submissions: the intake (HTML form page and JSON endpoint), the stored submission,
the template as JSON Schema and .docx, and turning a submission into a draft case study.

Everything here reads one definition of the template: ``template.TEMPLATE_SECTIONS`` and the
section blocks in ``blocks.py``, through ``forms.SubmissionForm``.
"""
