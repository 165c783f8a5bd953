from . import portal
from . import report
from . import portal_interviewer
