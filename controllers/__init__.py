from . import portal
from . import report
from . import report_read_first
