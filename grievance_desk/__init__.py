"""Grievance Desk: an offline, encrypted case register for a grievance officer."""

__version__ = "0.1.0"

APP_NAME = "Grievance Desk"
APP_ID = "grievance-desk"
ORG_NAME = "Grievance Desk"
#: Reverse-DNS names for the desktop: Qt's organisation domain, and one id for the macOS
#: bundle, the AppStream component and D-Bus. Letters and dots only, the one form that all
#: three accept (macOS refuses "_", D-Bus and AppStream refuse "-" in an id's parts).
ORG_DOMAIN = "grievancedesk.org"
BUNDLE_ID = "org.grievancedesk.GrievanceDesk"
