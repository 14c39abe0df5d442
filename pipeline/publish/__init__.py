"""Stage 4, publish: what people read. The tracking workbook (``workbook/``), the data-quality
report (``report``) and its e-mail (``mailer``). Each gives bytes or text; the run decides where
they are written.
"""

from pipeline.publish import mailer, workbook
from pipeline.publish.report import report_html

__all__ = ["mailer", "report_html", "workbook"]
