"""Grievance Desk: an offline, encrypted case register for a grievance officer."""

__version__ = "0.1.0"

APP_NAME = "Grievance Desk"
APP_ID = "grievance-desk"
ORG_NAME = "Grievance Desk"
#: Reverse-DNS names for the desktop: Qt's organisation domain, the macOS bundle id.
ORG_DOMAIN = "grievance-desk.org"
BUNDLE_ID = "org.grievance-desk.GrievanceDesk"
