from . import hr_departure_wizard
