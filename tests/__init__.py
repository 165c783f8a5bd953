from . import test_smoke
from . import test_template
from . import test_interview
from . import test_workflow
from . import test_ways_in
from . import test_security
from . import test_portal
from . import test_reports
