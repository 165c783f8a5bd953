from . import hr_exit_interview_report
from . import hr_exit_interview_summary_report
from . import hr_exit_interview_access_report
