"""Reports for organisers, computed from the validated catalog (pure)."""
