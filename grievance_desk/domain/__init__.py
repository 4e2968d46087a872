"""Pure rules of the grievance office: cases, workflow, deadlines. No I/O, no clock."""
