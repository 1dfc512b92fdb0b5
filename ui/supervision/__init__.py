"""Social supervision of the outlets (issue 21): surveys, the suggestion box, assessments, commendations."""
