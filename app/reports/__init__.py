"""Reports: the quarterly unit report, the monthly phone-revisit analysis, evaluation samples."""
