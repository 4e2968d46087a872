"""PDF rendering of letters and reports from plain data; never touches the database."""
