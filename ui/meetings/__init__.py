"""The meetings list: planning a year, a meeting's details, cancelling one."""
