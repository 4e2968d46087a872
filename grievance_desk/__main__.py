"""Lets ``python -m grievance_desk`` do what the ``grievance-desk`` command does."""

from grievance_desk.cli import main

raise SystemExit(main())
