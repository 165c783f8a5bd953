from . import hr_departure_wizard
from . import hr_exit_interview_wizard_mixin
from . import hr_exit_interview_held
from . import hr_exit_interview_send
from . import hr_exit_interview_summary_wizard
from . import hr_exit_interview_share
from . import hr_exit_interview_settings
from . import hr_exit_interview_external
