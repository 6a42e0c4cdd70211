"""Case-aware redaction: Jane Doe pseudonyms, court-rule profiles and a fail-closed leak check."""
