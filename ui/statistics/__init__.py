"""The parts of the statistics page: table models, charts, the unit-filter and unit-cases dialog."""
