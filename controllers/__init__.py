from . import portal
from . import report
from . import told
from . import portal_interviewer
