from . import hr_exit_interview
