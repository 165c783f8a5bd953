from . import portal
from . import report
from . import told
from . import portal_interviewer
from . import report_read_first
