"""Countries, organisations, people and the visits that bring them together.

What the public may see is decided in one place per model:
`Visit.objects.public()`, `Person.objects.public()`,
`Organisation.objects.public()`. Countries are reference data and always public;
their visit counts come from `Visit.objects.public()`.
"""

from .records import Country, Organisation, Person
from .visits import Participation, Stop, Visit

__all__ = ["Country", "Organisation", "Participation", "Person", "Stop", "Visit"]
