"""The only part of matcher that reads and writes the database (rows in, results out)."""
