"""Mentorbook: a mentoring curriculum in YAML -> an organization's mentoring handbook."""

import warnings

__version__ = "0.1.0"

# WeasyPrint warns on import when the machine has no fonts at all. The PDFs use only the
# package's own fonts (pdf/fonts.py), so such a machine makes the same PDFs as any other.
warnings.filterwarnings("ignore", message="(No fonts configured|FontConfig cannot load)", module="weasyprint")
